-- Validate staged action-status rows: parse every canonical field and list what is wrong.
-- Input: temp view `stage` (__row, __extra, __rid and every action field as VARCHAR),
-- temp table `ingest_synonym` (profile value maps, taking precedence over the reference
-- synonyms) and temp table `ingest_derive` (profile rules that derive a missing status from the
-- planning text, e.g. "2016 gereed" -> in_progress when the year is not before reported_on's).
-- `responsible` is a list of actor codes separated by spaces, commas or semicolons, or MS (all
-- member states); it is stored normalised, space separated. A repeated (programme, action_id,
-- actor, reported_on) within the file is an error on every repeat after the first.
-- Lookup maps for coded values and actor codes: see queries/lib/050_ingest.sql.
-- @scope none  the ingest reads the staged file, not the stored rows of any scope
WITH lk AS (SELECT * FROM ingest_lookups()),
resp_tokens AS (
	SELECT s.__row, t.token, t.pos
	FROM stage s,
		unnest(string_split_regex(upper(trim(s.responsible)), '[\s,;/]+')) WITH ORDINALITY AS t(token, pos)
	WHERE cosi_text(s.responsible) IS NOT NULL AND t.token <> ''
),
resp AS (
	SELECT r.__row,
		string_agg(coalesce(CASE WHEN r.token = 'MS' THEN 'MS' END, a.code), ' ' ORDER BY r.pos) AS responsible,
		string_agg(CASE WHEN r.token <> 'MS' AND a.code IS NULL THEN r.token END, ', ' ORDER BY r.pos) AS unknown
	FROM resp_tokens r LEFT JOIN actor_lookup a ON a.token = r.token
	GROUP BY r.__row
),
base AS (
	SELECT
		s.*,
		cosi_text(s.programme) AS programme_v,
		cosi_text(s.action_id) AS action_id_v,
		ingest_actor(s.actor, lk.actor) AS actor_v,
		cosi_date(s.reported_on) AS reported_on_v,
		cosi_code(s.status, ['not_started', 'in_progress', 'implemented', 'ongoing', 'not_applicable'], lk.status) AS status_given
	FROM stage s CROSS JOIN lk
),
derived AS (
	SELECT b.__row,
		arg_min(
			CASE
				WHEN d.year_before AND try_cast(regexp_extract(cosi_phrase(b.planning), d.pattern, 1) AS INTEGER) >= year(b.reported_on_v) THEN d.else_value
				ELSE d.value
			END, d.ord) AS status
	FROM base b JOIN ingest_derive d ON regexp_matches(cosi_phrase(b.planning), d.pattern)
	WHERE cosi_text(b.status) IS NULL AND cosi_text(b.planning) IS NOT NULL
	GROUP BY b.__row
),
dup AS (
	SELECT programme_v, action_id_v, actor_v, reported_on_v, min(__row) AS first_row
	FROM base
	WHERE programme_v IS NOT NULL AND action_id_v IS NOT NULL AND actor_v IS NOT NULL AND reported_on_v IS NOT NULL
	GROUP BY ALL HAVING count(*) > 1
),
parsed AS (
	SELECT
		b.__row, b.__extra, b.__rid,
		b.programme AS programme_in, b.action_id AS action_id_in, b.actor AS actor_in,
		b.reported_on AS reported_on_in, b.status AS status_in, b.deadline AS deadline_in,
		b.responsible AS responsible_in, b.completion_pct AS completion_pct_in, b.planning AS planning_in,
		b.programme_v AS programme,
		b.action_id_v AS action_id,
		b.actor_v AS actor,
		b.reported_on_v AS reported_on,
		coalesce(b.status_given, dv.status) AS status,
		cosi_text(b.title) AS title,
		cosi_text(b.chapter) AS chapter,
		cosi_date(b.deadline) AS deadline,
		r.responsible AS responsible,
		r.unknown AS responsible_unknown,
		cosi_text(b.planning) AS planning,
		-- Free text is kept exactly as given (line breaks included); only all-blank is missing.
		CASE WHEN trim(b.state_of_play) <> '' THEN b.state_of_play END AS state_of_play,
		CASE WHEN trim(b.recent_developments) <> '' THEN b.recent_developments END AS recent_developments,
		cosi_number(b.completion_pct) AS completion_pct,
		cosi_text(b.evidence_ref) AS evidence_ref,
		dup.first_row AS key_first_row
	FROM base b
	LEFT JOIN derived dv ON dv.__row = b.__row
	LEFT JOIN resp r ON r.__row = b.__row
	LEFT JOIN dup ON dup.programme_v = b.programme_v AND dup.action_id_v = b.action_id_v
		AND dup.actor_v = b.actor_v AND dup.reported_on_v = b.reported_on_v
),
-- Each check is a column that is NULL when the value is fine, so a clean row costs a few
-- comparisons; the list of errors is only built for rows that have one.
checked AS (
	SELECT parsed.*,
		CASE WHEN __extra IS NOT NULL THEN {'col': NULL, 'val': __extra, 'msg': 'row has more fields than the header'} END AS __e1,
		CASE WHEN programme IS NULL THEN {'col': 'programme', 'val': programme_in, 'msg': 'required value missing (give it in the file, the profile or with --programme)'} END AS __e2,
		CASE WHEN action_id IS NULL THEN {'col': 'action_id', 'val': action_id_in, 'msg': 'required value missing'} END AS __e3,
		CASE WHEN cosi_text(actor_in) IS NULL THEN {'col': 'actor', 'val': actor_in, 'msg': 'required value missing'}
			WHEN actor IS NULL THEN {'col': 'actor', 'val': actor_in, 'msg': 'unknown actor code (expected an EU member state code such as NL, or EUROPOL, EULISA, FRONTEX, COM, EUCTC, EUROJUST, CTG)'} END AS __e4,
		CASE WHEN cosi_text(reported_on_in) IS NULL THEN {'col': 'reported_on', 'val': reported_on_in, 'msg': 'required value missing (give it in the file or as the peildatum)'}
			WHEN reported_on IS NULL THEN {'col': 'reported_on', 'val': reported_on_in, 'msg': 'invalid date (expected a real date as YYYY-MM-DD or dd-mm-jjjj)'} END AS __e5,
		CASE WHEN status IS NULL AND cosi_text(status_in) IS NOT NULL THEN {'col': 'status', 'val': status_in, 'msg': 'invalid status (expected one of not_started, in_progress, implemented, ongoing, not_applicable, or a synonym such as gereed, doorlopend toegepast, lopend, niet gestart, n.v.t., done, on track)'}
			WHEN status IS NULL AND cosi_text(planning_in) IS NOT NULL THEN {'col': 'planning', 'val': planning_in, 'msg': 'no status, and none can be derived from this planning text (expected a status column, or a planning such as gereed, doorlopend toegepast, 2016 gereed, onderzoek lopend)'}
			WHEN status IS NULL THEN {'col': 'status', 'val': status_in, 'msg': 'required value missing'} END AS __e6,
		CASE WHEN deadline IS NULL AND cosi_text(deadline_in) IS NOT NULL THEN {'col': 'deadline', 'val': deadline_in, 'msg': 'invalid date (expected a real date as YYYY-MM-DD or dd-mm-jjjj)'} END AS __e7,
		CASE WHEN responsible_unknown IS NOT NULL THEN {'col': 'responsible', 'val': responsible_in, 'msg': 'unknown actor code ' || responsible_unknown || ' (expected actor codes separated by spaces or commas, or MS for every member state)'} END AS __e8,
		CASE WHEN cosi_text(completion_pct_in) IS NOT NULL AND (completion_pct IS NULL OR completion_pct < 0 OR completion_pct > 100) THEN {'col': 'completion_pct', 'val': completion_pct_in, 'msg': 'invalid percentage (expected a number from 0 to 100, with a decimal point or comma)'} END AS __e9,
		CASE WHEN __row > key_first_row THEN {'col': 'action_id', 'val': action_id_in, 'msg': 'duplicate (programme, action_id, actor, reported_on) in this file (first at row ' || key_first_row || ')'} END AS __e10
	FROM parsed
)
SELECT
	__row, __rid,
	programme, action_id, actor, reported_on, status, title, chapter, deadline, responsible,
	planning, state_of_play, recent_developments, completion_pct, evidence_ref,
	CASE WHEN coalesce(__e1, __e2, __e3, __e4, __e5, __e6, __e7, __e8, __e9, __e10) IS NOT NULL
		THEN list_filter([__e1, __e2, __e3, __e4, __e5, __e6, __e7, __e8, __e9, __e10], e -> e IS NOT NULL)
	END AS __errors
FROM checked
