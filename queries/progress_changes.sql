-- Changes between two reporting rounds: per programme and actor, how many (action, actor) pairs
-- improved, regressed, were newly reported, stopped reporting, were reclassified or became
-- overdue between the earlier round (from_on) and the later one (to_on), with pairs (every pair
-- as of the later round) and changed (pairs in any group). Then one row per programme with
-- actor NULL: the total over every actor in scope (of the one asked for, if any).
-- Definition (docs/metrics.md, "Changes between rounds"): progress_change_pair in
-- queries/lib/010_progress.sql, whose header states each group in full.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: the default rounds are the last two on or before D
-- @param programme VARCHAR?  only this programme (NULL: all, each with its own rounds)
-- @param from_round DATE?  the earlier round (NULL: the second-latest round on or before D)
-- @param to_round DATE?  the later round (NULL: the latest round on or before D)
-- @param actor VARCHAR?  only this actor (NULL: all; the total rows then cover only this actor)
SELECT programme, from_on, to_on, actor,
	count(*)::INTEGER AS pairs,
	count(*) FILTER (WHERE changed)::INTEGER AS changed,
	count(*) FILTER (WHERE improved)::INTEGER AS improved,
	count(*) FILTER (WHERE regressed)::INTEGER AS regressed,
	count(*) FILTER (WHERE newly_reported)::INTEGER AS newly_reported,
	count(*) FILTER (WHERE stopped_reporting)::INTEGER AS stopped_reporting,
	count(*) FILTER (WHERE reclassified)::INTEGER AS reclassified,
	count(*) FILTER (WHERE newly_overdue)::INTEGER AS newly_overdue
FROM progress_change_pair($as_of, $programme, $from_round, $to_round, $actor)
GROUP BY GROUPING SETS ((programme, from_on, to_on, actor), (programme, from_on, to_on))
ORDER BY programme, actor NULLS LAST
