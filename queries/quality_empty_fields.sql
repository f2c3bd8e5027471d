-- Empty optional fields per kind and field, over the rows stored by batches imported on or before
-- D (optionally one batch or one sender): the breakdown behind empty_pct in quality_by_batch
-- and quality_by_sender. A field counts only on rows where it applies (see the definition).
-- Definition (docs/metrics.md, "Data quality"): queries/lib/040_quality.sql, whose header
-- states it in full.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: batches imported after D are ignored
-- @param kind VARCHAR?  sharing | actions | retention (NULL: all)
-- @param batch_id INTEGER?  only this batch (NULL: all)
-- @param sender VARCHAR?  only rows of this member state or actor (NULL: all)
SELECT kind, field, applicable::INTEGER AS applicable, empty::INTEGER AS empty,
	100 * empty::DOUBLE / nullif(applicable, 0) AS empty_pct
FROM quality_field_empty($as_of, $kind, $batch_id, $sender)
WHERE applicable > 0
ORDER BY kind, field
