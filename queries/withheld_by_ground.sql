-- Withheld rows per withholding ground, with how many had a documented weighing and how many
-- are unjustified; share_pct = 100 x withheld with this ground / all withheld rows in scope. A
-- row without a ground is in '(none)' (always unjustified).
-- Definition (docs/metrics.md, "Withheld-information ratio"): rows of sharing_current with
-- relevant = true and occurred_on <= D, and inside the period when one is given (from and to
-- are inclusive and either may be NULL for an open end). ratio = withheld / (shared + withheld)
-- (pending rows are counted in relevant and pending, never in the ratio); unjustified =
-- withheld rows whose withholding_ground is empty or whose weighing_documented is not true.
-- A zero denominator gives NULL.
-- @param as_of DATE  the as-of date D: only rows that occurred on or before D count
-- @param from DATE?  start of the period, inclusive (NULL: no start)
-- @param to DATE?  end of the period, inclusive (NULL: up to D)
-- @param member_state VARCHAR?  only this originating member state (NULL: all)
-- @param channel VARCHAR?  only this channel (NULL: all)
WITH
grouped AS (
	-- Count first, judge afterwards: the few distinct (ground, weighing) pairs are cheaper to
	-- test than every row.
	SELECT decision, withholding_ground, weighing_documented, count(*) AS n
	FROM sharing_current
	WHERE relevant
		AND occurred_on <= $as_of
		AND ($from IS NULL OR occurred_on >= $from)
		AND ($to IS NULL OR occurred_on <= $to)
		AND ($member_state IS NULL OR member_state = $member_state)
		AND ($channel IS NULL OR channel = $channel)
		AND decision = 'withheld'
	GROUP BY ALL
),
scope AS (
	SELECT *,
		decision = 'withheld'
			AND (nullif(trim(withholding_ground), '') IS NULL OR weighing_documented IS NOT TRUE)
			AS unjustified
	FROM grouped
)
SELECT coalesce(nullif(trim(withholding_ground), ''), '(none)') AS ground,
	sum(n)::INTEGER AS withheld,
	coalesce(sum(n) FILTER (WHERE weighing_documented), 0)::INTEGER AS weighing_documented,
	coalesce(sum(n) FILTER (WHERE unjustified), 0)::INTEGER AS unjustified,
	100 * sum(n)::DOUBLE / sum(sum(n)) OVER () AS share_pct
FROM scope
GROUP BY ground
ORDER BY ground
