-- Missing reports: the applicable (action, actor) pairs of a programme with no status row dated on
-- the programme's latest reporting round on or before D (docs/metrics.md, not_in_latest_round):
-- they are judged on an older status, or have none (no_report). Each with the round it lacks and
-- the date of its last status (NULL: never reported). The same pairs as progress_pairs with
-- category not_in_latest_round, and as many as the not_in_latest_round figures count.
-- Definition (docs/metrics.md, "Implementation progress"): progress_drill_pair in
-- queries/lib/010_progress.sql.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D
-- @param programme VARCHAR?  only this programme (NULL: all)
-- @param limit INTEGER  at most this many rows (capped at 10000)
-- @param offset INTEGER  skip this many rows (paging)
SELECT programme, action_id, title, actor, deadline, latest_round,
	reported_on AS last_reported_on, status AS last_status
FROM progress_drill_pair($as_of, $programme, NULL, NULL, NULL, 'not_in_latest_round')
ORDER BY programme, leading_number(action_id) NULLS LAST, action_id, actor
LIMIT least(greatest($limit, 0), 10000) OFFSET greatest($offset, 0)
