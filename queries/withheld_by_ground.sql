-- Withheld rows per withholding ground, with how many had a documented weighing and how many
-- are unjustified; share_pct = 100 x withheld with this ground / all withheld rows in scope. A
-- row without a ground is in '(none)' (always unjustified).
-- Definition (docs/metrics.md, "Withheld-information ratio"): queries/lib/020_withheld.sql,
-- whose header states it in full.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: only rows that occurred on or before D count
-- @param from DATE?  start of the period, inclusive (NULL: no start)
-- @param to DATE?  end of the period, inclusive (NULL: up to D)
-- @param member_state VARCHAR?  only this originating member state (NULL: all)
-- @param channel VARCHAR?  only this channel (NULL: all)
SELECT label_or_none(withholding_ground) AS ground,
	sum(n)::INTEGER AS withheld,
	coalesce(sum(n) FILTER (WHERE weighing_documented), 0)::INTEGER AS weighing_documented,
	coalesce(sum(n) FILTER (WHERE unjustified), 0)::INTEGER AS unjustified,
	100 * sum(n)::DOUBLE / sum(sum(n)) OVER () AS share_pct
FROM withheld_tally($as_of, $from, $to, $member_state, $channel, [])
WHERE decision = 'withheld'
GROUP BY ground
ORDER BY ground
