-- Drill-down: the sharing rows behind a withheld figure (relevant rows in scope, filtered by
-- member state, channel, ground, decision, month; only_unjustified = true gives the rows behind
-- an unjustified count), each with its batch_id, file_name and source_row. Paged, in date order
-- (then file order);
-- pair with withheld_rows_count.
-- Definition (docs/metrics.md, "Withheld-information ratio"): rows of sharing_current with
-- relevant = true and occurred_on <= D, and inside the period when one is given (from and to
-- are inclusive and either may be NULL for an open end). ratio = withheld / (shared + withheld)
-- (pending rows are counted in relevant and pending, never in the ratio); unjustified =
-- withheld rows whose withholding_ground is empty or whose weighing_documented is not true.
-- A zero denominator gives NULL.
-- @param as_of DATE  the as-of date D: only rows that occurred on or before D count
-- @param from DATE?  start of the period, inclusive (NULL: no start)
-- @param to DATE?  end of the period, inclusive (NULL: up to D)
-- @param member_state VARCHAR?  only this originating member state (NULL: all)
-- @param channel VARCHAR?  only this channel (NULL: all)
-- @param ground VARCHAR?  only this withholding ground ('(none)': no ground; NULL: all)
-- @param decision VARCHAR?  shared | withheld | pending (NULL: all)
-- @param only_unjustified BOOLEAN?  true: only unjustified withholdings (NULL/false: all)
-- @param month DATE?  only rows that occurred in the month of this date (NULL: all)
-- @param limit INTEGER  at most this many rows (capped at 10000)
-- @param offset INTEGER  skip this many rows (paging)
WITH
scope AS (
	SELECT event_id, occurred_on, member_state, channel, recipient, category, decision,
		shared_on, withholding_ground, weighing_documented, weighing_ref, terrorism_marker,
		context_provided, subject_ref, batch_id, source_row,
		decision = 'withheld'
			AND (nullif(trim(withholding_ground), '') IS NULL OR weighing_documented IS NOT TRUE)
			AS unjustified
	FROM sharing_current
	WHERE relevant
		AND occurred_on <= $as_of
		AND ($from IS NULL OR occurred_on >= $from)
		AND ($to IS NULL OR occurred_on <= $to)
		AND ($member_state IS NULL OR member_state = $member_state)
		AND ($channel IS NULL OR channel = $channel)
		AND ($ground IS NULL OR coalesce(nullif(trim(withholding_ground), ''), '(none)') = $ground)
		AND ($decision IS NULL OR decision = $decision)
		AND ($month IS NULL OR date_trunc('month', occurred_on) = date_trunc('month', $month::DATE))
),
decision_check AS (
	-- An unknown decision is an error naming the accepted values, not an empty result.
	SELECT CASE
		WHEN $decision IS NOT NULL AND $decision NOT IN ('shared', 'withheld', 'pending')
		THEN error(format('invalid decision: "{}" (expected shared, withheld or pending)', $decision))
	END AS ok
),
selected AS (
	SELECT scope.*
	FROM scope, decision_check
	-- Referencing ok makes the check run.
	WHERE ok IS NULL AND ($only_unjustified IS NOT TRUE OR unjustified)
),
-- Page on the row keys first and fetch the other columns for that page only, so that a page
-- from 10^7 rows does not carry every column of every row through the sort.
paged AS (
	SELECT batch_id, source_row, occurred_on, unjustified
	FROM selected
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
