-- Rejected rows with their reasons, for one batch or all, in file order.
-- @audit record_view  each read is written to the audit trail (who, filter, rows)
-- @scope records  record-level rows: the states whose rows the caller may see
-- @param batch_id INTEGER?  only this batch (NULL: every batch)
-- @param limit INTEGER  at most this many rows
-- @param offset INTEGER  skip this many (paging)
SELECT r.batch_id, b.file_name, b.kind, r.row_number, r.column_name, r.value, r.message, r.raw
FROM reject r
JOIN batch b USING (batch_id)
WHERE ($batch_id IS NULL OR r.batch_id = $batch_id) AND batch_visible(r.batch_id)
ORDER BY r.batch_id, r.row_number, r.column_name NULLS FIRST
LIMIT $limit OFFSET $offset
