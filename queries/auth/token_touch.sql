-- Record that an API token was used.
-- @param id VARCHAR  the token's public id
-- @param at VARCHAR  the current time (ISO 8601, UTC)
UPDATE api_token SET last_used_at = $at::TIMESTAMP WHERE id = $id
