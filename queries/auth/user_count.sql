-- How many users there are (none: the first start creates admin).
-- @scope none  the account tables (users, sessions, tokens, audit trail), not member-state data
SELECT count(*)::INTEGER AS total FROM app_user
