// /reports: the reports the caller may produce, each with its parameter form.
import { getLocale } from '$lib/paraglide/runtime';
import { reportsPage } from '$lib/server/reports/page';
import { todayIso } from '$lib/server/clock';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	...(await reportsPage(locals.scope, getLocale())),
	today: todayIso()
});
