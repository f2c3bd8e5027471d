-- Every user in name order, with their open sessions and unrevoked API tokens (no hashes).
-- @scope none  the account tables (users, sessions, tokens, audit trail), not member-state data
-- @param now VARCHAR  the current time (ISO 8601, UTC): sessions that have expired by then are not counted
-- @param idle_hours INTEGER  idle expiry of a session
-- @param max_hours INTEGER  absolute expiry of a session
-- @param limit INTEGER  page size
-- @param offset INTEGER  rows to skip
SELECT u.username, u.role, u.member_states, u.disabled,
	epoch_ms(u.created_at) AS created_ms, epoch_ms(u.password_changed_at) AS password_changed_ms,
	(SELECT count(*) FROM user_session s
		WHERE s.username = u.username
			AND s.last_seen_at + to_hours($idle_hours) > $now::TIMESTAMP
			AND s.created_at + to_hours($max_hours) > $now::TIMESTAMP)::INTEGER AS sessions,
	(SELECT count(*) FROM api_token t
		WHERE t.username = u.username AND t.revoked_at IS NULL)::INTEGER AS tokens
FROM app_user u
ORDER BY u.username
LIMIT $limit OFFSET $offset
