// /records/retention: the retention records behind any compliance figure, 50 a page.
import { getLocale } from '$lib/paraglide/runtime';
import type { RetentionView } from '$lib/records/params';
import type { RetentionRow } from '$lib/records/rows';
import { filterOptions, loadRecordsPage, pageFromUrl, viewFromUrl } from '$lib/server/records';
import { withConnection } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const view = viewFromUrl('retention', url) as RetentionView;
	const page = pageFromUrl(url);
	return withConnection(async (con) => {
		const result = await loadRecordsPage(con, view, page);
		const options = await filterOptions(con, getLocale() === 'nl');
		return {
			view,
			...result,
			rows: result.rows as unknown as RetentionRow[],
			options: {
				states: options.states,
				registers: options.registers,
				legalBases: options.legalBases
			}
		};
	});
};
