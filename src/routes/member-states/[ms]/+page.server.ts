// /member-states/[ms]: one member state as of D ($lib/server/member-state). An alias (GR) or a
// lower-case code (at) leads to the canonical address.
import { m } from '$lib/paraglide/messages';
import { redirectToCode } from '$lib/server/actor';
import { filtersOf } from '$lib/server/dashboard';
import { memberStatePage } from '$lib/server/member-state';
import { pageParam } from '$lib/server/paging';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) =>
	memberStatePage(locals.scope, {
		ms: params.ms,
		filters: filtersOf(url),
		page: pageParam(url, (value) => m.dash_bad_page({ value })),
		onAlias: (code) => redirectToCode(url, code)
	});
