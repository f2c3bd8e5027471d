-- Replace a user's password hash.
-- @scope none  the account tables (users, sessions, tokens, audit trail), not member-state data
-- @param username VARCHAR  the user
-- @param password_hash VARCHAR  argon2id hash of the new password
-- @param at VARCHAR  the current time (ISO 8601, UTC)
UPDATE app_user SET password_hash = $password_hash, password_changed_at = $at::TIMESTAMP
WHERE username = $username
