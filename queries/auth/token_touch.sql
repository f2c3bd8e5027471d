-- Record that an API token was used.
-- @scope none  the account tables (users, sessions, tokens, audit trail), not member-state data
-- @param id VARCHAR  the token's public id
-- @param at VARCHAR  the current time (ISO 8601, UTC)
UPDATE api_token SET last_used_at = $at::TIMESTAMP WHERE id = $id
