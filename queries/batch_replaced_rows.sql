-- Drill-down: the earlier stored rows that one import batch replaced, behind its rows_superseded
-- figure (batch_get, batch_list): the rows whose superseded_by is the batch (a row of an earlier
-- batch with the same key), each with its own batch_id, file_name and source_row, its key, date,
-- topic and state (as quality_stored_rows gives them), in the order of their batch and row.
-- Paged; pair with batch_replaced_rows_count.
-- Definition: batch_replaced_row in queries/lib/050_batch.sql, whose header states it in full.
-- @audit record_view  each read is written to the audit trail (who, filter, rows)
-- @scope records  record-level rows: the states whose rows the caller may see
-- @param kind VARCHAR?  the batch's kind: sharing | actions | retention (NULL: look in all)
-- @param batch_id INTEGER  the batch that replaced the rows
-- @param limit INTEGER  at most this many rows (capped at 10000)
-- @param offset INTEGER  skip this many rows (paging)
SELECT kind, sender, record_key, record_date, topic, state, batch_id, file_name, source_row
FROM batch_replaced_row(quality_valid_kind($kind), $batch_id)
ORDER BY batch_id, source_row
LIMIT least(greatest($limit, 0), 10000) OFFSET greatest($offset, 0)
