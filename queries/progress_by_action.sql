-- Implementation progress per action as of D, with its catalogue entry (all actors, or one).
-- last_reported_on is the latest status date on or before D over the action's pairs.
-- Definition (docs/metrics.md, "Implementation progress"): progress_pair and progress_figures
-- in queries/lib/010_progress.sql, whose header states it in full.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: only status rows reported on or before D count
-- @param programme VARCHAR?  only this programme (NULL: all)
-- @param chapter VARCHAR?  only this chapter ('(none)': actions without one; NULL: all)
-- @param actor VARCHAR?  only this actor (NULL: all)
SELECT programme, action_id, any_value(title) AS title, any_value(chapter) AS chapter,
	any_value(deadline) AS deadline, any_value(responsible) AS responsible,
	max(reported_on) AS last_reported_on,
	unnest(progress_figures(status, category, applicable, overdue, score,
		not_in_latest_round))
FROM progress_pair($as_of, $programme, $actor, $chapter, NULL)
GROUP BY programme, action_id
ORDER BY programme, leading_number(action_id) NULLS LAST, action_id
