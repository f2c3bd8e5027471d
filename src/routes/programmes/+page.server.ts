// /programmes: the action catalogues with their actions, actors and reporting rounds as of D.
import { programmesPage } from '$lib/server/programme';
import { urlFilters } from '$lib/server/url';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) =>
	programmesPage(locals.scope, urlFilters(url, ['asOf']).asOf);
