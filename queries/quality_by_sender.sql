-- Data quality per sender (the member state of sharing and retention rows, the actor of action
-- status rows) and kind. Rejected rows carry no reliable sender, so they are attributed to the
-- sender of their batch when all its stored rows come from one sender, else to
-- '(unattributed)'; rejected_pct = 100 x rows_rejected / (rows_stored + rows_rejected).
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
batch_sender AS (
	SELECT batch_id, CASE WHEN count(DISTINCT sender) = 1 THEN min(sender) END AS sender
	FROM group_in_scope
	GROUP BY batch_id
),
rejected_by_sender AS (
	SELECT b.kind, coalesce(bs.sender, '(unattributed)') AS sender,
		sum(rj.rows_rejected) AS rows_rejected
	FROM rejected rj
	JOIN batch_in_scope b ON b.batch_id = rj.batch_id
	LEFT JOIN batch_sender bs ON bs.batch_id = rj.batch_id
	GROUP BY ALL
),
per_sender AS (
	SELECT kind, sender,
		count(DISTINCT batch_id) AS batches,
		sum(n) AS rows_stored,
		coalesce(sum(n) FILTER (WHERE NOT superseded), 0) AS rows_current,
		coalesce(sum(n) FILTER (WHERE superseded), 0) AS rows_superseded,
		sum(optional_cells) AS optional_cells,
		sum(optional_empty) AS optional_empty,
		sum(late) AS late_reports
	FROM group_in_scope
	GROUP BY kind, sender
)
SELECT kind, sender,
	coalesce(batches, 0)::INTEGER AS batches,
	coalesce(rows_stored, 0)::INTEGER AS rows_stored,
	coalesce(rows_current, 0)::INTEGER AS rows_current,
	coalesce(rows_rejected, 0)::INTEGER AS rows_rejected,
	100 * coalesce(rows_rejected, 0)::DOUBLE
		/ nullif(coalesce(rows_stored, 0) + coalesce(rows_rejected, 0), 0) AS rejected_pct,
	coalesce(rows_superseded, 0)::INTEGER AS rows_superseded,
	100 * rows_superseded::DOUBLE / nullif(rows_stored, 0) AS superseded_pct,
	coalesce(optional_cells, 0)::BIGINT AS optional_cells,
	coalesce(optional_empty, 0)::BIGINT AS optional_empty,
	100 * optional_empty::DOUBLE / nullif(optional_cells, 0) AS empty_pct,
	CASE WHEN kind = 'actions' THEN coalesce(late_reports, 0)::INTEGER END AS late_reports,
	CASE WHEN kind = 'actions' THEN 100 * late_reports::DOUBLE / nullif(rows_stored, 0) END
		AS late_pct
FROM per_sender
FULL JOIN rejected_by_sender USING (kind, sender)
ORDER BY kind, sender
