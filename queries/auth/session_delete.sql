-- End one session.
-- @param id VARCHAR  SHA-256 (hex) of the session token
DELETE FROM user_session WHERE id = $id
