-- Retention compliance per month end: for each point P (the last day of each month from the
-- month of from to the month before D, then D itself) the figures of retention_by_member_state
-- computed as of P. One row per (point_on, member_state) with records, plus a total per point
-- with member_state NULL. Without from, the 11 month ends before D's month, so 12 points.
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
-- @param from DATE?  first month of the trend (NULL: 11 months before the month of D)
-- @param member_state VARCHAR?  only this member state (NULL: all)
WITH
point AS (
	SELECT last_day(m)::DATE AS point_on
	FROM (
		SELECT unnest(generate_series(
			date_trunc('month', coalesce($from::DATE, $as_of::DATE - INTERVAL 11 MONTH)),
			date_trunc('month', $as_of::DATE),
			INTERVAL 1 MONTH
		)) AS m
	)
	WHERE last_day(m) < $as_of
	UNION
	SELECT $as_of
),
record_at_point AS (
	SELECT r.*, point.point_on
	FROM retention_current r
	JOIN point ON r.created_on <= point.point_on
),
scope AS (
	SELECT r.*, coalesce(nullif(trim(r.authority), ''), '(none)') AS authority_label,
		rule.review_months, rule.max_retention_months, rule.grace_days,
		rule.legal_basis IS NOT NULL AS has_rule
	FROM record_at_point r
	LEFT JOIN retention_rule rule ON rule.legal_basis = r.legal_basis
	WHERE r.created_on <= point_on
		AND ($member_state IS NULL OR r.member_state = $member_state)
),
dated AS (
	SELECT *,
		deleted_on IS NULL OR deleted_on > point_on AS active,
		CASE WHEN last_reviewed_on <= point_on THEN last_reviewed_on END AS last_review,
		-- The review period runs from the last review on or before D, else from creation.
		CASE WHEN last_reviewed_on <= point_on THEN last_reviewed_on ELSE created_on END AS review_from
	FROM scope
),
keyed AS (
	SELECT *,
		(year(review_from) * 12 + month(review_from)) * 32 + day(review_from) AS review_from_key,
		(year(created_on) * 12 + month(created_on)) * 32 + day(created_on) AS created_key,
		(year(point_on) * 12 + month(point_on)) * 32 + day(point_on) AS at_key
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
		CASE WHEN deleted_on <= point_on AND max_retention_months IS NOT NULL
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
	SELECT point_on, member_state,
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
	GROUP BY GROUPING SETS ((point_on, member_state), (point_on))
)
SELECT point_on, member_state,
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
ORDER BY point_on, member_state NULLS FIRST
