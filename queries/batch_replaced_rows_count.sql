-- How many rows batch_replaced_rows returns for one batch: its rows_superseded figure.
-- Definition: batch_replaced_row in queries/lib/050_batch.sql, whose header states it in full.
-- An unknown kind is an error naming the kinds, even when no row is left to test it on (the
-- statistics of superseded_by can rule out every row before the kind is looked at).
-- @scope records  record-level rows: the states whose rows the caller may see
-- @param kind VARCHAR?  the batch's kind: sharing | actions | retention (NULL: look in all)
-- @param batch_id INTEGER  the batch that replaced the rows
SELECT CASE WHEN quality_checked_kind($kind) IS NULL THEN count(*) END::INTEGER AS total
FROM batch_replaced_row(quality_valid_kind($kind), $batch_id)
