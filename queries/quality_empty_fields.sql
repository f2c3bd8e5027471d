-- Empty optional fields per kind and field, over the rows stored by batches imported on or before
-- D (optionally one batch or one sender): the breakdown behind empty_pct in quality_by_batch
-- and quality_by_sender. A field counts only on rows where it applies (see the definition).
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
-- @param batch_id INTEGER?  only this batch (NULL: all)
-- @param sender VARCHAR?  only rows of this member state or actor (NULL: all)
WITH
batch_in_scope AS (
	SELECT batch_id
	FROM batch
	WHERE imported_at::DATE <= $as_of AND ($batch_id IS NULL OR batch_id = $batch_id)
),
sharing_field AS (
	SELECT 'sharing' AS kind, unnest([
			{'field': 'recipient',
				'applicable': count(*),
				'empty': count(*) FILTER (WHERE recipient IS NULL)},
			{'field': 'category',
				'applicable': count(*),
				'empty': count(*) FILTER (WHERE category IS NULL)},
			{'field': 'terrorism_marker',
				'applicable': count(*),
				'empty': count(*) FILTER (WHERE terrorism_marker IS NULL)},
			{'field': 'context_provided',
				'applicable': count(*),
				'empty': count(*) FILTER (WHERE context_provided IS NULL)},
			{'field': 'subject_ref',
				'applicable': count(*),
				'empty': count(*) FILTER (WHERE subject_ref IS NULL)},
			{'field': 'shared_on',
				'applicable': count(*) FILTER (WHERE decision = 'shared'),
				'empty': count(*) FILTER (WHERE decision = 'shared' AND shared_on IS NULL)},
			{'field': 'withholding_ground',
				'applicable': count(*) FILTER (WHERE decision = 'withheld'),
				'empty': count(*) FILTER (WHERE decision = 'withheld' AND withholding_ground IS NULL)},
			{'field': 'weighing_documented',
				'applicable': count(*) FILTER (WHERE decision = 'withheld'),
				'empty': count(*) FILTER (WHERE decision = 'withheld' AND weighing_documented IS NULL)},
			{'field': 'weighing_ref',
				'applicable': count(*) FILTER (WHERE decision = 'withheld'),
				'empty': count(*) FILTER (WHERE decision = 'withheld' AND weighing_ref IS NULL)}
		], recursive := true)
	FROM sharing_event
	WHERE batch_id IN (SELECT batch_id FROM batch_in_scope)
		AND ($kind IS NULL OR $kind = 'sharing')
		AND ($sender IS NULL OR member_state = $sender)
),
action_field AS (
	SELECT 'actions' AS kind, unnest([
			{'field': 'title',
				'applicable': count(*),
				'empty': count(*) FILTER (WHERE title IS NULL)},
			{'field': 'chapter',
				'applicable': count(*),
				'empty': count(*) FILTER (WHERE chapter IS NULL)},
			{'field': 'deadline',
				'applicable': count(*),
				'empty': count(*) FILTER (WHERE deadline IS NULL)},
			{'field': 'responsible',
				'applicable': count(*),
				'empty': count(*) FILTER (WHERE responsible IS NULL)},
			{'field': 'planning',
				'applicable': count(*),
				'empty': count(*) FILTER (WHERE planning IS NULL)},
			{'field': 'state_of_play',
				'applicable': count(*),
				'empty': count(*) FILTER (WHERE state_of_play IS NULL)},
			{'field': 'recent_developments',
				'applicable': count(*),
				'empty': count(*) FILTER (WHERE recent_developments IS NULL)},
			{'field': 'evidence_ref',
				'applicable': count(*),
				'empty': count(*) FILTER (WHERE evidence_ref IS NULL)},
			{'field': 'completion_pct',
				'applicable': count(*) FILTER (WHERE status = 'in_progress'),
				'empty': count(*) FILTER (WHERE status = 'in_progress' AND completion_pct IS NULL)}
		], recursive := true)
	FROM action_status
	WHERE batch_id IN (SELECT batch_id FROM batch_in_scope)
		AND ($kind IS NULL OR $kind = 'actions')
		AND ($sender IS NULL OR actor = $sender)
),
retention_field AS (
	SELECT 'retention' AS kind, unnest([
			{'field': 'kind',
				'applicable': count(*),
				'empty': count(*) FILTER (WHERE kind IS NULL)},
			{'field': 'authority',
				'applicable': count(*),
				'empty': count(*) FILTER (WHERE authority IS NULL)},
			{'field': 'impact_assessed',
				'applicable': count(*) FILTER (WHERE kind = 'alert'),
				'empty': count(*) FILTER (WHERE kind = 'alert' AND impact_assessed IS NULL)},
			{'field': 'review_outcome',
				'applicable': count(*) FILTER (WHERE last_reviewed_on IS NOT NULL),
				'empty': count(*) FILTER (WHERE last_reviewed_on IS NOT NULL AND review_outcome IS NULL)}
		], recursive := true)
	FROM retention_record
	WHERE batch_id IN (SELECT batch_id FROM batch_in_scope)
		AND ($kind IS NULL OR $kind = 'retention')
		AND ($sender IS NULL OR member_state = $sender)
),
field AS (
	SELECT * FROM sharing_field
	UNION ALL
	SELECT * FROM action_field
	UNION ALL
	SELECT * FROM retention_field
)
SELECT kind, field, applicable::INTEGER AS applicable, empty::INTEGER AS empty,
	100 * empty::DOUBLE / nullif(applicable, 0) AS empty_pct
FROM field
WHERE applicable > 0
ORDER BY kind, field
