-- Append one entry to the audit trail (src/lib/server/audit.ts computes seq and the hashes).
-- Nothing is inserted unless the entry links to the current last entry (seq - 1 with hash
-- prev_hash; the genesis hash for the first), so a writer with a stale idea of the chain cannot
-- fork it; a taken seq fails on the primary key.
-- @scope none  the account tables (users, sessions, tokens, audit trail), not member-state data
-- @param seq INTEGER  the entry's number: the last one's + 1
-- @param at VARCHAR  when (ISO 8601, UTC)
-- @param actor VARCHAR  who
-- @param action VARCHAR  what
-- @param member_states VARCHAR?  JSON array of the member states it is about; NULL = all of them
-- @param details VARCHAR  JSON object
-- @param prev_hash VARCHAR  the previous entry's hash
-- @param hash VARCHAR  SHA-256 of this entry's content and prev_hash
INSERT INTO audit_log (seq, logged_at, actor, action, member_states, details, prev_hash, hash)
SELECT $seq, $at::TIMESTAMP, $actor, $action,
	CAST(from_json($member_states, '["VARCHAR"]') AS VARCHAR[]), $details, $prev_hash, $hash
WHERE coalesce((SELECT hash FROM audit_log WHERE seq = $seq - 1), repeat('0', 64)) = $prev_hash
