-- Implementation progress as the overview sums it up, now and at each programme's previous
-- reporting round: one row per actor over the programmes asked for (level 'actor'), one per
-- programme over its actors (level 'programme', actor NULL: the EU row of that programme), and
-- one over both (level 'all', programme and actor NULL: EU bodies included).
-- prev_* are the same figures with each programme judged at its previous round
-- (progress_judged_on: a programme with one round so far contributes its current figures);
-- prev_pct is NULL for a programme without a previous round, and for the other rows when no
-- programme asked for has one: then there is no change to show. latest_round and
-- previous_round are the programme's last two distinct reported_on on or before D (programme
-- rows only). With compare_on, prev_* are the figures as of that earlier date instead, for
-- every programme (a programme without a round by then has no pairs then: prev_pct NULL).
-- Definition (docs/metrics.md, "Implementation progress"): progress_pair, progress_figures and
-- progress_drill_pair_judged in queries/lib/010_progress.sql.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D
-- @param programme VARCHAR?  only this programme (NULL: all)
-- @param compare_on DATE?  compare with the figures as of this date (before D) instead of each
--   programme's previous round (NULL)
WITH
round AS (
	SELECT programme,
		list_sort(list(DISTINCT reported_on), 'DESC') AS rounds
	FROM action_status_current
	WHERE reported_on <= $as_of AND ($programme IS NULL OR programme = $programme)
	GROUP BY programme
),
now AS (
	SELECT programme, actor,
		unnest(progress_figures(status, category, applicable, overdue, score,
		not_in_latest_round))
	FROM progress_pair($as_of, $programme, NULL, NULL, NULL)
	GROUP BY GROUPING SETS ((actor), (programme), ())
),
prev AS (
	SELECT programme, actor,
		count(*) FILTER (WHERE applicable)::INTEGER AS prev_applicable,
		count(*) FILTER (WHERE category = 'implemented')::INTEGER AS prev_implemented
	FROM progress_drill_pair_judged($as_of, $programme, NULL, NULL, NULL, NULL, true,
		compare_on := $compare_on)
	GROUP BY GROUPING SETS ((actor), (programme), ())
),
-- Whether any programme with figures has a previous round: else no change is shown at all.
any_previous AS (
	SELECT coalesce(bool_or(r.rounds[2] IS NOT NULL), false) AS has_previous
	FROM now
	JOIN round r USING (programme)
	WHERE now.actor IS NULL
)
SELECT CASE
		WHEN now.actor IS NOT NULL THEN 'actor'
		WHEN now.programme IS NOT NULL THEN 'programme'
		ELSE 'all'
	END AS level,
	now.programme, now.actor, now.pairs, now.applicable, now.implemented, now.in_progress,
	now.not_started, now.no_report, now.overdue, now.progress_pct, now.weighted_pct,
	now.not_in_latest_round,
	prev.prev_applicable, prev.prev_implemented,
	CASE WHEN $compare_on IS NOT NULL
			OR (now.programme IS NULL AND any_previous.has_previous)
			OR r.rounds[2] IS NOT NULL
		THEN 100 * prev.prev_implemented::DOUBLE / nullif(prev.prev_applicable, 0)
	END AS prev_pct,
	r.rounds[1] AS latest_round, r.rounds[2] AS previous_round
FROM now
LEFT JOIN prev ON prev.programme IS NOT DISTINCT FROM now.programme
	AND prev.actor IS NOT DISTINCT FROM now.actor
LEFT JOIN round r ON r.programme = now.programme
CROSS JOIN any_previous
WHERE now.pairs > 0
ORDER BY level, programme, actor
