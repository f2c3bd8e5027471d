// The data-quality drill-down (/quality/[kind]/[sender]): its kinds and views, and the row shapes
// of its named queries (queries/quality_*.sql) as runQuery returns them. Shared by the server
// load and the page; the stored and rejected row shapes also by the page of one import batch
// (/imports/[id], see $lib/imports).

export const qualityKinds = ['sharing', 'actions', 'retention'] as const;
export type QualityKind = (typeof qualityKinds)[number];

/** The views of the page (?show=), one per figure of the member-state page's quality table. */
export const qualityViews = [
	'batches',
	'shared',
	'stored',
	'rejected',
	'superseded',
	'empty',
	'late'
] as const;
export type QualityView = (typeof qualityViews)[number];

export const isQualityKind = (k: string): k is QualityKind =>
	(qualityKinds as readonly string[]).includes(k);
export const isQualityView = (v: string): v is QualityView =>
	(qualityViews as readonly string[]).includes(v);

/** The figures of one sender and kind (quality_by_sender), or of its rows in one batch. */
export interface QualityFigures {
	/** The sender's own files: every row they stored is the sender's. */
	batches: number;
	/** The files that stored rows of the sender and of other senders (a shared catalogue). */
	shared_batches: number;
	rows_stored: number;
	rows_rejected: number;
	rejected_pct: number | null;
	rows_superseded: number;
	optional_cells: number;
	optional_empty: number;
	empty_pct: number | null;
	/** NULL for kinds other than actions. */
	late_reports: number | null;
	/** Of late_judged: the status rows whose round was due after the programme's first file. */
	late_pct: number | null;
	late_judged: number | null;
}

/** quality_by_sender: the figures of one sender and kind. */
export interface QualitySenderRow extends QualityFigures {
	kind: string;
	sender: string;
	rows_current: number;
	superseded_pct: number | null;
}

/** quality_sender_batches: one batch with the figures of the sender's rows in it. */
export interface QualityBatchRow extends Omit<QualityFigures, 'batches' | 'shared_batches'> {
	batch_id: number;
	/** Whether the file also stored rows of other senders. */
	shared: boolean;
	kind: string;
	sender: string;
	file_name: string;
	imported_at: string;
	imported_by: string;
	rows_current: number;
	superseded_pct: number | null;
}

/**
 * A stored row of any kind, kind-neutral (quality_stored_rows, quality_empty_rows,
 * batch_replaced_rows): its key, main date, topic and state (named per kind: see
 * quality_row_cells in queries/lib/040_quality.sql) and the batch, file and row it came from.
 */
export interface StoredRow {
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

/**
 * quality_stored_rows (also the rows one batch stored, /imports/[id]?show=accepted): a stored row
 * with whether it has been superseded, by which batch, and its empty optional fields.
 */
export interface QualityStoredRow extends StoredRow {
	superseded: boolean;
	superseded_by: number | null;
	superseded_by_file: string | null;
	empty_fields: string[];
}

/** quality_empty_rows: one empty optional cell of a stored row. */
export interface QualityEmptyRow extends Omit<QualityStoredRow, 'empty_fields'> {
	field: string;
}

/** One problem of a rejected row: the column (null: the whole row), the value read, what is wrong. */
export interface RowProblem {
	column_name: string | null;
	value: string | null;
	message: string;
}

/** A rejected row with all its problems (batch_rejected_rows). */
export interface RejectedRow {
	batch_id: number;
	file_name: string;
	row_number: number;
	problems: RowProblem[];
}

/** quality_rejected_rows: one rejected row with its problems, and whose it is. */
export interface QualityRejectedRow extends RejectedRow {
	kind: string;
	sender: string;
}

/** quality_late_reports: a status row that arrived late. */
export interface QualityLateRow {
	programme: string;
	action_id: string;
	actor: string;
	reported_on: string;
	status: string;
	imported_on: string;
	days_after_round: number;
	superseded: boolean;
	batch_id: number;
	file_name: string;
	source_row: number;
}

/** quality_empty_fields: one optional field. */
export interface QualityFieldRow {
	kind: string;
	field: string;
	applicable: number;
	empty: number;
	empty_pct: number | null;
}
