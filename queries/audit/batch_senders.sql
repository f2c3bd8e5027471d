-- The senders (member states, or actors of action-status rows) whose rows an import batch stored:
-- what the batch's audit entry is about, so that a supervisor sees the imports of their states.
-- @scope none  the account tables (users, sessions, tokens, audit trail), not member-state data
-- @param batch_id INTEGER  the batch
SELECT member_state AS sender FROM sharing_event WHERE batch_id = $batch_id
UNION
SELECT member_state FROM retention_record WHERE batch_id = $batch_id
UNION
SELECT actor FROM action_status WHERE batch_id = $batch_id
ORDER BY sender
