-- Drill-down: the rejected rows behind a rows_rejected figure of quality_by_sender: one row per
-- distinct rejected row number of a batch imported on or before D, attributed to a sender as
-- there (the one sender of all the rows its batch stored, else '(unattributed)'), with its
-- problems as a list of {column_name, value, message} (one row can have several), its batch_id,
-- file_name and row_number (as the user counts it: header = row 1), in file order. Paged; pair
-- with quality_rejected_rows_count.
-- Definition (docs/metrics.md, "Data quality"): quality_rejected_row in
-- queries/lib/040_quality.sql, whose header states it in full.
-- @audit record_view  each read is written to the audit trail (who, filter, rows)
-- @scope records  record-level rows: the states whose rows the caller may see
-- @param as_of DATE  the as-of date D: batches imported after D are ignored
-- @param kind VARCHAR?  sharing | actions | retention (NULL: all)
-- @param sender VARCHAR?  only rows attributed to this member state, actor or '(unattributed)'
--   (NULL: all)
-- @param batch_id INTEGER?  only rows of this batch (NULL: all)
-- @param limit INTEGER  at most this many rows (capped at 10000)
-- @param offset INTEGER  skip this many rows (paging)
SELECT kind, sender, problems, batch_id, file_name, row_number
FROM quality_rejected_row($as_of, quality_valid_kind($kind))
WHERE ($sender IS NULL OR sender = $sender)
	AND ($batch_id IS NULL OR batch_id = $batch_id)
ORDER BY batch_id, row_number
LIMIT least(greatest($limit, 0), 10000) OFFSET greatest($offset, 0)
