// /programmes: the action catalogues with their actions, actors and reporting rounds as of D.
import { programmesPage } from '$lib/server/programme';
import { filtersFromUrl } from '$lib/server/records';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) =>
	programmesPage(locals.scope, filtersFromUrl(url).asOf);
