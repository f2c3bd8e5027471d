-- How many rows quality_late_reports returns in total for the same filters.
-- Definition (docs/metrics.md, "Data quality"): a report is late when its batch was imported
-- more than late_after_days (default 30) days after its reported_on; every stored row counts,
-- superseded ones included (superseded says whether a later batch replaced it).
-- @param as_of DATE  the as-of date D: batches imported after D are ignored
-- @param programme VARCHAR?  only this programme (NULL: all)
-- @param actor VARCHAR?  only this actor (NULL: all)
-- @param batch_id INTEGER?  only this batch (NULL: all)
-- @param late_after_days INTEGER?  tolerance before a report counts as late (NULL: 30 days)
WITH
late_row AS (
	SELECT s.programme, s.action_id, s.actor, s.reported_on, s.status,
		b.imported_at::DATE AS imported_on,
		b.imported_at::DATE - s.reported_on AS days_after_round,
		s.superseded_by IS NOT NULL AS superseded, s.batch_id, b.file_name, s.source_row
	FROM action_status s
	JOIN batch b ON b.batch_id = s.batch_id
	WHERE b.imported_at::DATE <= $as_of
		AND b.imported_at::DATE > s.reported_on + coalesce($late_after_days, 30)
		AND ($programme IS NULL OR s.programme = $programme)
		AND ($actor IS NULL OR s.actor = $actor)
		AND ($batch_id IS NULL OR s.batch_id = $batch_id)
)
SELECT count(*)::INTEGER AS total
FROM late_row
