-- 060_audit: the audit entries matching the /audit page's and `cosi audit export`'s filter
-- (audit/entries.sql and audit/entries_count.sql). An entry whose member_states is NULL is about
-- every member state, so it matches any member-state filter and any supervisor's scope.
--
-- Macro parameters are positional; parameter names never equal a column name.
CREATE OR REPLACE MACRO audit_entry(from_day, to_day, only_actor, only_action, about_state,
	scope_json) AS TABLE
SELECT seq, logged_at, actor, action, member_states, details, prev_hash, hash
FROM audit_log
WHERE (from_day IS NULL OR logged_at >= from_day::DATE)
	AND (to_day IS NULL OR logged_at < to_day::DATE + INTERVAL 1 DAY)
	AND (only_actor IS NULL OR actor = only_actor)
	AND (only_action IS NULL OR action = only_action)
	AND (about_state IS NULL OR member_states IS NULL OR list_contains(member_states, about_state))
	AND (scope_json IS NULL OR member_states IS NULL
		OR list_has_any(member_states, CAST(from_json(scope_json, '["VARCHAR"]') AS VARCHAR[])));
