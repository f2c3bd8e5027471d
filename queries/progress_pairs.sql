-- Drill-down: the (action, actor) pairs behind a progress figure as of D, each with its latest
-- status on or before D and where that status came from (batch_id, file_name, source_row; NULL
-- for no_report). responsible_batch_id is the batch whose row gave the catalogue's responsible
-- list, so a no_report pair also leads to a file. Paged; pair with progress_pairs_count.
-- Definition (docs/metrics.md, "Implementation progress"):
-- Catalogue: title, chapter, deadline and responsible of each (programme, action_id) come from
-- its latest row by reported_on regardless of D (ties: larger batch_id, then larger source_row);
-- a field left empty in that row is taken from the latest row that has it.
-- Pairs (action, actor): actors named in the catalogue's responsible (codes separated by spaces,
-- commas, semicolons or slashes; MS = the 27 member states; aliases such as GR become their
-- code) plus every pair with a status row reported on or before D. Each pair takes its latest
-- status with reported_on <= D (ties: larger batch_id, then larger source_row); none =
-- no_report.
-- implemented = implemented + ongoing; applicable = every pair but not_applicable;
-- progress_pct = 100 x implemented / applicable; weighted_pct = 100 x score / applicable with
-- score 1 for implemented/ongoing, completion_pct/100 (clamped to 0..100, 0.5 when empty) for
-- in_progress, else 0; overdue = applicable, not implemented and deadline < D.
-- A zero denominator gives NULL.
-- @param as_of DATE  the as-of date D: only status rows reported on or before D count
-- @param programme VARCHAR?  only this programme (NULL: all)
-- @param actor VARCHAR?  only this actor (NULL: all)
-- @param action_id VARCHAR?  only this action (NULL: all)
-- @param chapter VARCHAR?  only this chapter ('(none)': actions without one; NULL: all)
-- @param category VARCHAR?  implemented | in_progress | not_started | no_report | overdue |
--   not_applicable | applicable (NULL: all pairs)
-- @param limit INTEGER  at most this many rows (capped at 10000)
-- @param offset INTEGER  skip this many rows (paging)
WITH
status_row AS (
	SELECT *
	FROM action_status_current
	WHERE $programme IS NULL OR programme = $programme
),
catalogue AS (
	SELECT programme, action_id,
		arg_max(title, (reported_on, batch_id, source_row)) FILTER (WHERE title IS NOT NULL)
			AS title,
		arg_max(chapter, (reported_on, batch_id, source_row)) FILTER (WHERE chapter IS NOT NULL)
			AS chapter,
		arg_max(deadline, (reported_on, batch_id, source_row)) FILTER (WHERE deadline IS NOT NULL)
			AS deadline,
		arg_max(responsible, (reported_on, batch_id, source_row))
			FILTER (WHERE nullif(trim(responsible), '') IS NOT NULL) AS responsible,
		arg_max(batch_id, (reported_on, batch_id, source_row))
			FILTER (WHERE nullif(trim(responsible), '') IS NOT NULL) AS responsible_batch_id
	FROM status_row
	GROUP BY programme, action_id
),
responsible_token AS (
	SELECT programme, action_id,
		unnest(regexp_split_to_array(upper(trim(responsible)), '[\s,;/]+')) AS token
	FROM catalogue
	WHERE responsible IS NOT NULL
),
responsible_pair AS (
	SELECT t.programme, t.action_id, ms.code AS actor
	FROM responsible_token t
	JOIN ref_actor ms ON ms.kind = 'member_state' AND t.token = 'MS'
	UNION
	SELECT t.programme, t.action_id, coalesce(a.code, t.token) AS actor
	FROM responsible_token t
	LEFT JOIN ref_actor_alias a ON a.alias = t.token
	WHERE t.token NOT IN ('MS', '')
),
latest_status AS (
	SELECT *
	FROM status_row
	WHERE reported_on <= $as_of
	QUALIFY row_number() OVER (
		PARTITION BY programme, action_id, actor
		ORDER BY reported_on DESC, batch_id DESC, source_row DESC
	) = 1
),
pair AS (
	SELECT programme, action_id, actor, bool_or(from_catalogue) AS from_catalogue
	FROM (
		SELECT programme, action_id, actor, true AS from_catalogue FROM responsible_pair
		UNION ALL
		SELECT programme, action_id, actor, false AS from_catalogue FROM latest_status
	)
	GROUP BY programme, action_id, actor
),
classified AS (
	SELECT p.programme, p.action_id, p.actor, p.from_catalogue,
		c.title, coalesce(c.chapter, '(none)') AS chapter, c.deadline, c.responsible,
		c.responsible_batch_id,
		s.status, s.reported_on, s.completion_pct, s.planning, s.state_of_play,
		s.recent_developments, s.evidence_ref, s.batch_id, s.source_row,
		CASE
			WHEN s.status IS NULL THEN 'no_report'
			WHEN s.status IN ('implemented', 'ongoing') THEN 'implemented'
			ELSE s.status
		END AS category,
		coalesce(s.status, '') <> 'not_applicable' AS applicable,
		coalesce(s.status, '') NOT IN ('implemented', 'ongoing', 'not_applicable')
			AND coalesce(c.deadline < $as_of, false) AS overdue,
		CASE
			WHEN s.status IN ('implemented', 'ongoing') THEN 1.0
			WHEN s.status = 'in_progress' AND s.completion_pct IS NULL THEN 0.5
			WHEN s.status = 'in_progress' THEN least(greatest(s.completion_pct, 0), 100) / 100
			ELSE 0.0
		END AS score
	FROM pair p
	JOIN catalogue c USING (programme, action_id)
	LEFT JOIN latest_status s USING (programme, action_id, actor)
	WHERE ($actor IS NULL OR p.actor = $actor)
		AND ($chapter IS NULL OR coalesce(c.chapter, '(none)') = $chapter)
		AND ($action_id IS NULL OR p.action_id = $action_id)
),
category_check AS (
	-- An unknown category is an error naming the accepted values, not an empty result.
	SELECT CASE
		WHEN $category IS NOT NULL AND $category NOT IN ('implemented', 'in_progress', 'not_started',
			'no_report', 'overdue', 'not_applicable', 'applicable')
		THEN error(format('invalid category: "{}" (expected implemented, in_progress, '
			|| 'not_started, no_report, overdue, not_applicable or applicable)', $category))
	END AS ok
),
selected AS (
	SELECT classified.*
	FROM classified, category_check
	-- Referencing ok makes the check run.
	WHERE ok IS NULL AND ($category IS NULL
		OR ($category = 'applicable' AND applicable)
		OR ($category = 'overdue' AND overdue)
		OR category = $category)
)
SELECT s.programme, s.action_id, s.title, s.chapter, s.deadline, s.actor,
	s.from_catalogue AS responsible, s.status, s.category, s.applicable, s.overdue, s.reported_on,
	s.completion_pct, s.score, s.planning, s.state_of_play, s.recent_developments, s.evidence_ref,
	s.batch_id, b.file_name, s.source_row,
	s.responsible_batch_id, rb.file_name AS responsible_file_name
FROM selected s
LEFT JOIN batch b ON b.batch_id = s.batch_id
LEFT JOIN batch rb ON rb.batch_id = s.responsible_batch_id
ORDER BY s.programme, try_cast(regexp_extract(s.action_id, '^[0-9]+') AS INTEGER) NULLS LAST,
	s.action_id, s.actor
LIMIT least(greatest($limit, 0), 10000) OFFSET greatest($offset, 0)
