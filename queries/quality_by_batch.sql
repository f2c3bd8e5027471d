-- Data quality per import batch (newest first): rows rejected, superseded, optional cells
-- empty and late reports. sender is the one member state or actor of the batch's stored rows,
-- '(mixed)' when there are several, NULL when the batch stored none.
-- Definition (docs/metrics.md, "Data quality"): queries/lib/040_quality.sql, whose header
-- states it in full.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: batches imported after D are ignored
-- @param kind VARCHAR?  sharing | actions | retention (NULL: all)
-- @param late_after_days INTEGER?  tolerance before a report counts as late (NULL: 30 days)
-- @param limit INTEGER  at most this many rows (capped at 10000)
-- @param offset INTEGER  skip this many rows (paging)
WITH
per_batch AS (
	SELECT batch_id,
		count(DISTINCT sender) AS senders,
		min(sender) AS first_sender,
		unnest(quality_stored_counts(n, superseded, optional_cells, optional_empty, late))
	FROM quality_stored_group($as_of, $kind, $late_after_days)
	GROUP BY batch_id
)
SELECT b.batch_id, b.kind, b.file_name, b.imported_at::VARCHAR AS imported_at, b.imported_by,
	CASE WHEN pb.senders = 1 THEN pb.first_sender WHEN pb.senders > 1 THEN '(mixed)' END AS sender,
	b.rows_read,
	coalesce(rj.rows_rejected, 0)::INTEGER AS rows_rejected,
	100 * coalesce(rj.rows_rejected, 0)::DOUBLE / nullif(b.rows_read, 0) AS rejected_pct,
	coalesce(pb.rows_stored, 0)::INTEGER AS rows_stored,
	coalesce(pb.rows_current, 0)::INTEGER AS rows_current,
	coalesce(pb.rows_superseded, 0)::INTEGER AS rows_superseded,
	100 * pb.rows_superseded::DOUBLE / nullif(pb.rows_stored, 0) AS superseded_pct,
	b.rows_superseded AS rows_replaced,
	unnest(quality_cell_figures(b.kind, pb.rows_stored, pb.optional_cells, pb.optional_empty,
		pb.late_reports))
FROM quality_batch_in_scope($as_of, $kind) b
LEFT JOIN per_batch pb ON pb.batch_id = b.batch_id
LEFT JOIN quality_rejected() rj ON rj.batch_id = b.batch_id
ORDER BY b.batch_id DESC
LIMIT least(greatest($limit, 0), 10000) OFFSET greatest($offset, 0)
