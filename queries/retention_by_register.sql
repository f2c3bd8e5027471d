-- Retention compliance per register (SIS, CTER, EIS, PASSPORT, ...) as of D.
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
WITH
scope AS (
	SELECT r.*, coalesce(nullif(trim(r.authority), ''), '(none)') AS authority_label,
		rule.review_months, rule.max_retention_months, rule.grace_days,
		rule.legal_basis IS NOT NULL AS has_rule
	FROM retention_current r
	LEFT JOIN retention_rule rule ON rule.legal_basis = r.legal_basis
	WHERE r.created_on <= $as_of
		AND ($member_state IS NULL OR r.member_state = $member_state)
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
counted AS (
	SELECT register AS register,
		count(*) AS records,
		count(*) FILTER (WHERE active) AS active,
		count(*) FILTER (WHERE overdue_review) AS overdue_review,
		count(*) FILTER (WHERE past_retention) AS past_retention,
		count(*) FILTER (WHERE missing_assessment) AS missing_assessment,
		count(*) FILTER (WHERE no_rule) AS no_rule,
		count(*) FILTER (WHERE compliant) AS compliant,
		count(*) FILTER (WHERE NOT active) AS deleted,
		count(*) FILTER (WHERE late_deletion) AS late_deletion
	FROM judged
	GROUP BY ALL
)
SELECT *
	EXCLUDE (records, active, overdue_review, past_retention, missing_assessment, no_rule,
		compliant, deleted, late_deletion),
	coalesce(records, 0)::INTEGER AS records,
	coalesce(active, 0)::INTEGER AS active,
	coalesce(overdue_review, 0)::INTEGER AS overdue_review,
	coalesce(past_retention, 0)::INTEGER AS past_retention,
	coalesce(missing_assessment, 0)::INTEGER AS missing_assessment,
	coalesce(no_rule, 0)::INTEGER AS no_rule,
	coalesce(compliant, 0)::INTEGER AS compliant,
	100 * compliant::DOUBLE / nullif(active, 0) AS compliance_pct,
	coalesce(deleted, 0)::INTEGER AS deleted,
	coalesce(late_deletion, 0)::INTEGER AS late_deletion
FROM counted
ORDER BY register
