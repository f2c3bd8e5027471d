-- Record that a session was used (sliding idle expiry).
-- @param id VARCHAR  SHA-256 (hex) of the session token
-- @param at VARCHAR  the current time (ISO 8601, UTC)
UPDATE user_session SET last_seen_at = $at::TIMESTAMP WHERE id = $id
