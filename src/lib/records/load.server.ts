// The load of a records page: its view and page from the URL, one page of rows with the exact
// total, and the filter options the page offers.
import { getLocale } from '$lib/paraglide/runtime';
import { filterOptions, type FilterOptions, loadRecordsPage } from '$lib/server/records';
import { withData } from '$lib/server/data';
import { urlPage, urlView } from '$lib/server/url';
import type { Scope } from '$lib/server/scope';
import type { RecordSet, RecordsView } from './params';
import type { PairRow, RetentionRow, SharingRow } from './rows';

type ViewOf<S extends RecordSet> = Extract<RecordsView, { set: S }>;

interface RowTypes {
	actions: PairRow;
	sharing: SharingRow;
	retention: RetentionRow;
}

/** `pickOptions` chooses, from all filter options, those the page's form offers. */
export async function loadRecords<S extends RecordSet, O>(
	scope: Scope,
	set: S,
	url: URL,
	pickOptions: (options: FilterOptions, view: ViewOf<S>) => O
) {
	const view: ViewOf<S> = urlView(set, url);
	const page = urlPage(url);
	return withData(scope, async (data) => {
		const result = await loadRecordsPage(data, view, page);
		const options = await filterOptions(data, getLocale() === 'nl');
		return {
			view,
			...result,
			rows: result.rows as unknown as RowTypes[S][],
			options: pickOptions(options, view)
		};
	});
}
