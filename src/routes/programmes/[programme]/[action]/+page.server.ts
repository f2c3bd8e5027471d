// /programmes/[programme]/[action]: one action as of D ($lib/server/action). 404 for an unknown
// programme or action.
import type { ActionsView } from '$lib/records/params';
import { actionPage } from '$lib/server/action';
import { viewFromUrl } from '$lib/server/records';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, params, locals }) => {
	const view = viewFromUrl('actions', url) as ActionsView;
	return actionPage(locals.scope, {
		programme: params.programme,
		action: params.action,
		asOf: view.filters.asOf,
		actor: view.actor
	});
};
