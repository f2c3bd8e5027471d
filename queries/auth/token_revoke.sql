-- Revoke an API token; returns the token's owner, no row if the id is unknown or already revoked.
-- @scope none  the account tables (users, sessions, tokens, audit trail), not member-state data
-- @param id VARCHAR  the token's public id
-- @param at VARCHAR  the current time (ISO 8601, UTC)
UPDATE api_token SET revoked_at = $at::TIMESTAMP
WHERE id = $id AND revoked_at IS NULL
RETURNING username
