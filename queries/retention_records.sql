-- Drill-down: the retention records behind a compliance figure as of D (filtered by member
-- state, register, legal basis, authority and flag), with their computed dates and flags, each
-- with its batch_id, file_name and source_row. Paged; pair with retention_records_count.
-- Definition (docs/metrics.md, "Retention compliance"): retention_drill_record in
-- queries/lib/030_retention.sql, whose header states it in full.
-- @audit record_view  each read is written to the audit trail (who, filter, rows)
-- @scope records  record-level rows: the states whose rows the caller may see
-- @param as_of DATE  the as-of date D: records created after D and reviews after D are ignored
-- @param member_state VARCHAR?  only this member state (NULL: all)
-- @param register VARCHAR?  only this register (NULL: all)
-- @param legal_basis VARCHAR?  only this legal basis (NULL: all)
-- @param authority VARCHAR?  only this authority ('(none)': no authority; NULL: all)
-- @param flag VARCHAR?  overdue_review | past_retention | missing_assessment | compliant |
--   active | late_deletion | no_rule (NULL: every record created on or before D)
-- @param limit INTEGER  at most this many rows (capped at 10000)
-- @param offset INTEGER  skip this many rows (paging)
WITH
paged AS (
	SELECT *
	FROM retention_drill_record($as_of, $member_state, $register, $legal_basis, $authority, $flag)
	ORDER BY member_state, record_id, batch_id, source_row
	LIMIT least(greatest($limit, 0), 10000) OFFSET greatest($offset, 0)
)
-- The due dates to show, computed for this page only.
SELECT s.record_id, s.member_state, s.register, s.legal_basis, s.kind, s.authority,
	s.created_on, s.last_reviewed_on, s.last_review, s.review_outcome,
	(s.review_from + INTERVAL (s.review_months) MONTH)::DATE AS review_due,
	(s.created_on + INTERVAL (s.max_retention_months) MONTH)::DATE AS retention_end,
	s.deleted_on, s.impact_assessed, s.active, s.overdue_review, s.past_retention,
	s.missing_assessment, s.no_rule, s.compliant, s.late_deletion,
	s.batch_id, b.file_name, s.source_row
FROM paged s
LEFT JOIN batch b ON b.batch_id = s.batch_id
ORDER BY s.member_state, s.record_id, s.batch_id, s.source_row
