-- Rejected rows of one import batch, in file order (row as the user counts it: header = row 1).
-- @scope records  record-level rows: the states whose rows the caller may see
-- @param batch_id INTEGER  the batch whose rejects to list
-- @param limit INTEGER  at most this many rejects
-- @param offset INTEGER  skip this many (paging)
SELECT row_number, column_name, value, message
FROM reject
WHERE batch_id = $batch_id AND batch_visible(batch_id)
ORDER BY row_number, column_name NULLS FIRST, message
LIMIT $limit OFFSET $offset
