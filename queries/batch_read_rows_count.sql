-- How many rows batch_read_rows returns for one batch: its rows_read figure (accepted +
-- rejected), with the two parts (accepted, rejected). An unknown kind is an error naming the
-- kinds, even when no row is left to test it on.
-- Definition: batch_read_row in queries/lib/050_batch.sql, whose header states it in full.
-- @scope records  record-level rows: the states whose rows the caller may see
-- @param as_of DATE  the as-of date D: on or after the batch's import date (else its stored
--   rows are left out); the web app passes today
-- @param kind VARCHAR?  the batch's kind: sharing | actions | retention (NULL: look in all)
-- @param batch_id INTEGER  the batch whose rows to count
SELECT CASE WHEN quality_checked_kind($kind) IS NULL THEN count(*) END::INTEGER AS total,
	count(*) FILTER (WHERE outcome = 'accepted')::INTEGER AS accepted,
	count(*) FILTER (WHERE outcome = 'rejected')::INTEGER AS rejected
FROM batch_read_row($as_of, quality_valid_kind($kind), $batch_id)
