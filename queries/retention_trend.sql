-- Retention compliance per month end: for each point P (the last day of each month from the
-- month of from to the month before D, then D itself) the figures of retention_by_member_state
-- computed as of P. One row per (point_on, member_state) with records, plus a total per point
-- with member_state NULL. Without from, the 11 month ends before D's month, so 12 points.
-- Definition (docs/metrics.md, "Retention compliance"): queries/lib/030_retention.sql, whose
-- header states it in full.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
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
)
-- Each point judges the records as of itself.
SELECT p.point_on, t.member_state, unnest(retention_figures(t.n, t.flags))
FROM point p,
	LATERAL retention_tally(p.point_on, $member_state, NULL, NULL, NULL, ['member_state']) t
GROUP BY GROUPING SETS ((p.point_on, t.member_state), (p.point_on))
ORDER BY point_on, member_state NULLS FIRST
