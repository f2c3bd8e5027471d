// The list of import batches, newest first, 50 to a page (?page=N).
import { error } from '@sveltejs/kit';
import { getStore } from '$lib/server/store';
import { runQuery } from '$lib/server/queries';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

interface BatchRow {
	batch_id: number;
	kind: string;
	file_name: string;
	file_format: string;
	sha256: string;
	profile: string;
	imported_at: string;
	imported_by: string;
	rows_read: number;
	rows_accepted: number;
	rows_rejected: number;
	rows_superseded: number;
	warnings: string | null;
}

/** The page number from ?page=N: 1 when absent; 400 for anything but a positive integer. */
function pageNumber(url: URL): number {
	const raw = url.searchParams.get('page');
	if (raw === null || raw === '') return 1;
	const n = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
	if (!Number.isInteger(n) || n < 1) {
		error(400, `Invalid page number ${JSON.stringify(raw)}: expected a whole number from 1 up.`);
	}
	return n;
}

export const load: PageServerLoad = async ({ url }) => {
	const page = pageNumber(url);
	const store = await getStore();
	// A connection of its own per request: concurrent requests must not share one.
	const con = await store.instance.connect();
	try {
		// One more than a page tells whether there is a next page without counting.
		const rows = await runQuery<BatchRow>(con, 'batch_list', {
			limit: PAGE_SIZE + 1,
			offset: (page - 1) * PAGE_SIZE
		});
		return {
			page,
			pageSize: PAGE_SIZE,
			hasNext: rows.length > PAGE_SIZE,
			batches: rows.slice(0, PAGE_SIZE)
		};
	} finally {
		con.closeSync();
	}
};
