-- Implementation progress per programme and actor as of D: the headline figure.
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
)
SELECT programme, actor,
	count(*)::INTEGER AS pairs,
	count(*) FILTER (WHERE applicable)::INTEGER AS applicable,
	count(*) FILTER (WHERE category = 'implemented')::INTEGER AS implemented,
	count(*) FILTER (WHERE status = 'ongoing')::INTEGER AS ongoing,
	count(*) FILTER (WHERE category = 'in_progress')::INTEGER AS in_progress,
	count(*) FILTER (WHERE category = 'not_started')::INTEGER AS not_started,
	count(*) FILTER (WHERE category = 'no_report')::INTEGER AS no_report,
	count(*) FILTER (WHERE category = 'not_applicable')::INTEGER AS not_applicable,
	count(*) FILTER (WHERE overdue)::INTEGER AS overdue,
	100 * count(*) FILTER (WHERE category = 'implemented')::DOUBLE
		/ nullif(count(*) FILTER (WHERE applicable), 0) AS progress_pct,
	100 * sum(score)::DOUBLE / nullif(count(*) FILTER (WHERE applicable), 0) AS weighted_pct
FROM classified
GROUP BY programme, actor
ORDER BY programme, actor
