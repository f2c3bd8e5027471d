-- Add a personal API token.
-- @scope none  the account tables (users, sessions, tokens, audit trail), not member-state data
-- @param id VARCHAR  the token's public id
-- @param username VARCHAR  its owner
-- @param token_hash VARCHAR  SHA-256 (hex) of the whole token
-- @param at VARCHAR  the current time (ISO 8601, UTC)
INSERT INTO api_token (id, username, token_hash, created_at)
VALUES ($id, $username, $token_hash, $at::TIMESTAMP)
