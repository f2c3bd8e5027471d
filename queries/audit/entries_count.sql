-- How many audit entries match a filter (queries/lib/060_audit.sql).
-- @scope none  the account tables (users, sessions, tokens, audit trail), not member-state data
-- @param from DATE?  first day (UTC) to include
-- @param to DATE?  last day (UTC) to include
-- @param actor VARCHAR?  only this actor
-- @param action VARCHAR?  only this action
-- @param member_state VARCHAR?  only entries about this member state
-- @param scope VARCHAR?  JSON array: only entries about one of these member states; NULL = every entry
SELECT count(*)::INTEGER AS total
FROM audit_entry($from, $to, $actor, $action, $member_state, $scope)
