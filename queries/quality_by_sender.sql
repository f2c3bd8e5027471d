-- Data quality per sender (the member state of sharing and retention rows, the actor of action
-- status rows) and kind. Rejected rows carry no reliable sender, so they are attributed to the
-- sender of their batch when all its stored rows come from one sender, else to
-- '(unattributed)'; rejected_pct = 100 x rows_rejected / (rows_stored + rows_rejected).
-- batches = the sender's own files (all their stored rows are the sender's), shared_batches =
-- the files holding its rows and those of other senders (a programme's catalogue of every
-- actor's reports): a file counts for one sender, or as shared for each of them.
-- Drill-downs (as_of, kind, sender): quality_sender_batches (shared false or true), quality_stored_rows (with
-- only_superseded; with field, the rows behind an applicable count of quality_empty_fields),
-- quality_rejected_rows, quality_empty_rows (the empty cells; with field, one field's) and
-- quality_late_reports (actor = sender), each with its _count.
-- Definition (docs/metrics.md, "Data quality"): queries/lib/040_quality.sql, whose header
-- states it in full.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: batches imported after D are ignored
-- @param kind VARCHAR?  sharing | actions | retention (NULL: all)
-- @param late_after_days INTEGER?  tolerance before a report counts as late (NULL: 30 days)
WITH
rejected_by_sender AS (
	SELECT kind, sender, count(*) AS rows_rejected
	FROM quality_rejected_row($as_of, $kind)
	GROUP BY ALL
),
per_sender AS (
	SELECT kind, sender,
		count(DISTINCT batch_id) FILTER (WHERE NOT shared_batch) AS batches,
		count(DISTINCT batch_id) FILTER (WHERE shared_batch) AS shared_batches,
		unnest(quality_stored_counts(n, superseded, optional_cells, optional_empty, late, judged))
	FROM quality_stored_group($as_of, $kind, $late_after_days)
	GROUP BY kind, sender
)
SELECT kind, sender,
	coalesce(batches, 0)::INTEGER AS batches,
	coalesce(shared_batches, 0)::INTEGER AS shared_batches,
	coalesce(rows_stored, 0)::INTEGER AS rows_stored,
	coalesce(rows_current, 0)::INTEGER AS rows_current,
	coalesce(rows_rejected, 0)::INTEGER AS rows_rejected,
	100 * coalesce(rows_rejected, 0)::DOUBLE
		/ nullif(coalesce(rows_stored, 0) + coalesce(rows_rejected, 0), 0) AS rejected_pct,
	coalesce(rows_superseded, 0)::INTEGER AS rows_superseded,
	100 * rows_superseded::DOUBLE / nullif(rows_stored, 0) AS superseded_pct,
	unnest(quality_cell_figures(kind, optional_cells, optional_empty, late_reports, late_judged))
FROM per_sender
FULL JOIN rejected_by_sender USING (kind, sender)
ORDER BY kind, sender
