-- Number of stored rejects of one import batch (one row may have several rejects).
-- @scope records  record-level rows: the states whose rows the caller may see
-- @param batch_id INTEGER  the batch whose rejects to count
SELECT count(*)::INTEGER AS rejects
FROM reject
WHERE batch_id = $batch_id AND batch_visible(batch_id)
