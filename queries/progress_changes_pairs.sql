-- Drill-down: the (action, actor) pairs behind a count of progress_changes, each with its status
-- before (latest on or before the earlier round from_on) and after (latest on or before the
-- later round to_on), the dates those statuses were reported, whether it was overdue at each
-- round, the groups it falls in, and where each status came from (batch_id, file_name,
-- source_row; NULL when there was none). Paged; pair with progress_changes_pairs_count.
-- Definition (docs/metrics.md, "Changes between rounds"): progress_change_drill_pair in
-- queries/lib/010_progress.sql, whose header states each group in full.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: the default rounds are the last two on or before D
-- @param programme VARCHAR?  only this programme (NULL: all, each with its own rounds)
-- @param from_round DATE?  the earlier round (NULL: the second-latest round on or before D)
-- @param to_round DATE?  the later round (NULL: the latest round on or before D)
-- @param actor VARCHAR?  only this actor (NULL: all)
-- @param group VARCHAR?  improved | regressed | newly_reported | stopped_reporting |
--   reclassified | newly_overdue | changed (NULL: every pair)
-- @param limit INTEGER  at most this many rows (capped at 10000)
-- @param offset INTEGER  skip this many rows (paging)
SELECT c.programme, c.from_on, c.to_on, c.action_id, c.title, c.chapter, c.deadline, c.actor,
	c.status_before, c.reported_before, c.overdue_before,
	c.status_after, c.reported_after, c.overdue_after,
	c.improved, c.regressed, c.newly_reported, c.stopped_reporting, c.reclassified,
	c.newly_overdue,
	c.batch_id_before, bb.file_name AS file_name_before, c.source_row_before,
	c.batch_id_after AS batch_id, ba.file_name, c.source_row_after AS source_row
FROM progress_change_drill_pair($as_of, $programme, $from_round, $to_round, $actor, $group) c
LEFT JOIN batch bb ON bb.batch_id = c.batch_id_before
LEFT JOIN batch ba ON ba.batch_id = c.batch_id_after
ORDER BY c.programme, leading_number(c.action_id) NULLS LAST, c.action_id, c.actor
LIMIT least(greatest($limit, 0), 10000) OFFSET greatest($offset, 0)
