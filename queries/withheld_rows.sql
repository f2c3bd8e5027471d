-- Drill-down: the sharing rows behind a withheld figure (relevant rows in scope, filtered by
-- member state, channel, ground, decision, month; only_unjustified = true gives the rows behind
-- an unjustified count; search: a text search, withheld_listed in queries/lib/070_records.sql),
-- each with its batch_id, file_name and source_row. Paged; sorted by the column named in sort
-- (empty values last either way), else in date order; ties in file order (batch, row), so that
-- the pages of a sort are deterministic. Pair with withheld_rows_count.
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
-- @param search VARCHAR?  only rows whose event id, recipient, category, weighing reference,
--   subject reference or channel contains this text, ignoring case (NULL: all)
-- @param sort VARCHAR?  event_id | occurred_on | member_state | channel | recipient | decision |
--   withholding_ground | weighing_documented | weighing_ref | shared_on | terrorism_marker |
--   context_provided | category | subject_ref | source (NULL: occurred_on)
-- @param dir VARCHAR?  asc | desc (NULL: asc)
-- @param limit INTEGER  at most this many rows (capped at 10000)
-- @param offset INTEGER  skip this many rows (paging)
WITH
-- Page on the row keys first and fetch the other columns for that page only, so that a page
-- from 10^7 rows does not carry every column of every row through the sort.
paged AS (
	SELECT batch_id, source_row, occurred_on, unjustified,
		record_sort_number(CASE $sort
			WHEN 'occurred_on' THEN record_day(occurred_on)
			WHEN 'shared_on' THEN record_day(shared_on)
			WHEN 'weighing_documented' THEN weighing_documented::INTEGER
			WHEN 'terrorism_marker' THEN terrorism_marker::INTEGER
			WHEN 'context_provided' THEN context_provided::INTEGER
			WHEN 'source' THEN batch_id
		END, $dir) AS sort_number,
		record_sort_text(CASE $sort
			WHEN 'event_id' THEN event_id
			WHEN 'member_state' THEN member_state
			WHEN 'channel' THEN channel
			WHEN 'recipient' THEN recipient
			WHEN 'decision' THEN decision
			WHEN 'withholding_ground' THEN withholding_ground
			WHEN 'weighing_ref' THEN weighing_ref
			WHEN 'category' THEN category
			WHEN 'subject_ref' THEN subject_ref
		END) AS sort_text
	FROM withheld_listed($as_of, $from, $to, $member_state, $channel, $ground, $decision,
		$only_unjustified, $month, $relevant, $search),
		(SELECT checked_choice('sort', $sort, ['event_id', 'occurred_on', 'member_state',
			'channel', 'recipient', 'decision', 'withholding_ground', 'weighing_documented',
			'weighing_ref', 'shared_on', 'terrorism_marker', 'context_provided', 'category',
			'subject_ref', 'source']) AS ok_sort,
			checked_choice('dir', $dir, ['asc', 'desc']) AS ok_dir)
	-- Referencing ok_* makes the checks run.
	WHERE ok_sort IS NULL AND ok_dir IS NULL
	ORDER BY sort_number NULLS LAST,
		CASE WHEN $dir = 'desc' THEN NULL ELSE sort_text END ASC NULLS LAST,
		CASE WHEN $dir = 'desc' THEN sort_text END DESC NULLS LAST,
		occurred_on, batch_id, source_row
	LIMIT least(greatest($limit, 0), 10000) OFFSET greatest($offset, 0)
)
SELECT s.event_id, s.occurred_on, s.member_state, s.channel, s.recipient, s.category, s.decision,
	s.shared_on, s.withholding_ground, s.weighing_documented, s.weighing_ref, p.unjustified,
	s.terrorism_marker, s.context_provided, s.subject_ref, s.batch_id, b.file_name, s.source_row
FROM paged p
JOIN sharing_event s ON s.batch_id = p.batch_id AND s.source_row = p.source_row
LEFT JOIN batch b ON b.batch_id = s.batch_id
ORDER BY p.sort_number NULLS LAST,
	CASE WHEN $dir = 'desc' THEN NULL ELSE p.sort_text END ASC NULLS LAST,
	CASE WHEN $dir = 'desc' THEN p.sort_text END DESC NULLS LAST,
	p.occurred_on, p.batch_id, p.source_row
