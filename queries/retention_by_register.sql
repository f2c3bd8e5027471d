-- Retention compliance per register (SIS, CTER, EIS, PASSPORT, ...) as of D.
-- Definition (docs/metrics.md, "Retention compliance"): queries/lib/030_retention.sql, whose
-- header states it in full.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: records created after D and reviews after D are ignored
-- @param member_state VARCHAR?  only this member state (NULL: all)
SELECT register, unnest(retention_figures(n, flags))
FROM retention_tally($as_of, $member_state, NULL, NULL, NULL, ['register'])
GROUP BY register
ORDER BY register
