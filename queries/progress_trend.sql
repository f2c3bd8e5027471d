-- Implementation progress per reporting round: for every programme and every round R (each
-- distinct reported_on of that programme, up to D), the figures of progress_by_actor computed as
-- of R. One row per (programme, round_on, actor), plus a programme total per round with actor NULL.
-- Definition (docs/metrics.md, "Implementation progress"): as progress_by_actor, with D = R: the
-- catalogue does not depend on R; the pairs are the catalogue's responsible actors plus pairs
-- with a status row on or before R; each takes its latest status on or before R (ties: larger
-- batch_id, then larger source_row); overdue means deadline < R.
-- @param as_of DATE  the as-of date D: rounds after D and status rows after D are left out
-- @param programme VARCHAR?  only this programme (NULL: all)
-- @param actor VARCHAR?  only this actor (NULL: all; the total rows then cover only this actor)
WITH
status_row AS (
	SELECT *
	FROM action_status_current
	WHERE reported_on <= $as_of AND ($programme IS NULL OR programme = $programme)
),
catalogue_row AS (
	-- The catalogue ignores D, so it reads every row, not only those up to D.
	SELECT *
	FROM action_status_current
	WHERE $programme IS NULL OR programme = $programme
),
catalogue AS (
	SELECT programme, action_id,
		arg_max(deadline, (reported_on, batch_id, source_row)) FILTER (WHERE deadline IS NOT NULL)
			AS deadline,
		arg_max(responsible, (reported_on, batch_id, source_row))
			FILTER (WHERE nullif(trim(responsible), '') IS NOT NULL) AS responsible
	FROM catalogue_row
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
round AS (
	SELECT DISTINCT programme, reported_on AS round_on
	FROM status_row
),
-- One status per pair and date, so that the as-of join below has no ties to break.
dated_status AS (
	SELECT programme, action_id, actor, reported_on, status, completion_pct
	FROM status_row
	QUALIFY row_number() OVER (
		PARTITION BY programme, action_id, actor, reported_on
		ORDER BY batch_id DESC, source_row DESC
	) = 1
),
pair AS (
	SELECT programme, action_id, actor, bool_or(from_catalogue) AS from_catalogue
	FROM (
		SELECT programme, action_id, actor, true AS from_catalogue FROM responsible_pair
		UNION ALL
		SELECT DISTINCT programme, action_id, actor, false AS from_catalogue FROM status_row
	)
	WHERE $actor IS NULL OR actor = $actor
	GROUP BY programme, action_id, actor
),
pair_round AS (
	SELECT p.*, r.round_on
	FROM pair p
	JOIN round r USING (programme)
),
-- The latest status of each pair on or before each round.
status_at_round AS (
	SELECT pr.programme, pr.action_id, pr.actor, pr.round_on, pr.from_catalogue, s.status,
		s.completion_pct
	FROM pair_round pr
	ASOF LEFT JOIN dated_status s
		ON s.programme = pr.programme AND s.action_id = pr.action_id AND s.actor = pr.actor
		AND pr.round_on >= s.reported_on
),
classified AS (
	SELECT r.programme, r.round_on, r.actor, r.status,
		CASE
			WHEN r.status IS NULL THEN 'no_report'
			WHEN r.status IN ('implemented', 'ongoing') THEN 'implemented'
			ELSE r.status
		END AS category,
		coalesce(r.status, '') <> 'not_applicable' AS applicable,
		coalesce(r.status, '') NOT IN ('implemented', 'ongoing', 'not_applicable')
			AND coalesce(c.deadline < r.round_on, false) AS overdue,
		CASE
			WHEN r.status IN ('implemented', 'ongoing') THEN 1.0
			WHEN r.status = 'in_progress' AND r.completion_pct IS NULL THEN 0.5
			WHEN r.status = 'in_progress' THEN least(greatest(r.completion_pct, 0), 100) / 100
			ELSE 0.0
		END AS score
	FROM status_at_round r
	JOIN catalogue c USING (programme, action_id)
	-- A pair outside the catalogue exists from its first report on.
	WHERE r.from_catalogue OR r.status IS NOT NULL
)
SELECT programme, round_on, actor,
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
GROUP BY GROUPING SETS ((programme, round_on, actor), (programme, round_on))
ORDER BY programme, round_on, actor NULLS FIRST
