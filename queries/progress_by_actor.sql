-- Implementation progress per programme and actor as of D: the headline figure.
-- Definition (docs/metrics.md, "Implementation progress"): progress_pair and progress_figures
-- in queries/lib/010_progress.sql, whose header states it in full.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: only status rows reported on or before D count
-- @param programme VARCHAR?  only this programme (NULL: all)
-- @param actor VARCHAR?  only this actor (NULL: all)
SELECT programme, actor,
	unnest(progress_figures(status, category, applicable, overdue, score, not_in_latest_round))
FROM progress_pair($as_of, $programme, $actor, NULL, NULL)
GROUP BY programme, actor
ORDER BY programme, actor
