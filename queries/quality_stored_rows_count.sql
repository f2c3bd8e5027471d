-- How many rows quality_stored_rows returns in total for the same filters: with a sender and a
-- kind, the rows_stored figure of quality_by_sender (with only_superseded, rows_superseded).
-- Definition (docs/metrics.md, "Data quality"): quality_stored_row in
-- queries/lib/040_quality.sql, whose header states it in full.
-- @scope records  record-level rows: the states whose rows the caller may see
-- @param as_of DATE  the as-of date D: batches imported after D are ignored
-- @param kind VARCHAR?  sharing | actions | retention (NULL: all)
-- @param sender VARCHAR?  only rows of this member state or actor (NULL: all)
-- @param batch_id INTEGER?  only rows of this batch (NULL: all)
-- @param only_superseded BOOLEAN?  true: only rows superseded as of D (NULL/false: all)
-- @param field VARCHAR?  only rows to which this optional field applies (the applicable count of
--   quality_empty_fields; NULL: all)
SELECT count(*)::INTEGER AS total
FROM quality_stored_row($as_of, quality_valid_kind($kind), $sender, $batch_id)
WHERE ($only_superseded IS NOT TRUE OR superseded)
	AND ($field IS NULL
		OR quality_cell_applies(kind, cells, quality_valid_field($kind, $field)))
