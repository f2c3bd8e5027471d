-- Drill-down: the sharing rows behind a withheld figure (relevant rows in scope, filtered by
-- member state, channel, ground, decision, month; only_unjustified = true gives the rows behind
-- an unjustified count), each with its batch_id, file_name and source_row. Paged, in date order
-- (then file order);
-- pair with withheld_rows_count.
-- Definition (docs/metrics.md, "Withheld-information ratio"): withheld_drill_row in
-- queries/lib/020_withheld.sql, whose header states it in full.
-- @audit record_view  each read is written to the audit trail (who, filter, rows)
-- @scope records  record-level rows: the states whose rows the caller may see
-- @param as_of DATE  the as-of date D: only rows that occurred on or before D count
-- @param from DATE?  start of the period, inclusive (NULL: no start)
-- @param to DATE?  end of the period, inclusive (NULL: up to D)
-- @param member_state VARCHAR?  only this originating member state (NULL: all)
-- @param channel VARCHAR?  only this channel (NULL: all)
-- @param ground VARCHAR?  only this withholding ground ('(none)': no ground; NULL: all)
-- @param decision VARCHAR?  shared | withheld | pending (NULL: all)
-- @param only_unjustified BOOLEAN?  true: only unjustified withholdings (NULL/false: all)
-- @param month DATE?  only rows that occurred in the month of this date (NULL: all)
-- @param relevant VARCHAR?  false: the rows marked not relevant (true or NULL: the relevant rows)
-- @param limit INTEGER  at most this many rows (capped at 10000)
-- @param offset INTEGER  skip this many rows (paging)
WITH
-- Page on the row keys first and fetch the other columns for that page only, so that a page
-- from 10^7 rows does not carry every column of every row through the sort.
paged AS (
	SELECT batch_id, source_row, occurred_on, unjustified
	FROM withheld_drill_row($as_of, $from, $to, $member_state, $channel, $ground, $decision,
		$only_unjustified, $month, $relevant)
	ORDER BY occurred_on, batch_id, source_row
	LIMIT least(greatest($limit, 0), 10000) OFFSET greatest($offset, 0)
)
SELECT s.event_id, s.occurred_on, s.member_state, s.channel, s.recipient, s.category, s.decision,
	s.shared_on, s.withholding_ground, s.weighing_documented, s.weighing_ref, p.unjustified,
	s.terrorism_marker, s.context_provided, s.subject_ref, s.batch_id, b.file_name, s.source_row
FROM paged p
JOIN sharing_event s ON s.batch_id = p.batch_id AND s.source_row = p.source_row
LEFT JOIN batch b ON b.batch_id = s.batch_id
ORDER BY p.occurred_on, p.batch_id, p.source_row
