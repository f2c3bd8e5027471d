-- The reporting history of one action: every current status row of (programme, action_id)
-- reported on or before D, newest round first, then by actor, with the texts exactly as
-- submitted and where each row came from (batch_id, file_name, source_row). Superseded
-- versions of a row are not included (action_status_current).
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: rows reported after D are left out
-- @param programme VARCHAR  the programme
-- @param action_id VARCHAR  the action's id within the programme
SELECT s.reported_on, s.actor, s.status, s.completion_pct, s.planning, s.state_of_play,
	s.recent_developments, s.evidence_ref, s.batch_id, b.file_name, s.source_row
FROM action_status_current s
LEFT JOIN batch b ON b.batch_id = s.batch_id
WHERE s.programme = $programme AND s.action_id = $action_id AND s.reported_on <= $as_of
	AND scope_allows(s.actor)
ORDER BY s.reported_on DESC, s.actor, s.batch_id, s.source_row
