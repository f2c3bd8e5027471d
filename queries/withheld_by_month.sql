-- Withheld-information ratio per calendar month of occurred_on: the sharing trend. Months
-- run without gaps from the period start (or the first month with rows) to the month of the
-- period end (or of D); a month without rows has zeros and a NULL ratio. month is its first day.
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
	SELECT occurred_on, decision, withholding_ground, weighing_documented, count(*) AS n
	FROM sharing_current
	WHERE relevant
		AND occurred_on <= $as_of
		AND ($from IS NULL OR occurred_on >= $from)
		AND ($to IS NULL OR occurred_on <= $to)
		AND ($member_state IS NULL OR member_state = $member_state)
		AND ($channel IS NULL OR channel = $channel)
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
	-- Months from the grouped days: a few thousand dates instead of 10^7 rows.
	SELECT date_trunc('month', occurred_on)::DATE AS month,
		sum(n) AS relevant,
		coalesce(sum(n) FILTER (WHERE decision = 'shared'), 0) AS shared,
		coalesce(sum(n) FILTER (WHERE decision = 'withheld'), 0) AS withheld,
		coalesce(sum(n) FILTER (WHERE decision = 'pending'), 0) AS pending,
		coalesce(sum(n) FILTER (WHERE unjustified), 0) AS unjustified
	FROM scope
	GROUP BY month
),
month_range AS (
	SELECT coalesce(date_trunc('month', $from::DATE), min(month)) AS first_month,
		date_trunc('month', least($as_of::DATE, coalesce($to::DATE, $as_of::DATE))) AS last_month
	FROM counted
),
calendar AS (
	SELECT unnest(generate_series(first_month, last_month, INTERVAL 1 MONTH))::DATE AS month
	FROM month_range
	WHERE first_month IS NOT NULL
)
SELECT month,
	coalesce(relevant, 0)::INTEGER AS relevant,
	coalesce(shared, 0)::INTEGER AS shared,
	coalesce(withheld, 0)::INTEGER AS withheld,
	coalesce(pending, 0)::INTEGER AS pending,
	coalesce(unjustified, 0)::INTEGER AS unjustified,
	withheld::DOUBLE / nullif(shared + withheld, 0) AS ratio,
	100 * unjustified::DOUBLE / nullif(withheld, 0) AS unjustified_pct
FROM calendar
LEFT JOIN counted USING (month)
ORDER BY month
