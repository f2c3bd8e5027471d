-- End every session of a user (password change, reset or disable).
-- @scope none  the account tables (users, sessions, tokens, audit trail), not member-state data
-- @param username VARCHAR  the user
DELETE FROM user_session WHERE username = $username
