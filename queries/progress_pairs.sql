-- Drill-down: the (action, actor) pairs behind a progress figure as of D, each with its latest
-- status on or before its judged_on date (D; with previous_round, the programme's previous
-- round) and where that status came from (batch_id, file_name, source_row; NULL for
-- no_report). responsible_batch_id is the batch whose row gave the catalogue's responsible
-- list, so a no_report pair also leads to a file. search: a text search (progress_listed in
-- queries/lib/070_records.sql). Paged; sorted by the column named in sort (empty values last
-- either way), else by programme, action and actor; ties in that order too (a pair is unique),
-- so that the pages of a sort are deterministic. Pair with progress_pairs_count.
-- Definition (docs/metrics.md, "Implementation progress"): progress_drill_pair in
-- queries/lib/010_progress.sql, whose header states it in full.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: only status rows reported on or before D count
-- @param programme VARCHAR?  only this programme (NULL: all)
-- @param actor VARCHAR?  only this actor (NULL: all)
-- @param action_id VARCHAR?  only this action (NULL: all)
-- @param chapter VARCHAR?  only this chapter ('(none)': actions without one; NULL: all)
-- @param category VARCHAR?  implemented | in_progress | not_started | no_report | overdue |
--   not_applicable | applicable (NULL: all pairs)
-- @param previous_round BOOLEAN?  true: each programme as of its previous reporting round as of
--   D (progress_judged_on; the pairs behind the overview's changes); NULL or false: as of D
-- @param search VARCHAR?  only pairs whose action id, title, chapter, planning, state of play,
--   recent developments or evidence reference contains this text, ignoring case (NULL: all)
-- @param sort VARCHAR?  action | programme | actor | status | judged_on | reported_on |
--   completion_pct | deadline | state_of_play | source (NULL: programme, then action)
-- @param dir VARCHAR?  asc | desc (NULL: asc)
-- @param limit INTEGER  at most this many rows (capped at 10000)
-- @param offset INTEGER  skip this many rows (paging)
WITH
sorted AS (
	SELECT *,
		record_sort_number(CASE $sort
			WHEN 'action' THEN leading_number(action_id)
			WHEN 'judged_on' THEN record_day(judged_on)
			WHEN 'reported_on' THEN record_day(reported_on)
			WHEN 'completion_pct' THEN completion_pct
			WHEN 'deadline' THEN record_day(deadline)
			WHEN 'source' THEN coalesce(batch_id, responsible_batch_id)
		END, $dir) AS sort_number,
		record_sort_text(CASE $sort
			WHEN 'action' THEN action_id
			WHEN 'programme' THEN programme
			WHEN 'actor' THEN actor
			WHEN 'status' THEN coalesce(status, 'no_report')
			WHEN 'state_of_play' THEN state_of_play
		END) AS sort_text
	FROM progress_listed($as_of, $programme, $actor, $chapter, $action_id, $category,
		$previous_round, $search),
		(SELECT checked_choice('sort', $sort, ['action', 'programme', 'actor', 'status',
			'judged_on', 'reported_on', 'completion_pct', 'deadline', 'state_of_play',
			'source']) AS ok_sort,
			checked_choice('dir', $dir, ['asc', 'desc']) AS ok_dir)
	-- Referencing ok_* makes the checks run.
	WHERE ok_sort IS NULL AND ok_dir IS NULL
)
SELECT s.judged_on, s.programme, s.action_id, s.title, s.chapter, s.deadline, s.actor,
	s.from_catalogue AS responsible, s.status, s.category, s.applicable, s.overdue, s.reported_on,
	s.completion_pct, s.score, s.planning, s.state_of_play, s.recent_developments, s.evidence_ref,
	s.batch_id, b.file_name, s.source_row,
	s.responsible_batch_id, rb.file_name AS responsible_file_name
FROM sorted s
LEFT JOIN batch b ON b.batch_id = s.batch_id
LEFT JOIN batch rb ON rb.batch_id = s.responsible_batch_id
ORDER BY s.sort_number NULLS LAST,
	CASE WHEN $dir = 'desc' THEN NULL ELSE s.sort_text END ASC NULLS LAST,
	CASE WHEN $dir = 'desc' THEN s.sort_text END DESC NULLS LAST,
	s.programme, leading_number(s.action_id) NULLS LAST, s.action_id, s.actor
LIMIT least(greatest($limit, 0), 10000) OFFSET greatest($offset, 0)
