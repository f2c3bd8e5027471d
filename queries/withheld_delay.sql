-- Sharing delay (shared_on - occurred_on, in days) per originating member state, over relevant
-- rows with decision = shared in scope. Only delays known on D count: rows without shared_on
-- (missing_shared_on), shared after D (shared_after_as_of) or with shared_on before occurred_on
-- (negative_delay, a data error) are counted but left out of the statistics. median_days and
-- p90_days interpolate (quantile_cont). All 27 member states are listed.
-- Definition (docs/metrics.md, "Withheld-information ratio"): queries/lib/020_withheld.sql,
-- whose header states it in full.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: only rows that occurred on or before D count
-- @param from DATE?  start of the period, inclusive (NULL: no start)
-- @param to DATE?  end of the period, inclusive (NULL: up to D)
-- @param member_state VARCHAR?  only this originating member state (NULL: all)
-- @param channel VARCHAR?  only this channel (NULL: all)
WITH
measured AS (
	SELECT member_state, shared_on, occurred_on,
		CASE WHEN shared_on <= $as_of AND shared_on >= occurred_on THEN shared_on - occurred_on END
			AS delay_days
	FROM sharing_in_scope($as_of, $from, $to, $member_state, $channel)
	WHERE decision = 'shared'
),
counted AS (
	SELECT member_state,
		count(*) AS shared,
		count(delay_days) AS measured,
		median(delay_days) AS median_days,
		quantile_cont(delay_days, 0.9) AS p90_days,
		avg(delay_days) AS mean_days,
		max(delay_days) AS max_days,
		count(*) FILTER (WHERE shared_on IS NULL) AS missing_shared_on,
		count(*) FILTER (WHERE shared_on > $as_of) AS shared_after_as_of,
		count(*) FILTER (WHERE shared_on < occurred_on) AS negative_delay
	FROM measured
	GROUP BY member_state
)
SELECT member_state,
	coalesce(shared, 0)::INTEGER AS shared,
	coalesce(measured, 0)::INTEGER AS measured,
	median_days::DOUBLE AS median_days,
	p90_days::DOUBLE AS p90_days,
	mean_days::DOUBLE AS mean_days,
	max_days::INTEGER AS max_days,
	coalesce(missing_shared_on, 0)::INTEGER AS missing_shared_on,
	coalesce(shared_after_as_of, 0)::INTEGER AS shared_after_as_of,
	coalesce(negative_delay, 0)::INTEGER AS negative_delay
FROM counted
FULL JOIN member_state_listed($member_state) USING (member_state)
ORDER BY member_state
