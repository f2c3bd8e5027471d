-- Audit entries matching a filter (queries/lib/060_audit.sql), newest first or in chain order:
-- the /audit page and `cosi audit export`.
-- @scope none  the account tables (users, sessions, tokens, audit trail), not member-state data
-- @param from DATE?  first day (UTC) to include
-- @param to DATE?  last day (UTC) to include
-- @param actor VARCHAR?  only this actor
-- @param action VARCHAR?  only this action
-- @param member_state VARCHAR?  only entries about this member state
-- @param scope VARCHAR?  JSON array: only entries about one of these member states (a supervisor); NULL = every entry
-- @param newest_first BOOLEAN  true: newest first; false: in chain order
-- @param limit INTEGER  page size
-- @param offset INTEGER  rows to skip
SELECT seq, epoch_ms(logged_at) AS at_ms, actor, action, member_states, details, prev_hash, hash
FROM audit_entry($from, $to, $actor, $action, $member_state, $scope)
ORDER BY CASE WHEN $newest_first THEN -seq ELSE seq END
LIMIT $limit OFFSET $offset
