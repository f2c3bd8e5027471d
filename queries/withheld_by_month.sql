-- Withheld-information ratio per calendar month of occurred_on: the sharing trend. Months
-- run without gaps from the period start (or the first month with rows) to the month of the
-- period end (or of D); a month without rows has zeros and a NULL ratio. month is its first day.
-- Definition (docs/metrics.md, "Withheld-information ratio"): queries/lib/020_withheld.sql,
-- whose header states it in full.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: only rows that occurred on or before D count
-- @param from DATE?  start of the period, inclusive (NULL: no start)
-- @param to DATE?  end of the period, inclusive (NULL: up to D)
-- @param member_state VARCHAR?  only this originating member state (NULL: all)
-- @param channel VARCHAR?  only this channel (NULL: all)
WITH
tally AS (
	-- Months from the counts per day: a few thousand dates instead of 10^7 rows.
	SELECT date_trunc('month', occurred_on)::DATE AS month, n, decision, unjustified
	FROM withheld_tally($as_of, $from, $to, $member_state, $channel, ['occurred_on'])
),
month_range AS (
	SELECT coalesce(date_trunc('month', $from::DATE), min(month)) AS first_month,
		date_trunc('month', least($as_of::DATE, coalesce($to::DATE, $as_of::DATE))) AS last_month
	FROM tally
),
calendar AS (
	SELECT unnest(generate_series(first_month, last_month, INTERVAL 1 MONTH))::DATE AS month
	FROM month_range
	WHERE first_month IS NOT NULL
)
SELECT month, unnest(withheld_figures(n, decision, unjustified))
FROM calendar
LEFT JOIN tally USING (month)
GROUP BY month
ORDER BY month
