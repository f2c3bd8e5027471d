-- How many rows quality_sender_batches returns in total for the same filters: with a sender, a
-- kind and shared false, the batches figure of quality_by_sender; with shared true, its
-- shared_batches figure.
-- Definition (docs/metrics.md, "Data quality"): quality_stored_group in
-- queries/lib/040_quality.sql, whose header states it in full.
-- @scope records  record-level rows: the states whose rows the caller may see
-- @param as_of DATE  the as-of date D: batches imported after D are ignored
-- @param kind VARCHAR?  sharing | actions | retention (NULL: all)
-- @param sender VARCHAR?  only rows of this member state or actor (NULL: all)
-- @param batch_id INTEGER?  only this batch (NULL: all)
-- @param shared BOOLEAN?  false: only the sender's own files; true: only shared files (NULL: all)
SELECT count(*)::INTEGER AS total
FROM (
	SELECT DISTINCT batch_id, sender
	FROM quality_stored_group($as_of, quality_valid_kind($kind), NULL)
	WHERE ($sender IS NULL OR sender = $sender)
		AND ($batch_id IS NULL OR batch_id = $batch_id)
		AND ($shared IS NULL OR shared_batch = $shared)
)
