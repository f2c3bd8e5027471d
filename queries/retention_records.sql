-- Drill-down: the retention records behind a compliance figure as of D (filtered by member
-- state, register, legal basis, authority and flag), with their computed dates and flags, each
-- with its batch_id, file_name and source_row. Paged; pair with retention_records_count.
-- Definition (docs/metrics.md, "Retention compliance"), records of retention_current with
-- created_on <= D and the retention_rule of their legal_basis:
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
-- @param as_of DATE  the as-of date D: records created after D and reviews after D are ignored
-- @param member_state VARCHAR?  only this member state (NULL: all)
-- @param register VARCHAR?  only this register (NULL: all)
-- @param legal_basis VARCHAR?  only this legal basis (NULL: all)
-- @param authority VARCHAR?  only this authority ('(none)': no authority; NULL: all)
-- @param flag VARCHAR?  overdue_review | past_retention | missing_assessment | compliant |
--   active | late_deletion | no_rule (NULL: every record created on or before D)
-- @param limit INTEGER  at most this many rows (capped at 10000)
-- @param offset INTEGER  skip this many rows (paging)
WITH
scope AS (
	SELECT r.*, coalesce(nullif(trim(r.authority), ''), '(none)') AS authority_label,
		rule.review_months, rule.max_retention_months, rule.grace_days,
		rule.legal_basis IS NOT NULL AS has_rule
	FROM retention_current r
	LEFT JOIN retention_rule rule ON rule.legal_basis = r.legal_basis
	WHERE r.created_on <= $as_of
		AND ($member_state IS NULL OR r.member_state = $member_state)
		AND ($register IS NULL OR r.register = $register)
		AND ($legal_basis IS NULL OR r.legal_basis = $legal_basis)
		AND ($authority IS NULL OR coalesce(nullif(trim(r.authority), ''), '(none)') = $authority)
),
dated AS (
	SELECT *,
		deleted_on IS NULL OR deleted_on > $as_of AS active,
		CASE WHEN last_reviewed_on <= $as_of THEN last_reviewed_on END AS last_review,
		-- The review period runs from the last review on or before D, else from creation.
		CASE WHEN last_reviewed_on <= $as_of THEN last_reviewed_on ELSE created_on END AS review_from
	FROM scope
),
keyed AS (
	SELECT *,
		(year(review_from) * 12 + month(review_from)) * 32 + day(review_from) AS review_from_key,
		(year(created_on) * 12 + month(created_on)) * 32 + day(created_on) AS created_key,
		(year($as_of) * 12 + month($as_of)) * 32 + day($as_of) AS at_key
	FROM dated
),
flagged AS (
	SELECT *,
		active AND coalesce(review_from_key + 32 * review_months < at_key, false) AS overdue_review,
		active AND coalesce(created_key + 32 * max_retention_months < at_key, false) AS past_retention,
		active AND coalesce(kind = 'alert', false) AND impact_assessed IS NOT TRUE
			AS missing_assessment,
		active AND NOT has_rule AS no_rule,
		-- Real dates here: grace days are days, and few records are deleted under a maximum.
		CASE WHEN deleted_on <= $as_of AND max_retention_months IS NOT NULL
			THEN deleted_on > (created_on + INTERVAL (max_retention_months) MONTH)::DATE + grace_days
			ELSE false
		END AS late_deletion
	FROM keyed
),
judged AS (
	SELECT *,
		active AND has_rule AND NOT (overdue_review OR past_retention OR missing_assessment)
			AS compliant
	FROM flagged
),
flag_check AS (
	-- An unknown flag is an error naming the accepted values, not an empty result.
	SELECT CASE
		WHEN $flag IS NOT NULL AND $flag NOT IN ('overdue_review', 'past_retention',
			'missing_assessment', 'compliant', 'active', 'late_deletion', 'no_rule')
		THEN error(format('invalid flag: "{}" (expected overdue_review, past_retention, '
			|| 'missing_assessment, compliant, active, late_deletion or no_rule)', $flag))
	END AS ok
),
selected AS (
	SELECT judged.*
	FROM judged, flag_check
	-- Referencing ok makes the check run.
	WHERE ok IS NULL AND CASE $flag
		WHEN 'overdue_review' THEN overdue_review
		WHEN 'past_retention' THEN past_retention
		WHEN 'missing_assessment' THEN missing_assessment
		WHEN 'compliant' THEN compliant
		WHEN 'active' THEN active
		WHEN 'late_deletion' THEN late_deletion
		WHEN 'no_rule' THEN no_rule
		ELSE true
	END
),
paged AS (
	SELECT *
	FROM selected
	ORDER BY member_state, record_id, batch_id, source_row
	LIMIT least(greatest($limit, 0), 10000) OFFSET greatest($offset, 0)
)
-- The due dates to show, computed for this page only.
SELECT s.record_id, s.member_state, s.register, s.legal_basis, s.kind, s.authority,
	s.created_on, s.last_reviewed_on, s.last_review, s.review_outcome,
	(s.review_from + INTERVAL (s.review_months) MONTH)::DATE AS review_due,
	(s.created_on + INTERVAL (s.max_retention_months) MONTH)::DATE AS retention_end,
	s.deleted_on, s.impact_assessed, s.active, s.overdue_review, s.past_retention,
	s.missing_assessment, s.no_rule, s.compliant, s.late_deletion,
	s.batch_id, b.file_name, s.source_row
FROM paged s
LEFT JOIN batch b ON b.batch_id = s.batch_id
ORDER BY s.member_state, s.record_id, s.batch_id, s.source_row
