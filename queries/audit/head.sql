-- The last entry of the audit trail (no row while it is empty): the next entry links to its hash.
SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1
