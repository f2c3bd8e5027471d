// The page of one import batch (/imports/[id]): its views, one per figure of the batch (rows
// read, accepted, rejected, and the earlier rows it replaced), and the row shapes of their named
// queries (queries/batch_*.sql, quality_stored_rows) as runQuery returns them. Shared by the
// server load, the page and the links from /imports.

/**
 * The views of the page (?show=): `rejected` first, the default, so that links to a batch made
 * before the other views existed still show what they showed.
 */
export const batchViews = ['rejected', 'read', 'accepted', 'replaced'] as const;
export type BatchView = (typeof batchViews)[number];

export const isBatchView = (v: string): v is BatchView =>
	(batchViews as readonly string[]).includes(v);

/** One problem of a rejected row. */
export interface BatchProblem {
	column_name: string | null;
	value: string | null;
	message: string;
}

/** batch_rejected_rows: one rejected row with all its problems. */
export interface BatchRejectedRow {
	batch_id: number;
	file_name: string;
	row_number: number;
	problems: BatchProblem[];
}

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
	problems: BatchProblem[] | null;
}

/** quality_stored_rows for one batch: a row the batch stored. */
export interface BatchStoredRow {
	kind: string;
	sender: string;
	record_key: string;
	record_date: string;
	topic: string | null;
	state: string | null;
	superseded: boolean;
	superseded_by: number | null;
	superseded_by_file: string | null;
	empty_fields: string[];
	batch_id: number;
	file_name: string;
	source_row: number;
}

/** batch_replaced_rows: an earlier stored row that the batch replaced. */
export interface BatchReplacedRow {
	kind: string;
	sender: string;
	record_key: string;
	record_date: string;
	topic: string | null;
	state: string | null;
	batch_id: number;
	file_name: string;
	source_row: number;
}
