-- Add a user.
-- @scope none  the account tables (users, sessions, tokens, audit trail), not member-state data
-- @param username VARCHAR  the new user's name
-- @param role VARCHAR  admin | reviewer | supervisor | ministry
-- @param member_states VARCHAR  JSON array of member-state codes, e.g. ["NL"]
-- @param password_hash VARCHAR  argon2id hash of the password
-- @param at VARCHAR  the current time (ISO 8601, UTC)
INSERT INTO app_user (username, role, member_states, password_hash, disabled, created_at,
	password_changed_at)
VALUES ($username, $role, CAST(from_json($member_states, '["VARCHAR"]') AS VARCHAR[]),
	$password_hash, false, $at::TIMESTAMP, $at::TIMESTAMP)
