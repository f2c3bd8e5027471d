// One import batch: its details and its rejected rows, 50 to a page (?page=N).
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getStore } from '$lib/server/store';
import { runQuery } from '$lib/server/queries';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;
/** Largest value of an INTEGER column: a larger id cannot exist. */
const MAX_INTEGER = 2_147_483_647;

interface BatchDetail {
	batch_id: number;
	kind: string;
	file_name: string;
	file_path: string | null;
	file_format: string;
	sha256: string;
	profile: string;
	options: string | null;
	imported_at: string;
	imported_by: string;
	rows_read: number;
	rows_accepted: number;
	rows_rejected: number;
	rows_superseded: number;
	warnings: string | null;
}

interface RejectRow {
	row_number: number;
	column_name: string | null;
	value: string | null;
	message: string;
}

/** The page number from ?page=N: 1 when absent; 400 for anything but a positive integer. */
function pageNumber(url: URL): number {
	const raw = url.searchParams.get('page');
	if (raw === null || raw === '') return 1;
	const n = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
	if (!Number.isInteger(n) || n < 1) {
		error(400, m.rec_imp_error_page({ value: JSON.stringify(raw) }));
	}
	return n;
}

/** Parse a JSON column; null (and a note in the log) when it is not valid JSON. */
function parseJson(text: string | null, what: string): unknown {
	if (text === null || text === '') return null;
	try {
		return JSON.parse(text);
	} catch {
		console.warn(`batch ${what} is not valid JSON: ${text.slice(0, 200)}`);
		return null;
	}
}

function asWarnings(value: unknown, raw: string | null): string[] {
	if (Array.isArray(value))
		return value.map((w) => (typeof w === 'string' ? w : JSON.stringify(w)));
	return raw ? [raw] : [];
}

function asOptions(value: unknown): [string, string][] {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
	return Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]);
}

export const load: PageServerLoad = async ({ params, url }) => {
	if (!/^\d+$/.test(params.id)) {
		error(400, m.rec_imp_error_batch_id({ value: JSON.stringify(params.id) }));
	}
	const id = Number(params.id);
	const page = pageNumber(url);
	if (id > MAX_INTEGER) error(404, m.rec_imp_error_no_batch({ id: params.id }));

	const store = await getStore();
	// A connection of its own per request: concurrent requests must not share one.
	const con = await store.instance.connect();
	try {
		const [batch] = await runQuery<BatchDetail>(con, 'batch_get', { batch_id: id });
		if (!batch) error(404, m.rec_imp_error_no_batch({ id: String(id) }));

		const [{ rejects: rejectCount }] = await runQuery<{ rejects: number }>(con, 'reject_count', {
			batch_id: id
		});
		const pageCount = Math.max(1, Math.ceil(rejectCount / PAGE_SIZE));
		if (page > pageCount) {
			error(404, m.rec_imp_error_no_reject_page({ page, id, pages: pageCount }));
		}
		const rejects = await runQuery<RejectRow>(con, 'reject_list', {
			batch_id: id,
			limit: PAGE_SIZE,
			offset: (page - 1) * PAGE_SIZE
		});
		const { options, warnings, ...rest } = batch;
		return {
			batch: {
				...rest,
				options: asOptions(parseJson(options, `${id} options`)),
				warnings: asWarnings(parseJson(warnings, `${id} warnings`), warnings)
			},
			rejects,
			rejectCount,
			page,
			pageCount,
			pageSize: PAGE_SIZE
		};
	} finally {
		con.closeSync();
	}
};
