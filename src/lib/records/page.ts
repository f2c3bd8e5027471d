// What every records page loads (see load.server.ts) and its frame (RecordsShell) shows.
import type { RecordsView } from './params';

export interface RecordsPageData {
	view: RecordsView;
	/** Rows that match the filters, on all pages. */
	total: number;
	page: number;
	pageCount: number;
	pageSize: number;
	/** The rows of this page. */
	rows: readonly unknown[];
}
