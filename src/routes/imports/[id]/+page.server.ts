// /imports/[id]: one import batch and one view of its rows ($lib/server/imports).
import { batchPage, batchParams } from '$lib/server/imports';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) =>
	batchPage(locals.scope, batchParams(params.id, url));
