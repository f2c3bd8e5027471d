-- How many rows batch_rejected_rows returns for one batch (total: its rows_rejected figure), and
-- how many problems they have in all (problems: one row can have several).
-- Definition: batch_rejected_row in queries/lib/050_batch.sql, whose header states it in full.
-- @scope records  record-level rows: the states whose rows the caller may see
-- @param batch_id INTEGER  the batch whose rejected rows to count
SELECT count(*)::INTEGER AS total, coalesce(sum(len(problems)), 0)::INTEGER AS problems
FROM batch_rejected_row($batch_id)
