-- Missing reports: the applicable (action, actor) pairs of a programme with no status row dated on
-- the programme's latest reporting round on or before D (docs/metrics.md, not_in_latest_round):
-- they are judged on an older status, or have none (no_report). Each with the round it lacks and
-- the date of its last status (NULL: never reported).
-- Definition (docs/metrics.md, "Implementation progress"): progress_drill_pair_judged in
-- queries/lib/010_progress.sql.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D
-- @param programme VARCHAR?  only this programme (NULL: all)
-- @param limit INTEGER  at most this many rows (capped at 10000)
-- @param offset INTEGER  skip this many rows (paging)
WITH latest AS (
	SELECT programme, max(reported_on) AS latest_round
	FROM action_status_current
	WHERE reported_on <= $as_of AND ($programme IS NULL OR programme = $programme)
	GROUP BY programme
)
SELECT s.programme, s.action_id, s.title, s.actor, s.deadline, l.latest_round,
	s.reported_on AS last_reported_on, s.status AS last_status
FROM progress_drill_pair_judged($as_of, $programme, NULL, NULL, NULL, NULL, NULL) s
JOIN latest l ON l.programme = s.programme
WHERE s.applicable AND (s.reported_on IS NULL OR s.reported_on < l.latest_round)
ORDER BY s.programme, leading_number(s.action_id) NULLS LAST, s.action_id, s.actor
LIMIT least(greatest($limit, 0), 10000) OFFSET greatest($offset, 0)
