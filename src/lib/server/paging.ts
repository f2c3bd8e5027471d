// Paged lists: the page number from ?page=N (the pages of rows and lists), and for the rows
// behind a figure (/imports/[id], /quality/[kind]/[sender]), 50 to a page, one page of a named
// list query with its total from the matching count query (`${list}_count`, same parameters).
import { error } from '@sveltejs/kit';
import type { Data, QueryName, QueryRow } from './data.ts';
import type { PagedQuery } from './query-rows.ts';
import { pageCount, PAGE_SIZE } from '$lib/params';
import { m } from '$lib/paraglide/messages';
import type { ParamValue } from './queries.ts';

export { MAX_INTEGER, PAGE_SIZE } from '$lib/params';

/** The count query beside a paged list query. */
type CountOf<L extends PagedQuery> = Extract<`${L}_count`, QueryName>;

/**
 * Page `page` of the named list query with `filter`, and the row of its count query, whose
 * `total` is the view's total (it may hold more counts). 404 with `noPage` (given the number of
 * pages) when the page is past the last; an empty list has one page.
 */
export async function pageOfRows<L extends PagedQuery>(
	data: Data,
	list: L,
	filter: Record<string, ParamValue>,
	page: number,
	/** The message for a page past the last (default: the records pages'). */
	noPage: (pageCount: number) => string = (pages) => m.rec_error_no_page({ page, pages }),
	/** Parameters of the list query only (its order), not of the count query. */
	order: Record<string, ParamValue> = {}
): Promise<{
	rows: QueryRow<L>[];
	counted: QueryRow<CountOf<L>>;
	total: number;
	pageCount: number;
}> {
	const counted = await data.row(`${list}_count` as CountOf<L>, filter);
	// A count query answers one row, zeros included.
	if (!counted) throw new Error(`${list}_count answered no row`);
	const total = counted.total;
	const pages = pageCount(total);
	if (page > pages) error(404, noPage(pages));
	const rows = await data.rows(list, {
		...filter,
		...order,
		limit: PAGE_SIZE,
		offset: (page - 1) * PAGE_SIZE
	});
	return { rows, counted, total, pageCount: pages };
}

/**
 * pageOfRows for one view of a page that has several (?show=): the rows come tagged with the
 * view's name, so that the page can tell their type by it.
 */
export async function pageOfView<S extends string, L extends PagedQuery>(
	data: Data,
	show: S,
	list: L,
	filter: Record<string, ParamValue>,
	page: number,
	noPage: (pageCount: number) => string
): Promise<{
	view: { show: S; rows: QueryRow<L>[] };
	counted: QueryRow<CountOf<L>>;
	total: number;
	pageCount: number;
}> {
	const { rows, ...rest } = await pageOfRows(data, list, filter, page, noPage);
	return { view: { show, rows }, ...rest };
}
