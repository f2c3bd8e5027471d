-- Drill-down: the empty optional cells behind an optional_empty figure (and empty_pct) of
-- quality_by_sender, or with a field the rows behind that field's empty count in
-- quality_empty_fields: one row per stored row (superseded ones included) and optional field that
-- applies to it and is empty, with the row's key, date, topic and state as in
-- quality_stored_rows, its batch_id, file_name and source_row; in file order, then by field.
-- Paged; pair with quality_empty_rows_count.
-- Definition (docs/metrics.md, "Data quality"): quality_empty_cell in
-- queries/lib/040_quality.sql, whose header states it in full.
-- @audit record_view  each read is written to the audit trail (who, filter, rows)
-- @scope records  record-level rows: the states whose rows the caller may see
-- @param as_of DATE  the as-of date D: batches imported after D are ignored
-- @param kind VARCHAR?  sharing | actions | retention (NULL: all)
-- @param sender VARCHAR?  only rows of this member state or actor (NULL: all)
-- @param batch_id INTEGER?  only rows of this batch (NULL: all)
-- @param field VARCHAR?  only this optional field (NULL: every empty cell)
-- @param limit INTEGER  at most this many rows (capped at 10000)
-- @param offset INTEGER  skip this many rows (paging)
SELECT kind, sender, field, record_key, record_date, topic, state, superseded, superseded_by,
	superseded_by_file, batch_id, file_name, source_row
FROM quality_empty_cell($as_of, quality_valid_kind($kind), $sender, $batch_id,
	quality_valid_field($kind, $field))
ORDER BY batch_id, source_row, field
LIMIT least(greatest($limit, 0), 10000) OFFSET greatest($offset, 0)
