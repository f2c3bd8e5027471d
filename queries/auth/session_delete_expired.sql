-- Remove sessions that have expired (idle or absolute) by a time.
-- @scope none  the account tables (users, sessions, tokens, audit trail), not member-state data
-- @param now VARCHAR  the current time (ISO 8601, UTC)
-- @param idle_hours INTEGER  idle expiry
-- @param max_hours INTEGER  absolute expiry
DELETE FROM user_session
WHERE last_seen_at + to_hours($idle_hours) <= $now::TIMESTAMP
	OR created_at + to_hours($max_hours) <= $now::TIMESTAMP
