-- End one session.
-- @scope none  the account tables (users, sessions, tokens, audit trail), not member-state data
-- @param id VARCHAR  SHA-256 (hex) of the session token
DELETE FROM user_session WHERE id = $id
