// Row shapes of the drill-down queries (queries/progress_pairs.sql, withheld_rows.sql,
// retention_records.sql) and of the programme queries, as runQuery returns them.

export interface PairRow {
	/** The date the pair is judged at: the as-of date, or with round=previous its round. */
	judged_on: string;
	programme: string;
	action_id: string;
	title: string | null;
	chapter: string;
	deadline: string | null;
	actor: string;
	/** The actor is named in the catalogue's responsible list. */
	responsible: boolean;
	status: string | null;
	category: string;
	applicable: boolean;
	overdue: boolean;
	reported_on: string | null;
	completion_pct: number | null;
	score: number;
	planning: string | null;
	state_of_play: string | null;
	recent_developments: string | null;
	evidence_ref: string | null;
	batch_id: number | null;
	file_name: string | null;
	source_row: number | null;
	responsible_batch_id: number | null;
	responsible_file_name: string | null;
}

export interface SharingRow {
	event_id: string;
	occurred_on: string;
	member_state: string;
	channel: string;
	recipient: string | null;
	category: string | null;
	decision: string;
	shared_on: string | null;
	withholding_ground: string | null;
	weighing_documented: boolean | null;
	weighing_ref: string | null;
	unjustified: boolean;
	terrorism_marker: boolean | null;
	context_provided: boolean | null;
	subject_ref: string | null;
	batch_id: number;
	file_name: string | null;
	source_row: number;
}

export interface RetentionRow {
	record_id: string;
	member_state: string;
	register: string;
	legal_basis: string;
	kind: string | null;
	authority: string | null;
	created_on: string;
	last_reviewed_on: string | null;
	last_review: string | null;
	review_outcome: string | null;
	review_due: string | null;
	retention_end: string | null;
	deleted_on: string | null;
	impact_assessed: boolean | null;
	active: boolean;
	overdue_review: boolean;
	past_retention: boolean;
	missing_assessment: boolean;
	no_rule: boolean;
	compliant: boolean;
	late_deletion: boolean;
	batch_id: number;
	file_name: string | null;
	source_row: number;
}

/**
 * Counts of pairs by category: progress_by_actor, _by_programme, _by_chapter, _by_action and
 * _trend.
 */
export interface ProgressCounts {
	pairs: number;
	applicable: number;
	implemented: number;
	ongoing: number;
	in_progress: number;
	not_started: number;
	no_report: number;
	not_applicable: number;
	overdue: number;
	progress_pct: number | null;
	weighted_pct: number | null;
	/** Applicable pairs without a status row dated on the programme's latest round. */
	not_in_latest_round: number;
}

export interface ChapterRow extends ProgressCounts {
	programme: string;
	chapter: string;
	actions: number;
}

export interface ActionRow extends ProgressCounts {
	programme: string;
	action_id: string;
	title: string | null;
	chapter: string;
	deadline: string | null;
	responsible: string | null;
	last_reported_on: string | null;
}

export interface TrendRow extends ProgressCounts {
	programme: string;
	round_on: string;
	actor: string | null;
}

export interface ActorProgressRow extends ProgressCounts {
	programme: string;
	actor: string;
}

/** progress_by_programme: every pair of a programme together. */
export interface ProgrammeProgressRow extends ProgressCounts {
	programme: string;
	/** Actors with a pair. */
	actors: number;
}

export interface CatalogueRow {
	programme: string;
	actions: number;
	rounds: number;
	first_reported_on: string | null;
	last_reported_on: string | null;
	status_rows: number;
}

export interface ActionDetail {
	programme: string;
	action_id: string;
	title: string | null;
	chapter: string | null;
	deadline: string | null;
	responsible: string | null;
	title_batch_id: number | null;
	title_file_name: string | null;
	title_source_row: number | null;
	first_reported_on: string;
	last_reported_on: string;
	status_rows: number;
}

export interface HistoryRow {
	reported_on: string;
	actor: string;
	status: string;
	completion_pct: number | null;
	planning: string | null;
	state_of_play: string | null;
	recent_developments: string | null;
	evidence_ref: string | null;
	batch_id: number;
	file_name: string | null;
	source_row: number;
}

/** The groups of a change between two reporting rounds (docs/metrics.md, "Changes between rounds"). */
export const changeGroups = [
	'improved',
	'regressed',
	'newly_reported',
	'stopped_reporting',
	'reclassified',
	'newly_overdue'
] as const;
export type ChangeGroup = (typeof changeGroups)[number];

/** progress_changes: one programme and actor (actor null: every actor in scope). */
export interface ChangeCountRow extends Record<ChangeGroup, number> {
	programme: string;
	/** The earlier and the later round compared. */
	from_on: string;
	to_on: string;
	actor: string | null;
	pairs: number;
	changed: number;
}

/** progress_changes_pairs: a pair with its status at each of the two rounds. */
export interface ChangePairRow extends Record<ChangeGroup, boolean> {
	programme: string;
	from_on: string;
	to_on: string;
	action_id: string;
	title: string | null;
	chapter: string;
	deadline: string | null;
	actor: string;
	status_before: string | null;
	reported_before: string | null;
	overdue_before: boolean;
	status_after: string | null;
	reported_after: string | null;
	overdue_after: boolean;
	batch_id_before: number | null;
	file_name_before: string | null;
	source_row_before: number | null;
	batch_id: number | null;
	file_name: string | null;
	source_row: number | null;
}
