// /member-states/[ms]: one member state as of D ($lib/server/member-state). An alias (GR) or a
// lower-case code (at) leads to the canonical address.
import { redirectToCode } from '$lib/server/actor';
import { urlFilters, urlPage } from '$lib/server/url';
import { memberStatePage } from '$lib/server/member-state';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) =>
	memberStatePage(locals.scope, {
		ms: params.ms,
		filters: urlFilters(url, [
			'asOf',
			'from',
			'to',
			'programme',
			'channel',
			'register',
			'legalBasis',
			'page'
		]),
		page: urlPage(url),
		onAlias: (code) => redirectToCode(url, code)
	});
