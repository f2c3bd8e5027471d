-- How many rows quality_late_reports returns in total for the same filters.
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
SELECT count(*)::INTEGER AS total
FROM quality_late_report($as_of, $programme, $actor, $batch_id, $late_after_days)
