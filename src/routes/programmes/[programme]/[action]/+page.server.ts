// /programmes/[programme]/[action]: one action as of D ($lib/server/action). 404 for an unknown
// programme or action.
import { actionPage } from '$lib/server/action';
import { urlView } from '$lib/server/url';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, params, locals }) => {
	const view = urlView('actions', url);
	return actionPage(locals.scope, {
		programme: params.programme,
		action: params.action,
		asOf: view.filters.asOf,
		actor: view.actor
	});
};
