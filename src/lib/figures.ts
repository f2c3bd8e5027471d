// Row shapes of the figure queries of sharing (queries/withheld_by_*.sql, withheld_delay.sql) and
// retention (queries/retention_by_*.sql), as the data gate returns them. One declaration per
// query; the figures each row carries come from one macro (withheld_figures in
// queries/lib/020_withheld.sql, retention_figures in queries/lib/030_retention.sql).

/** withheld_figures: the sharing figures of a group of relevant events. */
export interface WithheldFigures {
	relevant: number;
	shared: number;
	withheld: number;
	pending: number;
	unjustified: number;
	/** withheld / (shared + withheld); null when nothing was decided. */
	ratio: number | null;
	unjustified_pct: number | null;
}

/** withheld_by_member_state: a member state's row. */
export interface WithheldStateRow extends WithheldFigures {
	member_state: string;
}

/** withheld_by_member_state: its last row, the total over every state in scope. */
export interface WithheldTotalRow extends WithheldFigures {
	member_state: null;
}

/** withheld_by_channel. */
export interface WithheldChannelRow extends WithheldFigures {
	channel: string;
}

/** withheld_by_month. */
export interface WithheldMonthRow extends WithheldFigures {
	month: string;
}

/** withheld_by_ground. */
export interface WithheldGroundRow {
	ground: string;
	withheld: number;
	weighing_documented: number;
	unjustified: number;
	share_pct: number | null;
}

/** withheld_delay. */
export interface WithheldDelayRow {
	member_state: string;
	shared: number;
	measured: number;
	median_days: number | null;
	p90_days: number | null;
	mean_days: number | null;
	max_days: number | null;
	missing_shared_on: number;
	shared_after_as_of: number;
	negative_delay: number;
}

/** retention_figures: the retention figures of a group of records. */
export interface RetentionFigures {
	records: number;
	active: number;
	overdue_review: number;
	past_retention: number;
	missing_assessment: number;
	no_rule: number;
	compliant: number;
	compliance_pct: number | null;
	deleted: number;
	late_deletion: number;
}

/** retention_by_member_state: a member state's row. */
export interface RetentionStateRow extends RetentionFigures {
	member_state: string;
}

/** retention_by_member_state: its last row, the total over every state in scope. */
export interface RetentionTotalRow extends RetentionFigures {
	member_state: null;
}

type StateOrTotal = { member_state: string | null };

/** The member states' rows of withheld_by_member_state or retention_by_member_state. */
export function stateRows<R extends StateOrTotal>(rows: readonly R[]) {
	return rows.filter((r): r is Extract<R, { member_state: string }> => r.member_state !== null);
}

/** The total row (member_state null) of withheld_by_member_state or retention_by_member_state. */
export function totalRow<R extends StateOrTotal>(rows: readonly R[]) {
	const total = rows.find((r): r is Extract<R, { member_state: null }> => r.member_state === null);
	if (!total) throw new Error('a query by member state gave no total row');
	return total;
}

/** retention_by_authority. */
export interface RetentionAuthorityRow extends RetentionFigures {
	authority: string;
}

/** retention_trend: a member state's figures at a point, or (member_state null) the total. */
export interface RetentionTrendRow extends RetentionFigures {
	point_on: string;
	member_state: string | null;
}

/** retention_by_register. */
export interface RetentionRegisterRow extends RetentionFigures {
	register: string;
}

/** retention_by_legal_basis. */
export interface RetentionLegalBasisRow extends RetentionFigures {
	legal_basis: string;
	review_months: number | null;
	max_retention_months: number | null;
	grace_days: number | null;
}

/**
 * progress_summary: the progress figures of an actor over the programmes asked for (level
 * 'actor'), of a programme over its actors ('programme') or of everything ('all'), now and with
 * each programme judged at its previous round (prev_*).
 */
export interface SummaryRow {
	level: 'actor' | 'programme' | 'all';
	programme: string | null;
	actor: string | null;
	pairs: number;
	applicable: number;
	implemented: number;
	in_progress: number;
	not_started: number;
	no_report: number;
	overdue: number;
	progress_pct: number | null;
	weighted_pct: number | null;
	/** Applicable pairs without a status row dated on their programme's latest round. */
	not_in_latest_round: number;
	prev_applicable: number | null;
	prev_implemented: number | null;
	prev_pct: number | null;
	/** The programme's last two reporting rounds on or before D (programme rows only). */
	latest_round: string | null;
	previous_round: string | null;
}
