-- Implementation progress per programme and chapter as of D (all actors, or one). Chapters sort
-- by their leading number; an action without a chapter is in '(none)'.
-- Definition (docs/metrics.md, "Implementation progress"): progress_pair and progress_figures
-- in queries/lib/010_progress.sql, whose header states it in full.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: only status rows reported on or before D count
-- @param programme VARCHAR?  only this programme (NULL: all)
-- @param actor VARCHAR?  only this actor (NULL: all)
SELECT programme, chapter, count(DISTINCT action_id)::INTEGER AS actions,
	unnest(progress_figures(status, category, applicable, overdue, score,
		not_in_latest_round))
FROM progress_pair($as_of, $programme, $actor, NULL, NULL)
GROUP BY programme, chapter
ORDER BY programme, leading_number(chapter) NULLS LAST, chapter
