-- The last entry of the audit trail (no row while it is empty): the next entry links to its hash.
-- @scope none  the account tables (users, sessions, tokens, audit trail), not member-state data
SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1
