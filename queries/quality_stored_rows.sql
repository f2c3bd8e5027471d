-- Drill-down: the stored rows behind a rows_stored figure of quality_by_sender (every row that
-- batches imported on or before D stored, superseded ones included), or with only_superseded
-- the rows behind rows_superseded (replaced by a batch imported on or before D, named in
-- superseded_by). Kind-neutral: record_key is the row's key (event_id; programme / action_id /
-- actor / reported_on; record_id), record_date its main date (occurred_on, reported_on,
-- created_on), topic and state two descriptive values (channel and decision; title and status;
-- register / legal_basis and record kind); empty_fields lists its empty optional fields. Each row
-- with its batch_id, file_name and source_row, in file order. Paged; pair with
-- quality_stored_rows_count.
-- Definition (docs/metrics.md, "Data quality"): quality_stored_row in
-- queries/lib/040_quality.sql, whose header states it in full.
-- @audit record_view  each read is written to the audit trail (who, filter, rows)
-- @scope records  record-level rows: the states whose rows the caller may see
-- @param as_of DATE  the as-of date D: batches imported after D are ignored
-- @param kind VARCHAR?  sharing | actions | retention (NULL: all)
-- @param sender VARCHAR?  only rows of this member state or actor (NULL: all)
-- @param batch_id INTEGER?  only rows of this batch (NULL: all)
-- @param only_superseded BOOLEAN?  true: only rows superseded as of D (NULL/false: all)
-- @param field VARCHAR?  only rows to which this optional field applies (the applicable count of
--   quality_empty_fields; NULL: all)
-- @param limit INTEGER  at most this many rows (capped at 10000)
-- @param offset INTEGER  skip this many rows (paging)
WITH
-- Page on the row keys first and fetch the other columns for that page only.
paged AS (
	SELECT batch_id, source_row
	FROM quality_stored_row($as_of, quality_valid_kind($kind), $sender, $batch_id)
	WHERE ($only_superseded IS NOT TRUE OR superseded)
		AND ($field IS NULL
			OR quality_cell_applies(kind, cells, quality_valid_field($kind, $field)))
	ORDER BY batch_id, source_row
	LIMIT least(greatest($limit, 0), 10000) OFFSET greatest($offset, 0)
)
SELECT r.kind, r.sender, r.record_key, r.record_date, r.topic, r.state, r.superseded,
	r.superseded_by, r.superseded_by_file,
	quality_empty_field_list(r.kind, r.cells) AS empty_fields,
	r.batch_id, r.file_name, r.source_row
FROM paged p
JOIN quality_stored_row($as_of, quality_valid_kind($kind), $sender, $batch_id) r
	ON r.batch_id = p.batch_id AND r.source_row = p.source_row
ORDER BY r.batch_id, r.source_row
