-- Disable or enable a user.
-- @scope none  the account tables (users, sessions, tokens, audit trail), not member-state data
-- @param username VARCHAR  the user
-- @param disabled BOOLEAN  true to disable, false to enable
UPDATE app_user SET disabled = $disabled WHERE username = $username
