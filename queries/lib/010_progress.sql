-- 010_progress: implementation progress (docs/metrics.md, "Implementation progress"), the one
-- definition behind the progress_* named queries.
-- Catalogue: title, chapter, deadline and responsible of each (programme, action_id) come from
-- its latest row by reported_on regardless of D (ties: larger batch_id, then larger source_row);
-- a field left empty in that row is taken from the latest row that has it.
-- Pairs (action, actor): actors named in the catalogue's responsible (codes separated by spaces,
-- commas, semicolons or slashes; MS = the 27 member states; aliases such as GR become their
-- code) plus every pair with a status row reported on or before D. A programme with no status
-- row on or before D (before its first reporting round) has no pairs. Each pair takes its latest
-- status with reported_on <= D (ties: larger batch_id, then larger source_row); none =
-- no_report.
-- implemented = implemented + ongoing; applicable = every pair but not_applicable;
-- progress_pct = 100 x implemented / applicable; weighted_pct = 100 x score / applicable with
-- score 1 for implemented/ongoing, completion_pct/100 (clamped to 0..100, 0.5 when empty) for
-- in_progress, else 0; overdue = applicable, not implemented and deadline < D.
-- A reporting round is a distinct reported_on of the programme; its latest round as of D is the
-- latest one on or before D. not_in_latest_round = applicable pairs with no status row dated on
-- that round (no_report pairs included): they are judged on an older status, or on none.
-- A zero denominator gives NULL.
--
-- Macro parameters are positional; a NULL only_* filter means "all". Parameter names never
-- equal a column name: inside a macro a parameter hides the column of the same name. No table
-- macro references one of its CTEs twice: DuckDB would materialize that CTE with every column
-- the macro could return, while a CTE used once is inlined and the caller reads only the
-- columns it uses (progress_by_actor then never sorts titles or state_of_play texts).

-- The catalogue entry of each action of a programme (NULL: all), whatever the as-of date.
CREATE OR REPLACE MACRO progress_catalogue(only_programme) AS TABLE
SELECT programme, action_id,
	arg_max(title, (reported_on, batch_id, source_row)) FILTER (WHERE title IS NOT NULL)
		AS title,
	arg_max(chapter, (reported_on, batch_id, source_row)) FILTER (WHERE chapter IS NOT NULL)
		AS chapter,
	arg_max(deadline, (reported_on, batch_id, source_row)) FILTER (WHERE deadline IS NOT NULL)
		AS deadline,
	arg_max(responsible, (reported_on, batch_id, source_row))
		FILTER (WHERE nullif(trim(responsible), '') IS NOT NULL) AS responsible,
	-- The batch whose row gave responsible, so that a no_report pair still leads to a file.
	arg_max(batch_id, (reported_on, batch_id, source_row))
		FILTER (WHERE nullif(trim(responsible), '') IS NOT NULL) AS responsible_batch_id
FROM action_status_current
WHERE only_programme IS NULL OR programme = only_programme
GROUP BY programme, action_id;

-- How a pair's status counts; as_of is the date the deadline is compared with (D, or a round).
CREATE OR REPLACE MACRO progress_category(status) AS CASE
	WHEN status IS NULL THEN 'no_report'
	WHEN status IN ('implemented', 'ongoing') THEN 'implemented'
	ELSE status
END;
CREATE OR REPLACE MACRO progress_applicable(status) AS coalesce(status, '') <> 'not_applicable';
CREATE OR REPLACE MACRO progress_overdue(status, deadline, as_of) AS
	coalesce(status, '') NOT IN ('implemented', 'ongoing', 'not_applicable')
		AND coalesce(deadline < as_of, false);
-- Whether an applicable pair has no status row dated on the programme's latest round: its latest
-- status (reported_on, NULL for none) is older than that round.
CREATE OR REPLACE MACRO progress_not_in_latest_round(applicable, status_on, latest_round) AS
	applicable AND coalesce(status_on < latest_round, true);
CREATE OR REPLACE MACRO progress_score(status, completion_pct) AS CASE
	WHEN status IN ('implemented', 'ongoing') THEN 1.0
	WHEN status = 'in_progress' AND completion_pct IS NULL THEN 0.5
	WHEN status = 'in_progress' THEN least(greatest(completion_pct, 0), 100) / 100
	ELSE 0.0
END;

-- The (action, actor) pairs as of D: the actors the catalogue names responsible
-- (from_catalogue) and every pair with a status row reported on or before D.
CREATE OR REPLACE MACRO progress_pair_key(as_of, only_programme) AS TABLE
WITH
responsible_pair AS (
	-- MS stands for every member state; another code may be an alias (GR for EL).
	SELECT t.programme, t.action_id, coalesce(ms.code, a.code, t.token) AS actor
	FROM (
		SELECT programme, action_id,
			unnest(regexp_split_to_array(upper(trim(responsible)), '[\s,;/]+')) AS token
		FROM progress_catalogue(only_programme)
		WHERE responsible IS NOT NULL
			-- A programme is not judged before its first reporting round (a reported_on on or
			-- before D): before it, it has no pairs, so no figures at all rather than 0 %.
			AND programme IN (
				SELECT programme FROM action_status_current WHERE reported_on <= as_of
			)
	) t
	LEFT JOIN ref_actor ms ON t.token = 'MS' AND ms.kind = 'member_state'
	LEFT JOIN ref_actor_alias a ON a.alias = t.token AND t.token <> 'MS'
	WHERE t.token <> '' AND (t.token <> 'MS' OR ms.code IS NOT NULL)
),
status_pair AS (
	SELECT programme, action_id, actor
	FROM action_status_current
	WHERE reported_on <= as_of AND (only_programme IS NULL OR programme = only_programme)
)
SELECT programme, action_id, actor, bool_or(from_catalogue) AS from_catalogue
FROM (
	SELECT *, true AS from_catalogue FROM responsible_pair
	UNION ALL
	SELECT *, false AS from_catalogue FROM status_pair
)
WHERE scope_allows(actor)
GROUP BY programme, action_id, actor;

-- Every pair as of D with its catalogue entry, its latest status on or before D (where it came
-- from: batch_id, source_row) and how it counts (category, applicable, overdue, score). chapter
-- is '(none)' for an action without one. The catalogue is read twice (for the responsible
-- lists in progress_pair_key and for the join here) rather than shared through a CTE: see the
-- header.
CREATE OR REPLACE MACRO progress_pair(as_of, only_programme, only_actor, only_chapter,
	only_action) AS TABLE
WITH
latest_status AS (
	SELECT *
	FROM action_status_current
	WHERE reported_on <= as_of AND (only_programme IS NULL OR programme = only_programme)
	QUALIFY row_number() OVER (
		PARTITION BY programme, action_id, actor
		ORDER BY reported_on DESC, batch_id DESC, source_row DESC
	) = 1
)
SELECT p.programme, p.action_id, p.actor, p.from_catalogue,
	c.title, coalesce(c.chapter, '(none)') AS chapter, c.deadline, c.responsible,
	c.responsible_batch_id,
	s.status, s.reported_on, s.completion_pct, s.planning, s.state_of_play,
	s.recent_developments, s.evidence_ref, s.batch_id, s.source_row,
	progress_category(s.status) AS category,
	progress_applicable(s.status) AS applicable,
	progress_overdue(s.status, c.deadline, as_of) AS overdue,
	progress_score(s.status, s.completion_pct) AS score,
	r.latest_round,
	progress_not_in_latest_round(progress_applicable(s.status), s.reported_on, r.latest_round)
		AS not_in_latest_round
FROM progress_pair_key(as_of, only_programme) p
JOIN progress_catalogue(only_programme) c USING (programme, action_id)
-- The programme's latest round on or before D (every programme with pairs has one).
JOIN (
	SELECT programme, max(reported_on) AS latest_round
	FROM action_status_current
	WHERE reported_on <= as_of AND (only_programme IS NULL OR programme = only_programme)
	GROUP BY programme
) r USING (programme)
LEFT JOIN latest_status s USING (programme, action_id, actor)
WHERE (only_actor IS NULL OR p.actor = only_actor)
	AND (only_chapter IS NULL OR coalesce(c.chapter, '(none)') = only_chapter)
	AND (only_action IS NULL OR p.action_id = only_action);

-- The pairs behind one progress figure: progress_pair narrowed to a category (implemented,
-- in_progress, not_started, no_report, overdue, not_applicable, applicable or
-- not_in_latest_round; NULL: all).
CREATE OR REPLACE MACRO progress_drill_pair(as_of, only_programme, only_actor, only_chapter,
	only_action, only_category) AS TABLE
SELECT p.*
FROM progress_pair(as_of, only_programme, only_actor, only_chapter, only_action) p,
	(SELECT checked_choice('category', only_category, ['implemented', 'in_progress',
		'not_started', 'no_report', 'overdue', 'not_applicable', 'applicable',
		'not_in_latest_round']) AS ok)
-- Referencing ok makes the check run.
WHERE ok IS NULL AND (only_category IS NULL
	OR (only_category = 'applicable' AND applicable)
	OR (only_category = 'overdue' AND overdue)
	OR (only_category = 'not_in_latest_round' AND not_in_latest_round)
	OR category = only_category);

-- The date each programme (NULL: all) is judged at: D itself; with compare_on, that date (an
-- earlier date the overview compares with); else with at_previous_round its previous reporting
-- round as of D, i.e. the second-latest distinct reported_on on or before D (the rounds of
-- progress_trend); a programme with fewer than two rounds keeps D, so it contributes its current
-- figure (no change). The overview's changes compare with these dates.
CREATE OR REPLACE MACRO progress_judged_on(as_of, only_programme, at_previous_round,
	compare_on := NULL) AS TABLE
SELECT programme,
	CASE WHEN compare_on IS NOT NULL THEN compare_on
		WHEN coalesce(at_previous_round, false)
		THEN coalesce(list_sort(list(DISTINCT reported_on) FILTER (WHERE reported_on <= as_of),
			'DESC')[2], as_of)
		ELSE as_of
	END AS judged_on
FROM action_status_current
WHERE only_programme IS NULL OR programme = only_programme
GROUP BY programme;

-- progress_drill_pair with each programme judged on its progress_judged_on date.
CREATE OR REPLACE MACRO progress_drill_pair_judged(as_of, only_programme, only_actor,
	only_chapter, only_action, only_category, at_previous_round, compare_on := NULL) AS TABLE
SELECT j.judged_on, p.*
FROM progress_judged_on(as_of, only_programme, at_previous_round, compare_on := compare_on) j,
	LATERAL progress_drill_pair(j.judged_on, j.programme, only_actor, only_chapter, only_action,
		only_category) p;

-- The progress figures of a group of pairs, an aggregate: in a SELECT with GROUP BY over
-- progress_pair, unnest(progress_figures(status, category, applicable, overdue, score,
-- not_in_latest_round)) gives the columns pairs ... not_in_latest_round.
CREATE OR REPLACE MACRO progress_figures(status, category, applicable, overdue, score,
	not_in_latest_round) AS {
	'pairs': count(*)::INTEGER,
	'applicable': count(*) FILTER (WHERE applicable)::INTEGER,
	'implemented': count(*) FILTER (WHERE category = 'implemented')::INTEGER,
	'ongoing': count(*) FILTER (WHERE status = 'ongoing')::INTEGER,
	'in_progress': count(*) FILTER (WHERE category = 'in_progress')::INTEGER,
	'not_started': count(*) FILTER (WHERE category = 'not_started')::INTEGER,
	'no_report': count(*) FILTER (WHERE category = 'no_report')::INTEGER,
	'not_applicable': count(*) FILTER (WHERE category = 'not_applicable')::INTEGER,
	'overdue': count(*) FILTER (WHERE overdue)::INTEGER,
	'progress_pct': 100 * count(*) FILTER (WHERE category = 'implemented')::DOUBLE
		/ nullif(count(*) FILTER (WHERE applicable), 0),
	'weighted_pct': 100 * sum(score)::DOUBLE / nullif(count(*) FILTER (WHERE applicable), 0),
	'not_in_latest_round': count(*) FILTER (WHERE not_in_latest_round)::INTEGER
};

-- Changes between two reporting rounds of a programme (docs/metrics.md, "Changes between
-- rounds"). A round is a distinct reported_on of the programme. The rounds compared: from_round
-- and to_round when given, else the programme's second-latest and latest round on or before D.
-- A programme with fewer than two rounds up to D (and no from_round) has nothing to compare.
CREATE OR REPLACE MACRO progress_change_round(as_of, only_programme, from_round, to_round)
	AS TABLE
SELECT programme, from_on, to_on
FROM (
	SELECT programme,
		coalesce(from_round, list_sort(list(DISTINCT reported_on)
			FILTER (WHERE reported_on <= as_of), 'DESC')[2]) AS from_on,
		coalesce(to_round, list_sort(list(DISTINCT reported_on)
			FILTER (WHERE reported_on <= as_of), 'DESC')[1]) AS to_on
	FROM action_status_current
	WHERE only_programme IS NULL OR programme = only_programme
	GROUP BY programme
)
WHERE from_on IS NOT NULL AND to_on IS NOT NULL AND from_on < to_on;

-- How far a status has come, for improved and regressed: not_started 0, in_progress 1,
-- implemented and ongoing 2 (the two that count as implemented); NULL for not_applicable and
-- for no status (no report), which are outside this order.
CREATE OR REPLACE MACRO progress_rank(status) AS CASE status
	WHEN 'not_started' THEN 0
	WHEN 'in_progress' THEN 1
	WHEN 'implemented' THEN 2
	WHEN 'ongoing' THEN 2
END;

-- Every pair of the programme as of the later round (progress_pair at to_on: a pair as of the
-- earlier round is one as of the later round too) with its status at each round and the groups
-- it falls in. "before" is the pair as of from_on, "after" as of to_on, each with its latest
-- status on or before that round; a pair that did not exist at from_on has no before.
-- - newly_reported: no status on or before from_on, a status on or before to_on;
-- - stopped_reporting: its latest status on or before to_on is dated on from_on itself: it
--   reported in the earlier round and not after it, up to the later round;
-- - improved / regressed: a status at both rounds, and progress_rank went up / down;
-- - reclassified: a status at both rounds that changed without a rank order between them (to or
--   from not_applicable, or between implemented and ongoing);
-- - newly_overdue: overdue at to_on (deadline before to_on, applicable, not implemented) and not
--   overdue at from_on (or not a pair yet).
-- The first five exclude each other; newly_overdue can go with any of them or with none.
-- changed = any group. The rounds are read twice through progress_change_round (a macro, not a
-- shared CTE: see the header).
CREATE OR REPLACE MACRO progress_change_pair(as_of, only_programme, from_round, to_round,
	only_actor) AS TABLE
WITH
after_pair AS (
	SELECT r.from_on, r.to_on, p.*
	FROM progress_change_round(as_of, only_programme, from_round, to_round) r,
		LATERAL progress_pair(r.to_on, r.programme, only_actor, NULL, NULL) p
),
before_pair AS (
	SELECT p.programme, p.action_id, p.actor, p.status, p.reported_on, p.overdue, p.batch_id,
		p.source_row
	FROM progress_change_round(as_of, only_programme, from_round, to_round) r,
		LATERAL progress_pair(r.from_on, r.programme, only_actor, NULL, NULL) p
),
joined AS (
	SELECT a.programme, a.action_id, a.actor, a.title, a.chapter, a.deadline, a.from_on, a.to_on,
		b.status AS status_before, b.reported_on AS reported_before,
		coalesce(b.overdue, false) AS overdue_before,
		b.batch_id AS batch_id_before, b.source_row AS source_row_before,
		a.status AS status_after, a.reported_on AS reported_after, a.overdue AS overdue_after,
		a.batch_id AS batch_id_after, a.source_row AS source_row_after
	FROM after_pair a
	LEFT JOIN before_pair b USING (programme, action_id, actor)
),
grouped AS (
	SELECT *,
		status_before IS NULL AND status_after IS NOT NULL AS newly_reported,
		coalesce(reported_after = from_on, false) AS stopped_reporting,
		coalesce(progress_rank(status_after) > progress_rank(status_before), false) AS improved,
		coalesce(progress_rank(status_after) < progress_rank(status_before), false) AS regressed,
		status_before IS NOT NULL AND status_after IS NOT NULL
			AND status_before <> status_after
			AND coalesce(progress_rank(status_after) = progress_rank(status_before), true)
			AS reclassified,
		overdue_after AND NOT overdue_before AS newly_overdue
	FROM joined
)
SELECT *,
	newly_reported OR stopped_reporting OR improved OR regressed OR reclassified
		OR newly_overdue AS changed
FROM grouped;

-- The pairs of progress_change_pair in one group (improved, regressed, newly_reported,
-- stopped_reporting, reclassified, newly_overdue, changed; NULL: every pair).
CREATE OR REPLACE MACRO progress_change_drill_pair(as_of, only_programme, from_round, to_round,
	only_actor, only_group) AS TABLE
SELECT c.*
FROM progress_change_pair(as_of, only_programme, from_round, to_round, only_actor) c,
	(SELECT checked_choice('group', only_group, ['improved', 'regressed', 'newly_reported',
		'stopped_reporting', 'reclassified', 'newly_overdue', 'changed']) AS ok)
-- The group names of each pair, so that the filter is not a constant the planner could fold
-- (and skip the check with it).
WHERE ok IS NULL AND (only_group IS NULL OR list_contains([
	CASE WHEN improved THEN 'improved' END,
	CASE WHEN regressed THEN 'regressed' END,
	CASE WHEN newly_reported THEN 'newly_reported' END,
	CASE WHEN stopped_reporting THEN 'stopped_reporting' END,
	CASE WHEN reclassified THEN 'reclassified' END,
	CASE WHEN newly_overdue THEN 'newly_overdue' END,
	CASE WHEN changed THEN 'changed' END], only_group));
