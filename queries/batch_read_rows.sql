-- Drill-down: every row read from the file of one import batch, behind its rows_read figure, in
-- file order (row_number as the user counts it: header = row 1), each with its outcome:
-- 'accepted' with the stored row's key, date, topic and state (as quality_stored_rows gives them)
-- and whether a batch imported on or before D has replaced it since (superseded, superseded_by,
-- superseded_by_file), or 'rejected' with its problems as a list of {column_name, value,
-- message}. As many rows as rows_accepted + rows_rejected, which is rows_read. Paged; pair with
-- batch_read_rows_count.
-- Definition: batch_read_row in queries/lib/050_batch.sql, whose header states it in full.
-- @audit record_view  each read is written to the audit trail (who, filter, rows)
-- @scope records  record-level rows: the states whose rows the caller may see
-- @param as_of DATE  the as-of date D for the superseded flag: on or after the batch's import
--   date (else its stored rows are left out); the web app passes today
-- @param kind VARCHAR?  the batch's kind: sharing | actions | retention (NULL: look in all)
-- @param batch_id INTEGER  the batch whose rows to list
-- @param limit INTEGER  at most this many rows (capped at 10000)
-- @param offset INTEGER  skip this many rows (paging)
WITH
-- Page on the row numbers first and fetch the other columns for that page only.
paged AS (
	SELECT row_number, outcome
	FROM batch_read_row($as_of, quality_valid_kind($kind), $batch_id)
	ORDER BY row_number, outcome
	LIMIT least(greatest($limit, 0), 10000) OFFSET greatest($offset, 0)
),
stored AS (
	SELECT s.*
	FROM quality_stored_row($as_of, quality_valid_kind($kind), NULL, $batch_id) s
	WHERE s.source_row IN (SELECT row_number FROM paged WHERE outcome = 'accepted')
)
SELECT p.row_number, p.outcome, s.record_key, s.record_date, s.topic, s.state, s.superseded,
	s.superseded_by, s.superseded_by_file, r.problems
FROM paged p
LEFT JOIN stored s ON p.outcome = 'accepted' AND s.source_row = p.row_number
LEFT JOIN batch_rejected_row($batch_id) r
	ON p.outcome = 'rejected' AND r.row_number = p.row_number
ORDER BY p.row_number, p.outcome
