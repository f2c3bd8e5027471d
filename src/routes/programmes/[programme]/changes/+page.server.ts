// /programmes/[programme]/changes: the changes between two reporting rounds of a programme, per
// actor and group, and the pairs behind each count ($lib/server/changes). 404 for an unknown
// programme; 400 for an unknown parameter, a bad date, a date that is not a round or rounds in
// the wrong order.
import { getLocale } from '$lib/paraglide/runtime';
import { changesPage, parseChanges } from '$lib/server/changes';
import { todayIso } from '$lib/server/clock';
import { fromUrl } from '$lib/server/url';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, params, locals }) =>
	changesPage(
		locals.scope,
		fromUrl(() => parseChanges(params.programme, url, todayIso())),
		getLocale()
	);
