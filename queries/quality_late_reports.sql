-- Drill-down: the action status rows behind a late_reports figure, with how many days after
-- their round (reported_on) they were imported. Paged; pair with quality_late_reports_count.
-- Definition (docs/metrics.md, "Data quality"): quality_late_report in
-- queries/lib/040_quality.sql: a report is late when its batch was imported more than
-- late_after_days (default 30) days after its reported_on; every stored row counts, superseded
-- ones included (superseded says whether a later batch replaced it).
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: batches imported after D are ignored
-- @param programme VARCHAR?  only this programme (NULL: all)
-- @param actor VARCHAR?  only this actor (NULL: all)
-- @param batch_id INTEGER?  only this batch (NULL: all)
-- @param late_after_days INTEGER?  tolerance before a report counts as late (NULL: 30 days)
-- @param limit INTEGER  at most this many rows (capped at 10000)
-- @param offset INTEGER  skip this many rows (paging)
SELECT *
FROM quality_late_report($as_of, $programme, $actor, $batch_id, $late_after_days)
ORDER BY programme, reported_on, leading_number(action_id) NULLS LAST, action_id, actor,
	batch_id, source_row
LIMIT least(greatest($limit, 0), 10000) OFFSET greatest($offset, 0)
