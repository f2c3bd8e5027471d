-- Retention compliance per authority as of D; records without one are in '(none)'.
-- Definition (docs/metrics.md, "Retention compliance"): queries/lib/030_retention.sql, whose
-- header states it in full.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: records created after D and reviews after D are ignored
-- @param member_state VARCHAR?  only this member state (NULL: all)
-- @param register VARCHAR?  only this register (NULL: all)
SELECT authority_label AS authority, unnest(retention_figures(n, flags))
FROM retention_tally($as_of, $member_state, $register, NULL, NULL, ['authority_label'])
GROUP BY authority_label
ORDER BY authority
