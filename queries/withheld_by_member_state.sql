-- Withheld-information ratio per originating member state: the headline figure. All 27
-- member states are listed (with zeros and a NULL ratio when they have no rows), plus any other
-- originator found in the rows.
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
WITH
grouped AS (
	-- Count first, judge afterwards: the few distinct (ground, weighing) pairs are cheaper to
	-- test than every row.
	SELECT member_state, decision, withholding_ground, weighing_documented, count(*) AS n
	FROM sharing_current
	WHERE relevant
		AND occurred_on <= $as_of
		AND ($from IS NULL OR occurred_on >= $from)
		AND ($to IS NULL OR occurred_on <= $to)
		AND ($member_state IS NULL OR member_state = $member_state)
	GROUP BY ALL
),
scope AS (
	SELECT *,
		decision = 'withheld'
			AND (nullif(trim(withholding_ground), '') IS NULL OR weighing_documented IS NOT TRUE)
			AS unjustified
	FROM grouped
),
counted AS (
	SELECT member_state,
		sum(n) AS relevant,
		coalesce(sum(n) FILTER (WHERE decision = 'shared'), 0) AS shared,
		coalesce(sum(n) FILTER (WHERE decision = 'withheld'), 0) AS withheld,
		coalesce(sum(n) FILTER (WHERE decision = 'pending'), 0) AS pending,
		coalesce(sum(n) FILTER (WHERE unjustified), 0) AS unjustified
	FROM scope
	GROUP BY member_state
),
listed AS (
	SELECT code AS member_state
	FROM ref_actor
	WHERE kind = 'member_state' AND ($member_state IS NULL OR code = $member_state)
)
SELECT member_state,
	coalesce(relevant, 0)::INTEGER AS relevant,
	coalesce(shared, 0)::INTEGER AS shared,
	coalesce(withheld, 0)::INTEGER AS withheld,
	coalesce(pending, 0)::INTEGER AS pending,
	coalesce(unjustified, 0)::INTEGER AS unjustified,
	withheld::DOUBLE / nullif(shared + withheld, 0) AS ratio,
	100 * unjustified::DOUBLE / nullif(withheld, 0) AS unjustified_pct
FROM counted
FULL JOIN listed USING (member_state)
ORDER BY member_state
