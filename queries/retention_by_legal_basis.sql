-- Retention compliance per legal basis as of D, with the rule applied (review_months,
-- max_retention_months, grace_days; NULL when the legal basis has no rule).
-- Definition (docs/metrics.md, "Retention compliance"): queries/lib/030_retention.sql, whose
-- header states it in full.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: records created after D and reviews after D are ignored
-- @param member_state VARCHAR?  only this member state (NULL: all)
-- @param register VARCHAR?  only this register (NULL: all)
-- The rule columns depend on legal_basis alone (it is the rule's key), so counting by them too
-- keeps one row per legal basis.
SELECT legal_basis, review_months, max_retention_months, grace_days,
	unnest(retention_figures(n, flags))
FROM retention_tally($as_of, $member_state, $register, NULL, NULL,
	['legal_basis', 'review_months', 'max_retention_months', 'grace_days'])
GROUP BY legal_basis, review_months, max_retention_months, grace_days
ORDER BY legal_basis
