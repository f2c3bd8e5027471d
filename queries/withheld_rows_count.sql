-- How many rows withheld_rows returns in total for the same filters.
-- Definition (docs/metrics.md, "Withheld-information ratio"): withheld_drill_row in
-- queries/lib/020_withheld.sql, whose header states it in full.
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
SELECT count(*)::INTEGER AS total
FROM withheld_listed($as_of, $from, $to, $member_state, $channel, $ground, $decision,
	$only_unjustified, $month, $relevant, $search)
