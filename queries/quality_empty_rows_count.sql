-- How many rows quality_empty_rows returns in total for the same filters: with a sender and a
-- kind, the optional_empty figure of quality_by_sender (the empty cells behind empty_pct); with
-- a field too, that field's empty count in quality_empty_fields.
-- Definition (docs/metrics.md, "Data quality"): quality_empty_cell in
-- queries/lib/040_quality.sql, whose header states it in full.
-- @scope records  record-level rows: the states whose rows the caller may see
-- @param as_of DATE  the as-of date D: batches imported after D are ignored
-- @param kind VARCHAR?  sharing | actions | retention (NULL: all)
-- @param sender VARCHAR?  only rows of this member state or actor (NULL: all)
-- @param batch_id INTEGER?  only rows of this batch (NULL: all)
-- @param field VARCHAR?  only this optional field (NULL: every empty cell)
SELECT count(*)::INTEGER AS total
FROM quality_empty_cell($as_of, quality_valid_kind($kind), $sender, $batch_id,
	quality_valid_field($kind, $field))
