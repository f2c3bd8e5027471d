-- The API tokens of one user (or of everyone), newest first, revoked ones included.
-- @scope none  the account tables (users, sessions, tokens, audit trail), not member-state data
-- @param username VARCHAR?  the owner; NULL for every user
-- @param limit INTEGER  page size
-- @param offset INTEGER  rows to skip
SELECT id, username, epoch_ms(created_at) AS created_ms, epoch_ms(revoked_at) AS revoked_ms,
	epoch_ms(last_used_at) AS last_used_ms
FROM api_token
WHERE $username IS NULL OR username = $username
ORDER BY created_at DESC, id
LIMIT $limit OFFSET $offset
