// One import batch: its details, each figure a link to its rows, and one view of those rows
// (?show=), 50 to a page (?page=N): rejected (the default, one line per rejected row with all its
// problems), read (every row of the file in order, with its outcome), accepted (the rows the batch
// stored) and replaced (the earlier stored rows the batch superseded). Each view's total is the
// figure it explains: rows_rejected, rows_read, rows_accepted, rows_superseded.
import { error } from '@sveltejs/kit';
import { batchViews, isBatchView, type BatchReadRow, type BatchView } from '$lib/imports';
import { m } from '$lib/paraglide/messages';
import type { QualityStoredRow, RejectedRow, StoredRow } from '$lib/quality';
import { todayIso } from '$lib/server/metrics';
import { MAX_INTEGER, PAGE_SIZE, pageOfRows, pageParam } from '$lib/server/paging';
import { runQuery, type ParamValue } from '$lib/server/queries';
import { withConnection } from '$lib/server/store';
import type { PageServerLoad } from './$types';

/**
 * The rows of the view shown, told apart by `show`: batch_rejected_rows, batch_read_rows,
 * quality_stored_rows of the batch, batch_replaced_rows.
 */
type Rows =
	| { show: 'rejected'; rows: RejectedRow[] }
	| { show: 'read'; rows: BatchReadRow[] }
	| { show: 'accepted'; rows: QualityStoredRow[] }
	| { show: 'replaced'; rows: StoredRow[] };

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

/** The view from ?show=: rejected when absent; 400 naming the views otherwise. */
function viewParam(url: URL): BatchView {
	const raw = url.searchParams.get('show');
	if (raw === null || raw.trim() === '') return batchViews[0];
	const v = raw.trim();
	if (!isBatchView(v)) {
		error(400, m.rec_imp_error_show({ value: JSON.stringify(raw) }));
	}
	return v;
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
	const show = viewParam(url);
	const page = pageParam(url, (value) => m.rec_imp_error_page({ value }));
	if (id > MAX_INTEGER) error(404, m.rec_imp_error_no_batch({ id: params.id }));

	return withConnection(async (con) => {
		const [batch] = await runQuery<BatchDetail>(con, 'batch_get', { batch_id: id });
		if (!batch) error(404, m.rec_imp_error_no_batch({ id: String(id) }));

		// The rows the batch stored are those of quality_stored_rows as of a date that includes the
		// batch: today, or its import date should the clock be behind. Whether a row has been
		// superseded since is then the state of today.
		const importedOn = batch.imported_at.slice(0, 10);
		const today = todayIso();
		const asOf = importedOn > today ? importedOn : today;

		const [list, filter]: [string, Record<string, ParamValue>] = (() => {
			switch (show) {
				case 'rejected':
					return ['batch_rejected_rows', { batch_id: id }];
				case 'read':
					return ['batch_read_rows', { as_of: asOf, kind: batch.kind, batch_id: id }];
				case 'accepted':
					return [
						'quality_stored_rows',
						{
							as_of: asOf,
							kind: batch.kind,
							sender: null,
							batch_id: id,
							only_superseded: null,
							field: null
						}
					];
				case 'replaced':
					return ['batch_replaced_rows', { kind: batch.kind, batch_id: id }];
			}
		})();
		const { rows, counted, total, pageCount } = await pageOfRows<{
			total: number;
			problems?: number;
		}>(con, list, filter, page, (pages) =>
			m.rec_imp_error_no_view_page({ page: String(page), id, pages })
		);
		const { options, warnings, ...rest } = batch;
		return {
			batch: {
				...rest,
				options: asOptions(parseJson(options, `${id} options`)),
				warnings: asWarnings(parseJson(warnings, `${id} warnings`), warnings)
			},
			view: { show, rows } as unknown as Rows,
			total,
			/** Problems in all, for the rejected view (a row can have several). */
			problems: counted.problems ?? null,
			page,
			pageCount,
			pageSize: PAGE_SIZE
		};
	});
};
