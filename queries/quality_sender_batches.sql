-- Drill-down: the batches behind a batches figure of quality_by_sender, i.e. the import batches
-- imported on or before D that stored at least one row of the sender (of one kind, one batch;
-- NULL: all), newest first, each with the figures of the sender's rows in it: rows stored,
-- superseded as of D, rejected (attributed as in quality_by_sender: the batch's rejected rows
-- when all its stored rows come from this sender), optional cells empty and late reports. Summed
-- over the batches, these give the sender's figures. shared says whether the file also stored
-- rows of other senders: the rows with shared false are the batches figure, those with shared
-- true the shared_batches figure. Paged; pair with quality_sender_batches_count.
-- Definition (docs/metrics.md, "Data quality"): quality_stored_group and quality_rejected_row in
-- queries/lib/040_quality.sql, whose header states it in full.
-- @scope records  record-level rows: the states whose rows the caller may see
-- @param as_of DATE  the as-of date D: batches imported after D are ignored
-- @param kind VARCHAR?  sharing | actions | retention (NULL: all)
-- @param sender VARCHAR?  only rows of this member state or actor (NULL: all)
-- @param batch_id INTEGER?  only this batch (NULL: all)
-- @param shared BOOLEAN?  false: only the sender's own files; true: only shared files (NULL: all)
-- @param late_after_days INTEGER?  tolerance before a report counts as late (NULL: 30 days)
-- @param limit INTEGER  at most this many rows (capped at 10000)
-- @param offset INTEGER  skip this many rows (paging)
WITH
per_batch AS (
	SELECT kind, batch_id, sender, shared_batch,
		unnest(quality_stored_counts(n, superseded, optional_cells, optional_empty, late, judged))
	FROM quality_stored_group($as_of, quality_valid_kind($kind), $late_after_days)
	WHERE ($sender IS NULL OR sender = $sender)
		AND ($batch_id IS NULL OR batch_id = $batch_id)
		AND ($shared IS NULL OR shared_batch = $shared)
	GROUP BY kind, batch_id, sender, shared_batch
),
rejected AS (
	SELECT batch_id, sender, count(*) AS rows_rejected
	FROM quality_rejected_row($as_of, quality_valid_kind($kind))
	GROUP BY ALL
)
SELECT pb.batch_id, pb.kind, pb.sender, b.file_name, b.imported_at::VARCHAR AS imported_at,
	b.imported_by, pb.shared_batch AS shared,
	pb.rows_stored::INTEGER AS rows_stored,
	pb.rows_current::INTEGER AS rows_current,
	coalesce(rj.rows_rejected, 0)::INTEGER AS rows_rejected,
	100 * coalesce(rj.rows_rejected, 0)::DOUBLE
		/ nullif(pb.rows_stored + coalesce(rj.rows_rejected, 0), 0) AS rejected_pct,
	pb.rows_superseded::INTEGER AS rows_superseded,
	100 * pb.rows_superseded::DOUBLE / nullif(pb.rows_stored, 0) AS superseded_pct,
	unnest(quality_cell_figures(pb.kind, pb.optional_cells, pb.optional_empty, pb.late_reports,
		pb.late_judged))
FROM per_batch pb
JOIN batch b ON b.batch_id = pb.batch_id
LEFT JOIN rejected rj ON rj.batch_id = pb.batch_id AND rj.sender = pb.sender
ORDER BY pb.batch_id DESC, pb.sender
LIMIT least(greatest($limit, 0), 10000) OFFSET greatest($offset, 0)
