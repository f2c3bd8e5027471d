-- 030_retention: retention compliance (docs/metrics.md, "Retention compliance"), the one
-- definition behind the retention_* named queries. Records of retention_current with created_on <= D and the
-- retention_rule of their legal_basis:
-- active = deleted_on empty or after D (a record deleted on D is no longer active);
-- last review = last_reviewed_on if on or before D, else none;
-- review_due = (last review, else created_on) + review_months calendar months (DuckDB clamps
-- a day past the month's end to its last day: 31 Jan + 1 month = 28/29 Feb);
-- overdue_review = active and D > review_due;
-- past_retention = active, the rule has a maximum, and D > created_on + maximum months;
-- missing_assessment = active, kind = 'alert' and impact_assessed not true;
-- no_rule = active and no retention_rule for its legal_basis (neither compliant nor overdue:
-- it cannot be judged); compliant = active, has a rule and none of the three;
-- compliance_pct = 100 x compliant / active (NULL when nothing is active);
-- late_deletion (history) = deleted on or before D, the rule has a maximum, and deleted_on >
-- created_on + maximum months + grace_days.
--
-- Macro parameters are positional; a NULL only_* filter means "all". Parameter names never
-- equal a column name: inside a macro a parameter hides the column of the same name.

-- A day as an integer that orders like the dates and makes month arithmetic exact without
-- adding intervals to every row: "D > b + n months" is retention_day_key(b) + 32 * n <
-- retention_day_key(D) (docs/metrics.md, decision 1, explains why this equals DuckDB's
-- clamping date + INTERVAL n MONTH).
CREATE OR REPLACE MACRO retention_day_key(d) AS (year(d) * 12 + month(d)) * 32 + day(d);

-- Every record created on or before as_of (NULL filters: all; only_authority '(none)': records
-- without one), with its rule and its flags as of that date. as_of may be a column of an outer
-- query (LATERAL): that is how retention_trend judges each point with this same definition.
CREATE OR REPLACE MACRO retention_judged(as_of, only_member_state, only_register,
	only_legal_basis, only_authority) AS TABLE
WITH
scope AS (
	SELECT r.*, label_or_none(r.authority) AS authority_label,
		rule.review_months, rule.max_retention_months, rule.grace_days,
		rule.legal_basis IS NOT NULL AS has_rule
	FROM retention_current r
	LEFT JOIN retention_rule rule ON rule.legal_basis = r.legal_basis
	WHERE r.created_on <= as_of
		AND (only_member_state IS NULL OR r.member_state = only_member_state)
		AND (only_register IS NULL OR r.register = only_register)
		AND (only_legal_basis IS NULL OR r.legal_basis = only_legal_basis)
		AND (only_authority IS NULL OR label_or_none(r.authority) = only_authority)
		AND scope_allows(r.member_state)
),
dated AS (
	SELECT *,
		deleted_on IS NULL OR deleted_on > as_of AS active,
		CASE WHEN last_reviewed_on <= as_of THEN last_reviewed_on END AS last_review,
		-- The review period runs from the last review on or before D, else from creation.
		CASE WHEN last_reviewed_on <= as_of THEN last_reviewed_on ELSE created_on END AS review_from
	FROM scope
),
flagged AS (
	SELECT *,
		active AND coalesce(retention_day_key(review_from) + 32 * review_months
			< retention_day_key(as_of), false) AS overdue_review,
		active AND coalesce(retention_day_key(created_on) + 32 * max_retention_months
			< retention_day_key(as_of), false) AS past_retention,
		active AND coalesce(kind = 'alert', false) AND impact_assessed IS NOT TRUE
			AS missing_assessment,
		active AND NOT has_rule AS no_rule,
		-- Real dates here: grace days are days, and few records are deleted under a maximum.
		CASE WHEN deleted_on <= as_of AND max_retention_months IS NOT NULL
			THEN deleted_on > (created_on + INTERVAL (max_retention_months) MONTH)::DATE + grace_days
			ELSE false
		END AS late_deletion
	FROM dated
)
SELECT *,
	active AND has_rule AND NOT (overdue_review OR past_retention OR missing_assessment)
		AS compliant
FROM flagged;

-- The judged records counted per key_columns (names of retention_judged columns, e.g.
-- ['member_state']) and per combination of flags, packed into the struct flags after counting:
-- the breakdowns then add up a few hundred counts instead of testing every record nine ways.
-- n is the record count.
CREATE OR REPLACE MACRO retention_tally(as_of, only_member_state, only_register,
	only_legal_basis, only_authority, key_columns) AS TABLE
SELECT COLUMNS(c -> list_contains(key_columns, c)),
	{'active': active, 'overdue_review': overdue_review, 'past_retention': past_retention,
		'missing_assessment': missing_assessment, 'no_rule': no_rule, 'compliant': compliant,
		'late_deletion': late_deletion} AS flags,
	n
FROM (
	SELECT COLUMNS(c -> list_contains(key_columns, c)), active, overdue_review, past_retention,
		missing_assessment, no_rule, compliant, late_deletion, count(*) AS n
	FROM retention_judged(as_of, only_member_state, only_register, only_legal_basis,
		only_authority)
	GROUP BY ALL
);

-- The retention figures of a group of tally rows, an aggregate: in a SELECT with GROUP BY over
-- retention_tally, unnest(retention_figures(n, flags)) gives the columns records ...
-- late_deletion. A group without records (a member state listed by an outer join) has zeros and
-- a NULL compliance_pct. One level on purpose: a macro over this macro's result would repeat
-- every aggregate in the plan for each field it reads.
CREATE OR REPLACE MACRO retention_figures(n, flags) AS {
	'records': coalesce(sum(n), 0)::INTEGER,
	'active': coalesce(sum(n) FILTER (WHERE flags.active), 0)::INTEGER,
	'overdue_review': coalesce(sum(n) FILTER (WHERE flags.overdue_review), 0)::INTEGER,
	'past_retention': coalesce(sum(n) FILTER (WHERE flags.past_retention), 0)::INTEGER,
	'missing_assessment': coalesce(sum(n) FILTER (WHERE flags.missing_assessment), 0)::INTEGER,
	'no_rule': coalesce(sum(n) FILTER (WHERE flags.no_rule), 0)::INTEGER,
	'compliant': coalesce(sum(n) FILTER (WHERE flags.compliant), 0)::INTEGER,
	'compliance_pct': 100 * coalesce(sum(n) FILTER (WHERE flags.compliant), 0)::DOUBLE
		/ nullif(sum(n) FILTER (WHERE flags.active), 0),
	'deleted': coalesce(sum(n) FILTER (WHERE NOT flags.active), 0)::INTEGER,
	'late_deletion': coalesce(sum(n) FILTER (WHERE flags.late_deletion), 0)::INTEGER
};

-- The records behind a retention figure, narrowed to a flag (overdue_review, past_retention,
-- missing_assessment, compliant, active, late_deletion or no_rule; NULL: every record created on
-- or before D).
CREATE OR REPLACE MACRO retention_drill_record(as_of, only_member_state, only_register,
	only_legal_basis, only_authority, only_flag) AS TABLE
SELECT j.*
FROM retention_judged(as_of, only_member_state, only_register, only_legal_basis,
	only_authority) j,
	(SELECT checked_choice('flag', only_flag, ['overdue_review', 'past_retention',
		'missing_assessment', 'compliant', 'active', 'late_deletion', 'no_rule']) AS ok)
-- Referencing ok makes the check run.
WHERE ok IS NULL AND CASE only_flag
	WHEN 'overdue_review' THEN overdue_review
	WHEN 'past_retention' THEN past_retention
	WHEN 'missing_assessment' THEN missing_assessment
	WHEN 'compliant' THEN compliant
	WHEN 'active' THEN active
	WHEN 'late_deletion' THEN late_deletion
	WHEN 'no_rule' THEN no_rule
	ELSE true
END;
