-- Withheld-information ratio per channel (SIS, EIS, SIENA, ...), for all member states or one.
-- Definition (docs/metrics.md, "Withheld-information ratio"): queries/lib/020_withheld.sql,
-- whose header states it in full.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: only rows that occurred on or before D count
-- @param from DATE?  start of the period, inclusive (NULL: no start)
-- @param to DATE?  end of the period, inclusive (NULL: up to D)
-- @param member_state VARCHAR?  only this originating member state (NULL: all)
SELECT channel, unnest(withheld_figures(n, decision, unjustified))
FROM withheld_tally($as_of, $from, $to, $member_state, NULL, ['channel'])
GROUP BY channel
ORDER BY channel
