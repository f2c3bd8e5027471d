-- Withheld-information ratio per originating member state: the headline figure. All 27
-- member states are listed (with zeros and a NULL ratio when they have no rows), plus any other
-- originator found in the rows. Then one more row, member_state NULL: the total over every
-- originator in scope (of the one asked for, if any), the EU row of the overview, the API and
-- the CLI, from the same scan.
-- Definition (docs/metrics.md, "Withheld-information ratio"): queries/lib/020_withheld.sql,
-- whose header states it in full.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: only rows that occurred on or before D count
-- @param from DATE?  start of the period, inclusive (NULL: no start)
-- @param to DATE?  end of the period, inclusive (NULL: up to D)
-- @param member_state VARCHAR?  only this originating member state (NULL: all)
SELECT member_state, unnest(withheld_figures(n, decision, unjustified))
FROM withheld_tally($as_of, $from, $to, $member_state, NULL, ['member_state'])
FULL JOIN member_state_listed($member_state) USING (member_state)
GROUP BY GROUPING SETS ((member_state), ())
ORDER BY member_state NULLS LAST
