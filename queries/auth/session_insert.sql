-- Start a session.
-- @scope none  the account tables (users, sessions, tokens, audit trail), not member-state data
-- @param id VARCHAR  SHA-256 (hex) of the session token
-- @param username VARCHAR  the signed-in user
-- @param at VARCHAR  the current time (ISO 8601, UTC)
INSERT INTO user_session (id, username, created_at, last_seen_at)
VALUES ($id, $username, $at::TIMESTAMP, $at::TIMESTAMP)
