-- How many records retention_records returns in total for the same filters.
-- Definition (docs/metrics.md, "Retention compliance"): retention_drill_record in
-- queries/lib/030_retention.sql, whose header states it in full.
-- @scope records  record-level rows: the states whose rows the caller may see
-- @param as_of DATE  the as-of date D: records created after D and reviews after D are ignored
-- @param member_state VARCHAR?  only this member state (NULL: all)
-- @param register VARCHAR?  only this register (NULL: all)
-- @param legal_basis VARCHAR?  only this legal basis (NULL: all)
-- @param authority VARCHAR?  only this authority ('(none)': no authority; NULL: all)
-- @param flag VARCHAR?  overdue_review | past_retention | missing_assessment | compliant |
--   active | late_deletion | no_rule (NULL: every record created on or before D)
-- @param search VARCHAR?  only records whose record id, authority, register or legal basis
--   contains this text, ignoring case (NULL: all)
SELECT count(*)::INTEGER AS total
FROM retention_listed($as_of, $member_state, $register, $legal_basis, $authority, $flag,
	$search)
