-- End every session of a user (password change, reset or disable).
-- @param username VARCHAR  the user
DELETE FROM user_session WHERE username = $username
