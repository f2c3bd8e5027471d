-- The import batches behind everything about one member state as of D (the zip of
-- /member-states/[ms]/download.zip): for each file of the zip, each batch its rows came from
-- (the source the row cites; an action pair without a report cites the batch that named the
-- actor responsible) with the batch's file name, SHA-256, import time (UTC) and how many of the
-- file's rows it gave. The files are those of the records pages, unfiltered but for the member
-- state: sharing.csv = /records/sharing?ms=, sharing-not-relevant.csv = the same with
-- relevant=false, actions.csv = /records/actions?actor=, retention.csv = /records/retention?ms=
-- (the macros of queries/lib/070_records.sql, which those pages' queries read).
-- @scope records  record-level rows: the states whose rows the caller may see
-- @param as_of DATE  the as-of date D
-- @param member_state VARCHAR  the member state
WITH
cited AS (
	SELECT 'sharing.csv' AS file, batch_id
	FROM withheld_listed($as_of, NULL, NULL, $member_state, NULL, NULL, NULL, NULL, NULL, NULL,
		NULL)
	UNION ALL
	SELECT 'sharing-not-relevant.csv', batch_id
	FROM withheld_listed($as_of, NULL, NULL, $member_state, NULL, NULL, NULL, NULL, NULL,
		'false', NULL)
	UNION ALL
	SELECT 'actions.csv', coalesce(batch_id, responsible_batch_id)
	FROM progress_listed($as_of, NULL, $member_state, NULL, NULL, NULL, NULL, NULL)
	UNION ALL
	SELECT 'retention.csv', batch_id
	FROM retention_listed($as_of, $member_state, NULL, NULL, NULL, NULL, NULL)
)
SELECT c.file, c.batch_id, b.kind, b.file_name, b.sha256,
	strftime(b.imported_at, '%Y-%m-%dT%H:%M:%SZ') AS imported_at, count(*)::INTEGER AS rows
FROM cited c
JOIN batch b ON b.batch_id = c.batch_id
GROUP BY ALL
ORDER BY c.file, c.batch_id
