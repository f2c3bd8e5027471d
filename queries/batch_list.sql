-- Import batches, newest first, with their row counts.
-- @scope records  record-level rows: the states whose rows the caller may see
-- @param limit INTEGER  at most this many batches
-- @param offset INTEGER  skip this many (paging)
SELECT batch_id, kind, file_name, file_format, sha256, profile, imported_at::VARCHAR AS imported_at,
	imported_by, rows_read, rows_accepted, rows_rejected, rows_superseded, warnings
FROM batch
WHERE batch_visible(batch_id)
ORDER BY batch_id DESC
LIMIT $limit OFFSET $offset
