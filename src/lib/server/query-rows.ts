// The row type of every named query (queries/<name>.sql), by name: what the data gate's rows(),
// cachedRows() and row() return for it. Each type is declared once (in \$lib/figures,
// \$lib/records/rows, \$lib/quality, \$lib/imports or below) and mapped to its query here.
//
// QUERY_COLUMNS lists each query's columns, in order. The compiler holds it to the row type
// (every key, no other), and queries.test.ts holds it to what DuckDB returns for the query, so a
// column added, renamed or dropped in the SQL fails a test until the row type follows.
import type { ActorRow } from './dashboard.ts';
import type { OptionRow } from './records.ts';
import type {
	RetentionAuthorityRow,
	RetentionLegalBasisRow,
	RetentionRegisterRow,
	RetentionStateRow,
	RetentionTotalRow,
	RetentionTrendRow,
	SummaryRow,
	WithheldChannelRow,
	WithheldDelayRow,
	WithheldGroundRow,
	WithheldMonthRow,
	WithheldStateRow,
	WithheldTotalRow
} from '$lib/figures';
import type { BatchDetail, BatchListRow, BatchReadRow } from '$lib/imports';
import type {
	QualityBatchRow,
	QualityEmptyRow,
	QualityFieldRow,
	QualityLateRow,
	QualityRejectedRow,
	QualitySenderRow,
	QualityStoredRow,
	RejectedRow,
	StoredRow
} from '$lib/quality';
import type {
	ActionDetail,
	ActionRow,
	ActorProgressRow,
	CatalogueRow,
	ChangeCountRow,
	ChangePairRow,
	ChapterRow,
	HistoryRow,
	PairRow,
	ProgrammeProgressRow,
	RetentionRow,
	SharingRow,
	TrendRow
} from '$lib/records/rows';

/** The row of a *_count query: how many rows its list has. */
export interface Count {
	total: number;
}

/** batch_read_rows_count: the rows of a batch's file, accepted and rejected. */
export interface BatchReadCount extends Count {
	accepted: number;
	rejected: number;
}

/** batch_rejected_rows_count: a batch's rejected rows and their problems. */
export interface BatchRejectedCount extends Count {
	problems: number;
}

/** quality_optional_fields: the optional fields of a kind of file. */
export interface QualityOptionalFieldRow {
	kind: string;
	field: string;
}

/** reject_all: one problem of a rejected row (the CLI's `cosi rejects`). */
export interface RejectAllRow {
	batch_id: number;
	file_name: string;
	kind: string;
	row_number: number;
	column_name: string | null;
	value: string | null;
	message: string;
	raw: string | null;
}

/** report_provenance: an import batch a report read (its provenance section). */
export interface ProvenanceRow {
	batch_id: number;
	kind: string;
	file_name: string;
	sha256: string;
	imported_at: string;
	imported_by: string;
	rows_accepted: number;
}

/** member_state_sources: an import batch behind one file of a member state's zip. */
export interface MemberStateBatchRow {
	/** The file of the zip: sharing.csv, sharing-not-relevant.csv, actions.csv, retention.csv. */
	file: string;
	batch_id: number;
	kind: string;
	file_name: string;
	sha256: string;
	/** ISO 8601, UTC (…Z). */
	imported_at: string;
	/** Rows of the file that came from this batch. */
	rows: number;
}

/** progress_missing_reports: an applicable pair whose latest status predates the latest round. */
export interface MissingReportRow {
	programme: string;
	action_id: string;
	title: string | null;
	actor: string;
	deadline: string | null;
	latest_round: string;
	last_reported_on: string | null;
	last_status: string | null;
}

export interface QueryRows {
	action_get: ActionDetail;
	action_history: HistoryRow;
	actor_get: ActorRow;
	actor_names: ActorRow;
	batch_get: BatchDetail;
	batch_list: BatchListRow;
	batch_read_rows: BatchReadRow;
	batch_read_rows_count: BatchReadCount;
	batch_rejected_rows: RejectedRow;
	batch_rejected_rows_count: BatchRejectedCount;
	batch_replaced_rows: StoredRow;
	batch_replaced_rows_count: Count;
	filter_options: OptionRow;
	member_state_sources: MemberStateBatchRow;
	programme_catalogues: CatalogueRow;
	progress_by_action: ActionRow;
	progress_missing_reports: MissingReportRow;
	progress_by_actor: ActorProgressRow;
	progress_by_chapter: ChapterRow;
	progress_by_programme: ProgrammeProgressRow;
	progress_changes: ChangeCountRow;
	progress_changes_pairs: ChangePairRow;
	progress_changes_pairs_count: Count;
	progress_pairs: PairRow;
	progress_pairs_count: Count;
	progress_summary: SummaryRow;
	progress_trend: TrendRow;
	quality_by_sender: QualitySenderRow;
	quality_empty_fields: QualityFieldRow;
	quality_empty_rows: QualityEmptyRow;
	quality_empty_rows_count: Count;
	quality_late_reports: QualityLateRow;
	quality_late_reports_count: Count;
	quality_optional_fields: QualityOptionalFieldRow;
	quality_rejected_rows: QualityRejectedRow;
	quality_rejected_rows_count: Count;
	quality_sender_batches: QualityBatchRow;
	quality_sender_batches_count: Count;
	quality_stored_rows: QualityStoredRow;
	quality_stored_rows_count: Count;
	reject_all: RejectAllRow;
	report_provenance: ProvenanceRow;
	retention_by_authority: RetentionAuthorityRow;
	retention_by_legal_basis: RetentionLegalBasisRow;
	retention_by_member_state: RetentionStateRow | RetentionTotalRow;
	retention_by_register: RetentionRegisterRow;
	retention_records: RetentionRow;
	retention_records_count: Count;
	retention_trend: RetentionTrendRow;
	withheld_by_channel: WithheldChannelRow;
	withheld_by_ground: WithheldGroundRow;
	withheld_by_member_state: WithheldStateRow | WithheldTotalRow;
	withheld_by_month: WithheldMonthRow;
	withheld_delay: WithheldDelayRow;
	withheld_rows: SharingRow;
	withheld_rows_count: Count;
}

export type QueryName = keyof QueryRows;
export type QueryRow<N extends QueryName> = QueryRows[N];

/** A list query with a count query beside it (<name>_count): what a paged view reads. */
export type PagedQuery = {
	[N in QueryName]: `${N}_count` extends QueryName ? N : never;
}[QueryName];

/** Every column of a row type, each once: the compiler refuses a missing or an extra key. */
type Columns<R> = { readonly [K in keyof R]-?: true };

/** The quality figures that quality_by_sender and quality_sender_batches both end with. */
const qualityFigureColumns = {
	rows_stored: true,
	rows_current: true,
	rows_rejected: true,
	rejected_pct: true,
	rows_superseded: true,
	superseded_pct: true,
	optional_cells: true,
	optional_empty: true,
	empty_pct: true,
	late_reports: true,
	late_pct: true,
	late_judged: true
} as const;

// The figure columns that several queries end with (progress_figures, retention_figures in
// queries/lib), each listed once.
const progressFigureColumns = {
	pairs: true,
	applicable: true,
	implemented: true,
	ongoing: true,
	in_progress: true,
	not_started: true,
	no_report: true,
	not_applicable: true,
	overdue: true,
	progress_pct: true,
	weighted_pct: true,
	not_in_latest_round: true
} as const;
const changeGroupColumns = {
	improved: true,
	regressed: true,
	newly_reported: true,
	stopped_reporting: true,
	reclassified: true,
	newly_overdue: true
} as const;
const retentionFigureColumns = {
	active: true,
	overdue_review: true,
	past_retention: true,
	missing_assessment: true,
	no_rule: true,
	compliant: true,
	compliance_pct: true,
	deleted: true,
	late_deletion: true
} as const;

export const QUERY_COLUMNS: { readonly [N in QueryName]: Columns<QueryRows[N]> } = {
	action_get: {
		programme: true,
		action_id: true,
		title: true,
		chapter: true,
		deadline: true,
		responsible: true,
		title_batch_id: true,
		title_file_name: true,
		title_source_row: true,
		first_reported_on: true,
		last_reported_on: true,
		status_rows: true
	},
	action_history: {
		reported_on: true,
		actor: true,
		status: true,
		completion_pct: true,
		planning: true,
		state_of_play: true,
		recent_developments: true,
		evidence_ref: true,
		batch_id: true,
		file_name: true,
		source_row: true
	},
	actor_get: { code: true, kind: true, name_en: true, name_nl: true },
	actor_names: { code: true, kind: true, name_en: true, name_nl: true },
	batch_get: {
		batch_id: true,
		kind: true,
		file_name: true,
		file_path: true,
		file_format: true,
		sha256: true,
		profile: true,
		options: true,
		imported_at: true,
		imported_by: true,
		rows_read: true,
		rows_accepted: true,
		rows_rejected: true,
		rows_superseded: true,
		warnings: true
	},
	batch_list: {
		batch_id: true,
		kind: true,
		file_name: true,
		file_format: true,
		sha256: true,
		profile: true,
		imported_at: true,
		imported_by: true,
		rows_read: true,
		rows_accepted: true,
		rows_rejected: true,
		rows_superseded: true,
		warnings: true
	},
	batch_read_rows: {
		row_number: true,
		outcome: true,
		record_key: true,
		record_date: true,
		topic: true,
		state: true,
		superseded: true,
		superseded_by: true,
		superseded_by_file: true,
		problems: true
	},
	batch_read_rows_count: { total: true, accepted: true, rejected: true },
	batch_rejected_rows: { batch_id: true, file_name: true, row_number: true, problems: true },
	batch_rejected_rows_count: { total: true, problems: true },
	batch_replaced_rows: {
		kind: true,
		sender: true,
		record_key: true,
		record_date: true,
		topic: true,
		state: true,
		batch_id: true,
		file_name: true,
		source_row: true
	},
	batch_replaced_rows_count: { total: true },
	filter_options: {
		field: true,
		value: true,
		programme: true,
		kind: true,
		name_en: true,
		name_nl: true
	},
	progress_missing_reports: {
		programme: true,
		action_id: true,
		title: true,
		actor: true,
		deadline: true,
		latest_round: true,
		last_reported_on: true,
		last_status: true
	},
	report_provenance: {
		batch_id: true,
		kind: true,
		file_name: true,
		sha256: true,
		imported_at: true,
		imported_by: true,
		rows_accepted: true
	},
	member_state_sources: {
		file: true,
		batch_id: true,
		kind: true,
		file_name: true,
		sha256: true,
		imported_at: true,
		rows: true
	},
	programme_catalogues: {
		programme: true,
		actions: true,
		rounds: true,
		first_reported_on: true,
		last_reported_on: true,
		status_rows: true
	},
	progress_by_action: {
		programme: true,
		action_id: true,
		title: true,
		chapter: true,
		deadline: true,
		responsible: true,
		last_reported_on: true,
		...progressFigureColumns
	},
	progress_by_actor: {
		programme: true,
		actor: true,
		...progressFigureColumns
	},
	progress_by_chapter: {
		programme: true,
		chapter: true,
		actions: true,
		...progressFigureColumns
	},
	progress_by_programme: {
		programme: true,
		actors: true,
		...progressFigureColumns
	},
	progress_changes: {
		programme: true,
		from_on: true,
		to_on: true,
		actor: true,
		pairs: true,
		changed: true,
		...changeGroupColumns
	},
	progress_changes_pairs: {
		programme: true,
		from_on: true,
		to_on: true,
		action_id: true,
		title: true,
		chapter: true,
		deadline: true,
		actor: true,
		status_before: true,
		reported_before: true,
		overdue_before: true,
		status_after: true,
		reported_after: true,
		overdue_after: true,
		...changeGroupColumns,
		batch_id_before: true,
		file_name_before: true,
		source_row_before: true,
		batch_id: true,
		file_name: true,
		source_row: true
	},
	progress_changes_pairs_count: { total: true },
	progress_pairs: {
		judged_on: true,
		programme: true,
		action_id: true,
		title: true,
		chapter: true,
		deadline: true,
		actor: true,
		responsible: true,
		status: true,
		category: true,
		applicable: true,
		overdue: true,
		reported_on: true,
		completion_pct: true,
		score: true,
		planning: true,
		state_of_play: true,
		recent_developments: true,
		evidence_ref: true,
		batch_id: true,
		file_name: true,
		source_row: true,
		responsible_batch_id: true,
		responsible_file_name: true
	},
	progress_pairs_count: { total: true },
	progress_summary: {
		level: true,
		programme: true,
		actor: true,
		pairs: true,
		applicable: true,
		implemented: true,
		in_progress: true,
		not_started: true,
		no_report: true,
		overdue: true,
		progress_pct: true,
		weighted_pct: true,
		not_in_latest_round: true,
		prev_applicable: true,
		prev_implemented: true,
		prev_pct: true,
		latest_round: true,
		previous_round: true
	},
	progress_trend: {
		programme: true,
		round_on: true,
		actor: true,
		...progressFigureColumns
	},
	quality_by_sender: {
		kind: true,
		sender: true,
		batches: true,
		shared_batches: true,
		...qualityFigureColumns
	},
	quality_empty_fields: { kind: true, field: true, applicable: true, empty: true, empty_pct: true },
	quality_empty_rows: {
		kind: true,
		sender: true,
		field: true,
		record_key: true,
		record_date: true,
		topic: true,
		state: true,
		superseded: true,
		superseded_by: true,
		superseded_by_file: true,
		batch_id: true,
		file_name: true,
		source_row: true
	},
	quality_empty_rows_count: { total: true },
	quality_late_reports: {
		programme: true,
		action_id: true,
		actor: true,
		reported_on: true,
		status: true,
		imported_on: true,
		days_after_round: true,
		superseded: true,
		batch_id: true,
		file_name: true,
		source_row: true
	},
	quality_late_reports_count: { total: true },
	quality_optional_fields: { kind: true, field: true },
	quality_rejected_rows: {
		kind: true,
		sender: true,
		problems: true,
		batch_id: true,
		file_name: true,
		row_number: true
	},
	quality_rejected_rows_count: { total: true },
	quality_sender_batches: {
		batch_id: true,
		kind: true,
		sender: true,
		file_name: true,
		imported_at: true,
		imported_by: true,
		shared: true,
		...qualityFigureColumns
	},
	quality_sender_batches_count: { total: true },
	quality_stored_rows: {
		kind: true,
		sender: true,
		record_key: true,
		record_date: true,
		topic: true,
		state: true,
		superseded: true,
		superseded_by: true,
		superseded_by_file: true,
		empty_fields: true,
		batch_id: true,
		file_name: true,
		source_row: true
	},
	quality_stored_rows_count: { total: true },
	reject_all: {
		batch_id: true,
		file_name: true,
		kind: true,
		row_number: true,
		column_name: true,
		value: true,
		message: true,
		raw: true
	},
	retention_by_authority: {
		authority: true,
		records: true,
		...retentionFigureColumns
	},
	retention_by_legal_basis: {
		legal_basis: true,
		review_months: true,
		max_retention_months: true,
		grace_days: true,
		records: true,
		...retentionFigureColumns
	},
	retention_by_member_state: {
		member_state: true,
		records: true,
		...retentionFigureColumns
	},
	retention_by_register: {
		register: true,
		records: true,
		...retentionFigureColumns
	},
	retention_records: {
		record_id: true,
		member_state: true,
		register: true,
		legal_basis: true,
		kind: true,
		authority: true,
		created_on: true,
		last_reviewed_on: true,
		last_review: true,
		review_outcome: true,
		review_due: true,
		retention_end: true,
		deleted_on: true,
		impact_assessed: true,
		active: true,
		overdue_review: true,
		past_retention: true,
		missing_assessment: true,
		no_rule: true,
		compliant: true,
		late_deletion: true,
		batch_id: true,
		file_name: true,
		source_row: true
	},
	retention_records_count: { total: true },
	retention_trend: {
		point_on: true,
		member_state: true,
		records: true,
		...retentionFigureColumns
	},
	withheld_by_channel: {
		channel: true,
		relevant: true,
		shared: true,
		withheld: true,
		pending: true,
		unjustified: true,
		ratio: true,
		unjustified_pct: true
	},
	withheld_by_ground: {
		ground: true,
		withheld: true,
		weighing_documented: true,
		unjustified: true,
		share_pct: true
	},
	withheld_by_member_state: {
		member_state: true,
		relevant: true,
		shared: true,
		withheld: true,
		pending: true,
		unjustified: true,
		ratio: true,
		unjustified_pct: true
	},
	withheld_by_month: {
		month: true,
		relevant: true,
		shared: true,
		withheld: true,
		pending: true,
		unjustified: true,
		ratio: true,
		unjustified_pct: true
	},
	withheld_delay: {
		member_state: true,
		shared: true,
		measured: true,
		median_days: true,
		p90_days: true,
		mean_days: true,
		max_days: true,
		missing_shared_on: true,
		shared_after_as_of: true,
		negative_delay: true
	},
	withheld_rows: {
		event_id: true,
		occurred_on: true,
		member_state: true,
		channel: true,
		recipient: true,
		category: true,
		decision: true,
		shared_on: true,
		withholding_ground: true,
		weighing_documented: true,
		weighing_ref: true,
		unjustified: true,
		terrorism_marker: true,
		context_provided: true,
		subject_ref: true,
		batch_id: true,
		file_name: true,
		source_row: true
	},
	withheld_rows_count: { total: true }
};
