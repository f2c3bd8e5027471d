-- The import batches a report read (its provenance): every batch of the given kinds that
-- stored rows the caller may see, with file, SHA-256, import time and importer. For action
-- status with programmes given, only the batches that stored a row of one of them.
-- Definition: docs/reports.md, "Provenance and fingerprint".
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param kinds VARCHAR  the kinds the report reads, comma-separated (sharing,actions,retention)
-- @param programmes VARCHAR?  only action batches with rows of one of these programmes,
--   comma-separated (NULL: all)
SELECT b.batch_id, b.kind, b.file_name, b.sha256, strftime(b.imported_at, '%Y-%m-%dT%H:%M:%SZ') AS imported_at,
	b.imported_by, b.rows_accepted
FROM batch b
WHERE list_contains(string_split($kinds, ','), b.kind)
	AND b.rows_accepted > 0
	AND batch_visible(b.batch_id)
	AND ($programmes IS NULL OR b.kind <> 'actions' OR EXISTS (
		SELECT 1 FROM action_status a
		WHERE a.batch_id = b.batch_id AND list_contains(string_split($programmes, ','), a.programme)))
ORDER BY b.batch_id
