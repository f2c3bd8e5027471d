-- An unrevoked API token by hash, with its owner. No row if unknown or revoked.
-- @scope none  the account tables (users, sessions, tokens, audit trail), not member-state data
-- @param token_hash VARCHAR  SHA-256 (hex) of the token presented
SELECT t.id, t.username, epoch_ms(t.last_used_at) AS last_used_ms, u.role, u.member_states,
	u.disabled
FROM api_token t
JOIN app_user u ON u.username = t.username
WHERE t.token_hash = $token_hash AND t.revoked_at IS NULL
