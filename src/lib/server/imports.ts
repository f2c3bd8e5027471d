// The import pages: /imports, the batches newest first, 50 to a page (?page=N); and
// /imports/[id], one batch: its details, each figure a link to its rows, and one view of those
// rows (?show=), 50 to a page (?page=N): rejected (the default, one line per rejected row with all
// its problems), read (every row of the file in order, with its outcome), accepted (the rows the
// batch stored) and replaced (the earlier stored rows the batch superseded). Each view's total is
// the figure it explains: rows_rejected, rows_read, rows_accepted, rows_superseded.
import { error } from '@sveltejs/kit';
import {
	batchViews,
	isBatchView,
	type BatchDetail,
	type BatchListRow,
	type BatchReadRow,
	type BatchView
} from '$lib/imports';
import { m } from '$lib/paraglide/messages';
import type { QualityStoredRow, RejectedRow, StoredRow } from '$lib/quality';
import { stat } from 'node:fs/promises';
import { knownParams } from '$lib/params';
import { openData, openStore, resolveDbPath, withData, type Data, type Store } from './data.ts';
import { openOriginal, originalPath, OriginalUnavailableError } from './originals.ts';
import { todayIso } from './clock.ts';
import { MAX_INTEGER, PAGE_SIZE, pageOfView } from './paging.ts';
import { fromUrl, urlPage } from './url.ts';
import type { ParamValue } from './queries.ts';
import type { PagedQuery } from './query-rows.ts';
import type { Scope } from './scope.ts';

// The upload form's date check (until there is one date check for every parameter).

/** The store an upload is imported into (writes do not pass the data gate, which reads). */
export function uploadStore(): Promise<Store> {
	return openStore(resolveDbPath());
}

export interface ImportsPage {
	page: number;
	pageSize: number;
	/** Whether there are older batches than those shown. */
	hasNext: boolean;
	batches: BatchListRow[];
}

/** Page `page` of the import batches, newest first. */
export function importsPage(scope: Scope, page: number): Promise<ImportsPage> {
	return withData(scope, async (data) => {
		// One more than a page tells whether there is a next page without counting.
		const rows = await data.rows('batch_list', {
			limit: PAGE_SIZE + 1,
			offset: (page - 1) * PAGE_SIZE
		});
		return {
			page,
			pageSize: PAGE_SIZE,
			hasNext: rows.length > PAGE_SIZE,
			batches: rows.slice(0, PAGE_SIZE)
		};
	});
}

/** The rows of the view shown, told apart by `show`. */
export type BatchRows =
	| { show: 'rejected'; rows: RejectedRow[] }
	| { show: 'read'; rows: BatchReadRow[] }
	| { show: 'accepted'; rows: QualityStoredRow[] }
	| { show: 'replaced'; rows: StoredRow[] };

/** A view's count row: its total, and for the rejected view the problems in all. */
interface BatchCounts {
	total: number;
	problems?: number;
}

export interface BatchParams {
	id: number;
	show: BatchView;
	page: number;
}

export interface BatchPage {
	batch: Omit<BatchDetail, 'options' | 'warnings'> & {
		options: [string, string][];
		warnings: string[];
	};
	view: BatchRows;
	total: number;
	/** Problems in all, for the rejected view (a row can have several). */
	problems: number | null;
	page: number;
	pageCount: number;
	pageSize: number;
	/** Whether the file as imported is kept (/imports/[id]/original offers it). */
	originalKept: boolean;
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

/** The parameters of /imports/[id]: 400 for a bad value, 404 for an id too large to exist. */
export function batchParams(idText: string, url: URL): BatchParams {
	if (!/^\d+$/.test(idText)) {
		error(400, m.rec_imp_error_batch_id({ value: JSON.stringify(idText) }));
	}
	const id = Number(idText);
	const show = viewParam(url);
	const page = urlPage(url);
	if (id > MAX_INTEGER) error(404, m.rec_imp_error_no_batch({ id: idText }));
	return { id, show, page };
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

/** One import batch and a page of one view of its rows; 404 for an unknown batch. */
export function batchPage(scope: Scope, params: BatchParams): Promise<BatchPage> {
	const { id, show, page } = params;
	return withData(scope, async (data) => {
		const batch = await data.row('batch_get', { batch_id: id });
		if (!batch) error(404, m.rec_imp_error_no_batch({ id: String(id) }));

		// The rows the batch stored are those of quality_stored_rows as of a date that includes the
		// batch: today, or its import date should the clock be behind. Whether a row has been
		// superseded since is then the state of today.
		const importedOn = batch.imported_at.slice(0, 10);
		const today = todayIso();
		const asOf = importedOn > today ? importedOn : today;

		const { view, total, counted, pageCount } = await viewPage(data, batch, show, page, asOf);
		const { options, warnings, ...rest } = batch;
		return {
			batch: {
				...rest,
				options: asOptions(parseJson(options, `${id} options`)),
				warnings: asWarnings(parseJson(warnings, `${id} warnings`), warnings)
			},
			view,
			total,
			problems: counted.problems ?? null,
			page,
			pageCount,
			pageSize: PAGE_SIZE,
			originalKept: await originalKept(batch.sha256)
		};
	});
}

/** Page `page` of the rows of view `show` of `batch`, with its count row. */
function viewPage(
	data: Data,
	batch: BatchDetail,
	show: BatchView,
	page: number,
	asOf: string
): Promise<{ view: BatchRows; counted: BatchCounts; total: number; pageCount: number }> {
	const id = batch.batch_id;
	const noPage = (pages: number) => m.rec_imp_error_no_view_page({ page: String(page), id, pages });
	const of = <S extends BatchView, L extends PagedQuery>(
		show: S,
		list: L,
		filter: Record<string, ParamValue>
	) => pageOfView(data, show, list, filter, page, noPage);
	switch (show) {
		case 'rejected':
			return of(show, 'batch_rejected_rows', { batch_id: id });
		case 'read':
			return of(show, 'batch_read_rows', {
				as_of: asOf,
				kind: batch.kind,
				batch_id: id
			});
		case 'accepted':
			return of(show, 'quality_stored_rows', {
				as_of: asOf,
				kind: batch.kind,
				sender: null,
				batch_id: id,
				only_superseded: null,
				field: null
			});
		case 'replaced':
			return of(show, 'batch_replaced_rows', {
				kind: batch.kind,
				batch_id: id
			});
	}
}

/**
 * GET /imports/[id]/original: the batch's file exactly as imported (originals.ts), for whoever
 * may see the batch (404 otherwise, as for its page), after checking its bytes against the
 * batch's SHA-256: 410 when no original is kept, 409 when the kept file does not match; never
 * another file. One audit entry per download.
 */
export async function originalDownload(scope: Scope, idText: string, url: URL): Promise<Response> {
	fromUrl(() => knownParams(url, []));
	const { id } = batchParams(idText, new URL(url.origin));
	const data = await openData(scope, { auditViews: false });
	let opened: Awaited<ReturnType<typeof openOriginal>>;
	let fileName: string;
	try {
		const batch = await data.row('batch_get', { batch_id: id });
		if (!batch) error(404, m.rec_imp_error_no_batch({ id: String(id) }));
		fileName = batch.file_name;
		try {
			opened = await openOriginal(resolveDbPath(), batch.sha256, {
				missing: m.sup_original_missing({ id }),
				mismatch: m.sup_original_mismatch({ id })
			});
		} catch (e) {
			if (e instanceof OriginalUnavailableError)
				error(e.reason === 'missing' ? 410 : 409, e.message);
			throw e;
		}
		await data.audit({
			action: 'original_download',
			route: `/imports/${id}/original`,
			filter: { batch: id, file: batch.file_name, sha256: batch.sha256 },
			memberStates: scope.records === null ? null : [...scope.records]
		});
	} finally {
		await data.close();
	}
	// The name as sent, made safe for the header; the full name (UTF-8) beside it.
	const safe = fileName.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 150) || `batch-${id}`;
	return new Response(opened.stream(), {
		headers: {
			'Content-Type': 'application/octet-stream',
			'Content-Disposition': `attachment; filename="${safe}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
			'Content-Length': String(opened.size),
			'Cache-Control': 'no-store'
		}
	});
}

/** Whether the original of a batch is kept (the batch page offers it then). */
export async function originalKept(sha256: string): Promise<boolean> {
	const path = originalPath(resolveDbPath(), sha256);
	if (!path) return false;
	try {
		await stat(path);
		return true;
	} catch {
		return false;
	}
}
