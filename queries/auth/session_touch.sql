-- Record that a session was used (sliding idle expiry).
-- @scope none  the account tables (users, sessions, tokens, audit trail), not member-state data
-- @param id VARCHAR  SHA-256 (hex) of the session token
-- @param at VARCHAR  the current time (ISO 8601, UTC)
UPDATE user_session SET last_seen_at = $at::TIMESTAMP WHERE id = $id
