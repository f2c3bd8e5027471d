-- The distinct actors and actions of the audit trail (the /audit page's filter choices).
-- @scope none  the account tables (users, sessions, tokens, audit trail), not member-state data
SELECT 'actor' AS field, actor AS value FROM audit_log GROUP BY actor
UNION ALL
SELECT 'action', action FROM audit_log GROUP BY action
ORDER BY field, value
