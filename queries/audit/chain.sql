-- The audit trail in order, a chunk at a time, with everything its hashes cover (verification).
-- @scope none  the account tables (users, sessions, tokens, audit trail), not member-state data
-- @param after INTEGER  return entries with a larger seq
-- @param limit INTEGER  chunk size
SELECT seq, epoch_ms(logged_at) AS at_ms, actor, action, member_states, details, prev_hash, hash
FROM audit_log
WHERE seq > $after
ORDER BY seq
LIMIT $limit
