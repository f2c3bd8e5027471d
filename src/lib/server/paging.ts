// Paged lists: the page number from ?page=N (the pages of rows and lists), and for the rows
// behind a figure (/imports/[id], /quality/[kind]/[sender]), 50 to a page, one page of a named
// list query with its total from the matching count query (`${list}_count`, same parameters).
import { error } from '@sveltejs/kit';
import type { Data } from './data.ts';
import type { ParamValue } from './queries.ts';

/** Rows to a page. */
export const PAGE_SIZE = 50;

/** Largest value of an INTEGER column: a larger id cannot exist. */
export const MAX_INTEGER = 2_147_483_647;

/**
 * The page number from ?page=N: 1 when absent or empty; 400 with `message` (given the value as
 * JSON) for anything but a positive integer of up to six digits.
 */
export function pageParam(url: URL, message: (value: string) => string): number {
	const raw = url.searchParams.get('page');
	if (raw === null || raw === '') return 1;
	const n = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
	if (!Number.isInteger(n) || n < 1) error(400, message(JSON.stringify(raw)));
	return n;
}

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
	noPage: (pageCount: number) => string
): Promise<{ rows: R[]; counted: C; total: number; pageCount: number }> {
	const [counted] = await data.rows<C>(`${list}_count`, filter);
	const total = counted.total;
	const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
	if (page > pageCount) error(404, noPage(pageCount));
	const rows = await data.rows<R>(list, {
		...filter,
		limit: PAGE_SIZE,
		offset: (page - 1) * PAGE_SIZE
	});
	return { rows, counted, total, pageCount };
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
