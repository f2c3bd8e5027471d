-- The distinct actors and actions of the audit trail (the /audit page's filter choices).
SELECT 'actor' AS field, actor AS value FROM audit_log GROUP BY actor
UNION ALL
SELECT 'action', action FROM audit_log GROUP BY action
ORDER BY field, value
