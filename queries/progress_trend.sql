-- Implementation progress per reporting round: for every programme and every round R (each
-- distinct reported_on of that programme, up to D), the figures of progress_by_actor computed as
-- of R. One row per (programme, round_on, actor), plus a programme total per round with actor NULL.
-- Definition (docs/metrics.md, "Implementation progress"): as progress_by_actor, with D = R: the
-- catalogue does not depend on R; the pairs are the catalogue's responsible actors plus pairs
-- with a status row on or before R; each takes its latest status on or before R (ties: larger
-- batch_id, then larger source_row); overdue means deadline < R; not_in_latest_round counts the
-- applicable pairs without a status row dated R. The pairs, the catalogue and
-- how a status counts come from queries/lib/010_progress.sql.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: rounds after D and status rows after D are left out
-- @param programme VARCHAR?  only this programme (NULL: all)
-- @param actor VARCHAR?  only this actor (NULL: all; the total rows then cover only this actor)
WITH
status_row AS (
	SELECT *
	FROM action_status_current
	WHERE reported_on <= $as_of AND ($programme IS NULL OR programme = $programme)
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
-- Every pair as of D with its deadline; a pair first reported after R is left out of R below.
pair_round AS (
	SELECT p.programme, p.action_id, p.actor, p.from_catalogue, c.deadline, r.round_on
	FROM progress_pair_key($as_of, $programme) p
	JOIN progress_catalogue($programme) c USING (programme, action_id)
	JOIN round r USING (programme)
	WHERE $actor IS NULL OR p.actor = $actor
),
-- The latest status of each pair on or before each round.
status_at_round AS (
	SELECT pr.*, s.status, s.completion_pct, s.reported_on AS status_on
	FROM pair_round pr
	ASOF LEFT JOIN dated_status s
		ON s.programme = pr.programme AND s.action_id = pr.action_id AND s.actor = pr.actor
		AND pr.round_on >= s.reported_on
),
classified AS (
	SELECT programme, round_on, actor, status,
		progress_category(status) AS category,
		progress_applicable(status) AS applicable,
		progress_overdue(status, deadline, round_on) AS overdue,
		progress_score(status, completion_pct) AS score,
		-- R is the latest round as of R.
		progress_not_in_latest_round(progress_applicable(status), status_on, round_on)
			AS not_in_latest_round
	FROM status_at_round
	-- A pair outside the catalogue exists from its first report on.
	WHERE from_catalogue OR status IS NOT NULL
)
SELECT programme, round_on, actor,
	unnest(progress_figures(status, category, applicable, overdue, score, not_in_latest_round))
FROM classified
GROUP BY GROUPING SETS ((programme, round_on, actor), (programme, round_on))
ORDER BY programme, round_on, actor NULLS FIRST
