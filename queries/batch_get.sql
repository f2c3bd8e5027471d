-- One import batch by id, with all its recorded details (no row if the id is unknown).
-- @scope records  record-level rows: the states whose rows the caller may see
-- @param batch_id INTEGER  the batch to fetch
SELECT batch_id, kind, file_name, file_path, file_format, sha256, profile, options,
	imported_at::VARCHAR AS imported_at, imported_by, rows_read, rows_accepted, rows_rejected,
	rows_superseded, warnings
FROM batch
WHERE batch_id = $batch_id AND batch_visible(batch_id)
