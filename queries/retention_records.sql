-- Drill-down: the retention records behind a compliance figure as of D (filtered by member
-- state, register, legal basis, authority and flag), with their computed dates and flags, each
-- with its batch_id, file_name and source_row; search: a text search (retention_listed in
-- queries/lib/070_records.sql). Paged; sorted by the column named in sort (empty values last
-- either way), else by member state and record id; ties in file order (batch, row), so that
-- the pages of a sort are deterministic. Pair with retention_records_count.
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
-- @param search VARCHAR?  only records whose record id, authority, register or legal basis
--   contains this text, ignoring case (NULL: all)
-- @param sort VARCHAR?  record_id | member_state | register | legal_basis | kind | authority |
--   created_on | last_review | review_due | retention_end | deleted_on | impact_assessed |
--   flags (the number of problem flags) | source (NULL: member_state, then record_id)
-- @param dir VARCHAR?  asc | desc (NULL: asc)
-- @param limit INTEGER  at most this many rows (capped at 10000)
-- @param offset INTEGER  skip this many rows (paging)
WITH
paged AS (
	SELECT *,
		record_sort_number(CASE $sort
			WHEN 'created_on' THEN record_day(created_on)
			WHEN 'last_review' THEN record_day(last_review)
			WHEN 'review_due' THEN record_day(review_from + INTERVAL (review_months) MONTH)
			WHEN 'retention_end' THEN record_day(created_on + INTERVAL (max_retention_months) MONTH)
			WHEN 'deleted_on' THEN record_day(deleted_on)
			WHEN 'impact_assessed' THEN impact_assessed::INTEGER
			WHEN 'flags' THEN overdue_review::INTEGER + past_retention::INTEGER
				+ missing_assessment::INTEGER + no_rule::INTEGER
			WHEN 'source' THEN batch_id
		END, $dir) AS sort_number,
		record_sort_text(CASE $sort
			WHEN 'record_id' THEN record_id
			WHEN 'member_state' THEN member_state
			WHEN 'register' THEN register
			WHEN 'legal_basis' THEN legal_basis
			WHEN 'kind' THEN kind
			WHEN 'authority' THEN authority
		END) AS sort_text
	FROM retention_listed($as_of, $member_state, $register, $legal_basis, $authority, $flag,
		$search),
		(SELECT checked_choice('sort', $sort, ['record_id', 'member_state', 'register',
			'legal_basis', 'kind', 'authority', 'created_on', 'last_review', 'review_due',
			'retention_end', 'deleted_on', 'impact_assessed', 'flags', 'source']) AS ok_sort,
			checked_choice('dir', $dir, ['asc', 'desc']) AS ok_dir)
	-- Referencing ok_* makes the checks run.
	WHERE ok_sort IS NULL AND ok_dir IS NULL
	ORDER BY sort_number NULLS LAST,
		CASE WHEN $dir = 'desc' THEN NULL ELSE sort_text END ASC NULLS LAST,
		CASE WHEN $dir = 'desc' THEN sort_text END DESC NULLS LAST,
		member_state, record_id, batch_id, source_row
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
ORDER BY s.sort_number NULLS LAST,
	CASE WHEN $dir = 'desc' THEN NULL ELSE s.sort_text END ASC NULLS LAST,
	CASE WHEN $dir = 'desc' THEN s.sort_text END DESC NULLS LAST,
	s.member_state, s.record_id, s.batch_id, s.source_row
