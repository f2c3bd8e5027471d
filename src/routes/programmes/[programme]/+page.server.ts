// /programmes/[programme]: one catalogue as of D, by chapter and by action (all actors, or the
// one in ?actor= / ?ms=), with its reporting rounds. 404 for an unknown programme.
import { programmePage } from '$lib/server/programme';
import { urlView } from '$lib/server/url';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, params, locals }) => {
	// The same parameters as /records/actions, so ?actor= and ?ms= are checked alike.
	const view = urlView('actions', url);
	return programmePage(locals.scope, {
		programme: params.programme,
		asOf: view.filters.asOf,
		actor: view.actor
	});
};
