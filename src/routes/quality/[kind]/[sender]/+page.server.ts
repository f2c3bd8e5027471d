// /quality/[kind]/[sender]: the rows behind the data-quality figures of one sender and kind
// ($lib/server/quality). An alias (GR) or a lower-case code (nl) leads to the canonical address.
import { redirectToCode } from '$lib/server/actor';
import { qualityPage, qualityParams } from '$lib/server/quality';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) =>
	qualityPage(locals.scope, {
		...qualityParams(params.kind, url),
		sender: params.sender,
		onAlias: (code) => redirectToCode(url, code)
	});
