-- Drill-down: the action status rows behind a late_reports figure, with how many days after
-- their round (reported_on) they were imported. Paged; pair with quality_late_reports_count.
-- Definition (docs/metrics.md, "Data quality"): a report is late when its batch was imported
-- more than late_after_days (default 30) days after its reported_on; every stored row counts,
-- superseded ones included (superseded says whether a later batch replaced it).
-- @param as_of DATE  the as-of date D: batches imported after D are ignored
-- @param programme VARCHAR?  only this programme (NULL: all)
-- @param actor VARCHAR?  only this actor (NULL: all)
-- @param batch_id INTEGER?  only this batch (NULL: all)
-- @param late_after_days INTEGER?  tolerance before a report counts as late (NULL: 30 days)
-- @param limit INTEGER  at most this many rows (capped at 10000)
-- @param offset INTEGER  skip this many rows (paging)
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
SELECT *
FROM late_row
ORDER BY programme, reported_on,
	try_cast(regexp_extract(action_id, '^[0-9]+') AS INTEGER) NULLS LAST, action_id, actor,
	batch_id, source_row
LIMIT least(greatest($limit, 0), 10000) OFFSET greatest($offset, 0)
