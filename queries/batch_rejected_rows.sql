-- Drill-down: the rejected rows behind the rows_rejected figure of one import batch (batch_get,
-- batch_list): one row per distinct rejected row number (as the user counts it: header = row 1),
-- in file order, with all its problems as a list of {column_name, value, message} (one row can
-- have several) and the batch's file_name. reject_list gives one line per problem instead.
-- Paged; pair with batch_rejected_rows_count.
-- Definition: batch_rejected_row in queries/lib/050_batch.sql, whose header states it in full.
-- @audit record_view  each read is written to the audit trail (who, filter, rows)
-- @scope records  record-level rows: the states whose rows the caller may see
-- @param batch_id INTEGER  the batch whose rejected rows to list
-- @param limit INTEGER  at most this many rows (capped at 10000)
-- @param offset INTEGER  skip this many rows (paging)
SELECT batch_id, file_name, row_number, problems
FROM batch_rejected_row($batch_id)
ORDER BY row_number
LIMIT least(greatest($limit, 0), 10000) OFFSET greatest($offset, 0)
