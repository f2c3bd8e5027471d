-- Disable or enable a user.
-- @param username VARCHAR  the user
-- @param disabled BOOLEAN  true to disable, false to enable
UPDATE app_user SET disabled = $disabled WHERE username = $username
