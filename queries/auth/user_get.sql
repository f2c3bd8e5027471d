-- One user by name, with the argon2id hash (for sign-in); no row if the name is unknown.
-- @scope none  the account tables (users, sessions, tokens, audit trail), not member-state data
-- @param username VARCHAR  the user's name
SELECT username, role, member_states, password_hash, disabled,
	epoch_ms(created_at) AS created_ms, epoch_ms(password_changed_at) AS password_changed_ms
FROM app_user
WHERE username = $username
