-- How many (action, actor) pairs progress_changes_pairs returns in total for the same filters.
-- Definition (docs/metrics.md, "Changes between rounds"): progress_change_drill_pair in
-- queries/lib/010_progress.sql.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: the default rounds are the last two on or before D
-- @param programme VARCHAR?  only this programme (NULL: all, each with its own rounds)
-- @param from_round DATE?  the earlier round (NULL: the second-latest round on or before D)
-- @param to_round DATE?  the later round (NULL: the latest round on or before D)
-- @param actor VARCHAR?  only this actor (NULL: all)
-- @param group VARCHAR?  improved | regressed | newly_reported | stopped_reporting |
--   reclassified | newly_overdue | changed (NULL: every pair)
SELECT count(*)::INTEGER AS total
FROM progress_change_drill_pair($as_of, $programme, $from_round, $to_round, $actor, $group)
