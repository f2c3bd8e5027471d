// Paged lists: the page number from ?page=N (the pages of rows and lists), and for the rows
// behind a figure (/imports/[id], /quality/[kind]/[sender]), 50 to a page, one page of a named
// list query with its total from the matching count query (`${list}_count`, same parameters).
import { error } from '@sveltejs/kit';
import type { Data } from './data.ts';
import { pageCount, PAGE_SIZE } from '$lib/params';
import { m } from '$lib/paraglide/messages';
import type { ParamValue } from './queries.ts';

export { MAX_INTEGER, PAGE_SIZE } from '$lib/params';

/**
 * Page `page` of the named list query with `filter` (rows of type R), and the row of its count
 * query, whose `total` is the view's total (it may hold more counts). 404 with `noPage` (given
 * the number of pages) when the page is past the last; an empty list has one page.
 */
export async function pageOfRows<R, C extends { total: number } = { total: number }>(
	data: Data,
	list: string,
	filter: Record<string, ParamValue>,
	page: number,
	/** The message for a page past the last (default: the records pages'). */
	noPage: (pageCount: number) => string = (pages) => m.rec_error_no_page({ page, pages })
): Promise<{ rows: R[]; counted: C; total: number; pageCount: number }> {
	const counted = await data.row<C>(`${list}_count`, filter);
	const total = counted?.total ?? 0;
	const pages = pageCount(total);
	if (page > pages) error(404, noPage(pages));
	const rows = await data.rows<R>(list, {
		...filter,
		limit: PAGE_SIZE,
		offset: (page - 1) * PAGE_SIZE
	});
	return { rows, counted: counted as C, total, pageCount: pages };
}

/**
 * pageOfRows for one view of a page that has several (?show=): the rows come tagged with the
 * view's name, so that the page can tell their type by it.
 */
export async function pageOfView<
	R,
	S extends string,
	C extends { total: number } = { total: number }
>(
	data: Data,
	show: S,
	list: string,
	filter: Record<string, ParamValue>,
	page: number,
	noPage: (pageCount: number) => string
): Promise<{ view: { show: S; rows: R[] }; counted: C; total: number; pageCount: number }> {
	const { rows, ...rest } = await pageOfRows<R, C>(data, list, filter, page, noPage);
	return { view: { show, rows }, ...rest };
}
