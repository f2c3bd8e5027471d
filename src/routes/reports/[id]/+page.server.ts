// /reports/[id]?asOf=...: the report as HTML, with a download in each format.
import { getLocale } from '$lib/paraglide/runtime';
import { reportPreview, reportsPage } from '$lib/server/reports/page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => ({
	preview: await reportPreview(locals.scope, params.id, url, getLocale()),
	options: await reportsPage(locals.scope, getLocale())
});
