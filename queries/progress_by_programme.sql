-- Implementation progress per programme as of D: the figures of progress_by_actor for all the
-- programme's pairs together (every actor's), and how many actors have a pair. A programme
-- without pairs as of D has no row.
-- Definition (docs/metrics.md, "Implementation progress"): progress_pair and progress_figures
-- in queries/lib/010_progress.sql, whose header states it in full.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: only status rows reported on or before D count
-- @param programme VARCHAR?  only this programme (NULL: all)
SELECT programme, count(DISTINCT actor)::INTEGER AS actors,
	unnest(progress_figures(status, category, applicable, overdue, score,
		not_in_latest_round))
FROM progress_pair($as_of, $programme, NULL, NULL, NULL)
GROUP BY programme
ORDER BY programme
