-- A session by id with its user: one indexed lookup per request. No row if the id is unknown.
-- @scope none  the account tables (users, sessions, tokens, audit trail), not member-state data
-- @param id VARCHAR  SHA-256 (hex) of the session token
SELECT s.id, s.username, epoch_ms(s.created_at) AS created_ms,
	epoch_ms(s.last_seen_at) AS last_seen_ms, u.role, u.member_states, u.disabled
FROM user_session s
JOIN app_user u ON u.username = s.username
WHERE s.id = $id
