-- Data quality per import batch (newest first): rows rejected, superseded, optional cells
-- empty and late reports. sender is the one member state or actor of the batch's stored rows,
-- '(mixed)' when there are several, NULL when the batch stored none.
-- Definition (docs/metrics.md, "Data quality"), over batches imported on or before D and every
-- row they stored (superseded rows included: quality is about what a sender sent):
-- rows_rejected = distinct rejected row numbers; rows_superseded = stored rows replaced by a
-- later batch imported on or before D; empty_pct = 100 x empty optional cells / optional cells
-- that apply to the row (sharing: recipient, category, terrorism_marker, context_provided,
-- subject_ref, plus shared_on when shared and withholding_ground, weighing_documented,
-- weighing_ref when withheld; actions: title, chapter, deadline, responsible, planning,
-- state_of_play, recent_developments, evidence_ref, plus completion_pct when in_progress;
-- retention: kind, authority, plus impact_assessed for alerts and review_outcome when reviewed;
-- deleted_on and last_reviewed_on are left out because empty is a meaningful value there);
-- empty means NULL (the ingest stores blank text as NULL); late_reports = action_status rows
-- whose batch was imported more than late_after_days (default 30) days after their reported_on.
-- @param as_of DATE  the as-of date D: batches imported after D are ignored
-- @param kind VARCHAR?  sharing | actions | retention (NULL: all)
-- @param late_after_days INTEGER?  tolerance before a report counts as late (NULL: 30 days)
-- @param limit INTEGER  at most this many rows (capped at 10000)
-- @param offset INTEGER  skip this many rows (paging)
WITH
batch_in_scope AS (
	SELECT *
	FROM batch
	WHERE imported_at::DATE <= $as_of AND ($kind IS NULL OR kind = $kind)
),
stored_group AS (
	SELECT 'sharing' AS kind, batch_id, member_state AS sender, superseded_by, count(*) AS n,
		sum((recipient IS NULL)::INT + (category IS NULL)::INT + (terrorism_marker IS NULL)::INT
			+ (context_provided IS NULL)::INT + (subject_ref IS NULL)::INT
			+ CASE decision
				WHEN 'shared' THEN (shared_on IS NULL)::INT
				WHEN 'withheld' THEN (withholding_ground IS NULL)::INT
					+ (weighing_documented IS NULL)::INT + (weighing_ref IS NULL)::INT
				ELSE 0
			END) AS optional_empty,
		sum(5 + CASE decision WHEN 'shared' THEN 1 WHEN 'withheld' THEN 3 ELSE 0 END) AS optional_cells,
		0 AS late
	FROM sharing_event
	WHERE $kind IS NULL OR $kind = 'sharing'
	GROUP BY ALL
	UNION ALL
	SELECT 'actions', s.batch_id, s.actor, s.superseded_by, count(*),
		sum((title IS NULL)::INT + (chapter IS NULL)::INT + (deadline IS NULL)::INT
			+ (responsible IS NULL)::INT + (planning IS NULL)::INT + (state_of_play IS NULL)::INT
			+ (recent_developments IS NULL)::INT + (evidence_ref IS NULL)::INT
			+ CASE WHEN status = 'in_progress' THEN (completion_pct IS NULL)::INT ELSE 0 END),
		sum(8 + CASE WHEN status = 'in_progress' THEN 1 ELSE 0 END),
		count(*) FILTER (WHERE b.imported_at::DATE > s.reported_on + coalesce($late_after_days, 30))
	FROM action_status s
	JOIN batch b ON b.batch_id = s.batch_id
	WHERE $kind IS NULL OR $kind = 'actions'
	GROUP BY ALL
	UNION ALL
	SELECT 'retention', batch_id, member_state, superseded_by, count(*),
		sum((kind IS NULL)::INT + (authority IS NULL)::INT
			+ CASE WHEN kind = 'alert' THEN (impact_assessed IS NULL)::INT ELSE 0 END
			+ CASE WHEN last_reviewed_on IS NOT NULL THEN (review_outcome IS NULL)::INT ELSE 0 END),
		sum(2 + CASE WHEN kind = 'alert' THEN 1 ELSE 0 END
			+ CASE WHEN last_reviewed_on IS NOT NULL THEN 1 ELSE 0 END),
		0
	FROM retention_record
	WHERE $kind IS NULL OR $kind = 'retention'
	GROUP BY ALL
),
group_in_scope AS (
	SELECT g.*,
		-- Superseded as of D: only a replacing batch imported on or before D counts.
		sb.batch_id IS NOT NULL AS superseded
	FROM stored_group g
	JOIN batch_in_scope b ON b.batch_id = g.batch_id
	LEFT JOIN batch sb ON sb.batch_id = g.superseded_by AND sb.imported_at::DATE <= $as_of
),
rejected AS (
	SELECT batch_id, count(DISTINCT row_number) AS rows_rejected
	FROM reject
	GROUP BY batch_id
),
per_batch AS (
	SELECT batch_id,
		count(DISTINCT sender) AS senders,
		min(sender) AS first_sender,
		sum(n) AS rows_stored,
		coalesce(sum(n) FILTER (WHERE NOT superseded), 0) AS rows_current,
		coalesce(sum(n) FILTER (WHERE superseded), 0) AS rows_superseded,
		sum(optional_cells) AS optional_cells,
		sum(optional_empty) AS optional_empty,
		sum(late) AS late_reports
	FROM group_in_scope
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
	coalesce(pb.optional_cells, 0)::BIGINT AS optional_cells,
	coalesce(pb.optional_empty, 0)::BIGINT AS optional_empty,
	100 * pb.optional_empty::DOUBLE / nullif(pb.optional_cells, 0) AS empty_pct,
	CASE WHEN b.kind = 'actions' THEN coalesce(pb.late_reports, 0)::INTEGER END AS late_reports,
	CASE WHEN b.kind = 'actions' THEN 100 * pb.late_reports::DOUBLE / nullif(pb.rows_stored, 0) END
		AS late_pct
FROM batch_in_scope b
LEFT JOIN per_batch pb ON pb.batch_id = b.batch_id
LEFT JOIN rejected rj ON rj.batch_id = b.batch_id
ORDER BY b.batch_id DESC
LIMIT least(greatest($limit, 0), 10000) OFFSET greatest($offset, 0)
