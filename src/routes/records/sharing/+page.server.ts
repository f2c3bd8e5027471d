// /records/sharing: the sharing decisions behind any withheld-information figure, 50 a page.
import { getLocale } from '$lib/paraglide/runtime';
import type { SharingView } from '$lib/records/params';
import type { SharingRow } from '$lib/records/rows';
import { filterOptions, loadRecordsPage, pageFromUrl, viewFromUrl } from '$lib/server/records';
import { withConnection } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const view = viewFromUrl('sharing', url) as SharingView;
	const page = pageFromUrl(url);
	return withConnection(async (con) => {
		const result = await loadRecordsPage(con, view, page);
		const options = await filterOptions(con, getLocale() === 'nl');
		return {
			view,
			...result,
			rows: result.rows as unknown as SharingRow[],
			options: { states: options.states, channels: options.channels }
		};
	});
};
