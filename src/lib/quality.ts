// The data-quality drill-down (/quality/[kind]/[sender]): its kinds and views, and the row shapes
// of its named queries (queries/quality_*.sql) as runQuery returns them. Shared by the server
// load and the page.

export const qualityKinds = ['sharing', 'actions', 'retention'] as const;
export type QualityKind = (typeof qualityKinds)[number];

/** The views of the page (?show=), one per figure of the member-state page's quality table. */
export const qualityViews = [
	'batches',
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
	batches: number;
	rows_stored: number;
	rows_rejected: number;
	rejected_pct: number | null;
	rows_superseded: number;
	optional_cells: number;
	optional_empty: number;
	empty_pct: number | null;
	/** NULL for kinds other than actions. */
	late_reports: number | null;
	late_pct: number | null;
}

/** quality_sender_batches: one batch with the figures of the sender's rows in it. */
export interface QualityBatchRow extends Omit<QualityFigures, 'batches'> {
	batch_id: number;
	kind: string;
	sender: string;
	file_name: string;
	imported_at: string;
	imported_by: string;
}

/** quality_stored_rows: a stored row, kind-neutral. */
export interface QualityStoredRow {
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

/** quality_empty_rows: one empty optional cell of a stored row. */
export interface QualityEmptyRow extends Omit<QualityStoredRow, 'empty_fields'> {
	field: string;
}

/** quality_rejected_rows: one rejected row with its problems. */
export interface QualityRejectedRow {
	kind: string;
	sender: string;
	problems: { column_name: string | null; value: string | null; message: string }[];
	batch_id: number;
	file_name: string;
	row_number: number;
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
