// The import batches: the views of the page of one batch (/imports/[id]), one per figure of the
// batch (rows read, accepted, rejected, and the earlier rows it replaced), and the row shapes of
// batch_list, batch_get and batch_read_rows as the data gate returns them; the other views have
// the row shapes of $lib/quality (RejectedRow, QualityStoredRow, StoredRow). Shared by the server
// module ($lib/server/imports), the pages and the links from /imports.
import type { RowProblem } from './quality';

/**
 * The views of the page (?show=): `rejected` first, the default, so that links to a batch made
 * before the other views existed still show what they showed.
 */
export const batchViews = ['rejected', 'read', 'accepted', 'replaced'] as const;
export type BatchView = (typeof batchViews)[number];

export const isBatchView = (v: string): v is BatchView =>
	(batchViews as readonly string[]).includes(v);

/** batch_read_rows: one row read from the file, with its outcome. */
export interface BatchReadRow {
	row_number: number;
	outcome: 'accepted' | 'rejected';
	/** The stored row (accepted only; null for a rejected row). */
	record_key: string | null;
	record_date: string | null;
	topic: string | null;
	state: string | null;
	superseded: boolean | null;
	superseded_by: number | null;
	superseded_by_file: string | null;
	/** What was wrong (rejected only; null for an accepted row). */
	problems: RowProblem[] | null;
}

/** batch_list: one import batch with its row counts. */
export interface BatchListRow {
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
	/** A JSON list of texts, or null. */
	warnings: string | null;
}

/** batch_get: one import batch with all its recorded details. */
export interface BatchDetail extends BatchListRow {
	file_path: string | null;
	/** A JSON object of the import's options, or null. */
	options: string | null;
}

/**
 * An upload's ticket: chosen by the browser and sent with the file, so that the page can ask
 * /imports/queue where its upload waits. Random hex (crypto.getRandomValues, which unlike
 * randomUUID also exists on plain http).
 */
export function newTicket(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const isTicket = (v: string): boolean => /^[0-9a-f]{32}$/.test(v);

/** An import under way or waiting in the writer queue (src/lib/server/ingest/writer.ts). */
export interface QueueEntry {
	/** The file name as sent. */
	file: string;
	kind: string;
	/** Who asked (CLI user, `web`, ...). */
	by: string;
	state: 'running' | 'waiting';
	/** How many imports come before this one (the one under way included). */
	ahead: number;
}

/** Where one import is, found by its ticket. */
export type QueuePlace =
	{ state: 'running' } | { state: 'waiting'; ahead: number } | { state: 'unknown' };

/** What /imports/queue answers. */
export interface UploadQueue {
	queue: QueueEntry[];
	/** The place of the upload whose ticket was given, else null. */
	yours: QueuePlace | null;
}
