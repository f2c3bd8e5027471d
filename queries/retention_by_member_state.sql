-- Retention compliance per member state as of D: the headline figure. All 27 member states are
-- listed (zeros and a NULL percentage when they have no records), plus any other state found.
-- Then one more row, member_state NULL: the total over every member state in scope (of the one
-- asked for, if any), the EU row of the overview, the API and the CLI, from the same scan.
-- Definition (docs/metrics.md, "Retention compliance"): queries/lib/030_retention.sql, whose
-- header states it in full.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: records created after D and reviews after D are ignored
-- @param member_state VARCHAR?  only this member state (NULL: all)
SELECT member_state, unnest(retention_figures(n, flags))
FROM retention_tally($as_of, $member_state, NULL, NULL, NULL, ['member_state'])
FULL JOIN member_state_listed($member_state) USING (member_state)
GROUP BY GROUPING SETS ((member_state), ())
ORDER BY member_state NULLS LAST
