-- How many (action, actor) pairs progress_pairs returns in total for the same filters.
-- Definition (docs/metrics.md, "Implementation progress"): progress_drill_pair in
-- queries/lib/010_progress.sql, whose header states it in full.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: only status rows reported on or before D count
-- @param programme VARCHAR?  only this programme (NULL: all)
-- @param actor VARCHAR?  only this actor (NULL: all)
-- @param action_id VARCHAR?  only this action (NULL: all)
-- @param chapter VARCHAR?  only this chapter ('(none)': actions without one; NULL: all)
-- @param category VARCHAR?  implemented | in_progress | not_started | no_report | overdue |
--   not_applicable | applicable (NULL: all pairs)
-- @param previous_round BOOLEAN?  true: each programme as of its previous reporting round as of
--   D (progress_judged_on; the pairs behind the overview's changes); NULL or false: as of D
-- @param search VARCHAR?  only pairs whose action id, title, chapter, planning, state of play,
--   recent developments or evidence reference contains this text, ignoring case (NULL: all)
SELECT count(*)::INTEGER AS total
FROM progress_listed($as_of, $programme, $actor, $chapter, $action_id, $category,
	$previous_round, $search)
