-- 040_quality: data quality (docs/metrics.md, "Data quality"), the one definition behind the
-- quality_* named queries. Over batches imported on or before D and every row they stored
-- (superseded rows included: quality is about what a sender sent):
-- rows_rejected = distinct rejected row numbers; rows_superseded = stored rows replaced by a
-- later batch imported on or before D; empty_pct = 100 x empty optional cells / optional cells
-- that apply to the row (sharing: recipient, category, terrorism_marker, context_provided,
-- subject_ref, plus shared_on when shared and withholding_ground, weighing_documented,
-- weighing_ref when withheld; actions: title, chapter, deadline, responsible, planning,
-- state_of_play, recent_developments, evidence_ref, plus completion_pct when in_progress;
-- retention: kind, authority, plus impact_assessed for alerts and review_outcome when reviewed;
-- deleted_on and last_reviewed_on are left out because empty is a meaningful value there);
-- empty means NULL (the ingest stores blank text as NULL); late_reports = action_status rows
-- whose batch was imported more than late_after_days (default 30) days after their reported_on.
-- The optional cells are listed twice below, summed per row (quality_stored_group) and counted
-- per field (quality_field_empty): change both together.
--
-- Macro parameters are positional; a NULL only_* filter means "all". Parameter names never
-- equal a column name: inside a macro a parameter hides the column of the same name.

-- Whether a status row arrived late: its batch was imported more than late_after_days (NULL:
-- 30) days after the round it reports on.
CREATE OR REPLACE MACRO quality_is_late(imported_at, reported_on, late_after_days) AS
	imported_at::DATE > reported_on + coalesce(late_after_days, 30);

-- The batches imported on or before D, of one kind (sharing, actions or retention; NULL: all).
CREATE OR REPLACE MACRO quality_batch_in_scope(as_of, only_kind) AS TABLE
SELECT *
FROM batch
WHERE imported_at::DATE <= as_of AND (only_kind IS NULL OR kind = only_kind);

-- The rows stored by those batches, counted per (kind, batch, sender, superseded_by): n rows,
-- their optional cells and the empty ones, the late status rows, and whether the group was
-- superseded as of D.
CREATE OR REPLACE MACRO quality_stored_group(as_of, only_kind, late_after_days) AS TABLE
WITH
stored_group AS (
	SELECT 'sharing' AS kind, batch_id, member_state AS sender, superseded_by, count(*) AS n,
		sum((recipient IS NULL)::INT + (category IS NULL)::INT + (terrorism_marker IS NULL)::INT
			+ (context_provided IS NULL)::INT + (subject_ref IS NULL)::INT
			+ CASE decision
				WHEN 'shared' THEN (shared_on IS NULL)::INT
				WHEN 'withheld' THEN (withholding_ground IS NULL)::INT
					+ (weighing_documented IS NULL)::INT + (weighing_ref IS NULL)::INT
				ELSE 0
			END) AS optional_empty,
		sum(5 + CASE decision WHEN 'shared' THEN 1 WHEN 'withheld' THEN 3 ELSE 0 END) AS optional_cells,
		0 AS late
	FROM sharing_event
	WHERE only_kind IS NULL OR only_kind = 'sharing'
	GROUP BY ALL
	UNION ALL
	SELECT 'actions', s.batch_id, s.actor, s.superseded_by, count(*),
		sum((title IS NULL)::INT + (chapter IS NULL)::INT + (deadline IS NULL)::INT
			+ (responsible IS NULL)::INT + (planning IS NULL)::INT + (state_of_play IS NULL)::INT
			+ (recent_developments IS NULL)::INT + (evidence_ref IS NULL)::INT
			+ CASE WHEN status = 'in_progress' THEN (completion_pct IS NULL)::INT ELSE 0 END),
		sum(8 + CASE WHEN status = 'in_progress' THEN 1 ELSE 0 END),
		count(*) FILTER (WHERE quality_is_late(b.imported_at, s.reported_on, late_after_days))
	FROM action_status s
	JOIN batch b ON b.batch_id = s.batch_id
	WHERE only_kind IS NULL OR only_kind = 'actions'
	GROUP BY ALL
	UNION ALL
	SELECT 'retention', batch_id, member_state, superseded_by, count(*),
		sum((kind IS NULL)::INT + (authority IS NULL)::INT
			+ CASE WHEN kind = 'alert' THEN (impact_assessed IS NULL)::INT ELSE 0 END
			+ CASE WHEN last_reviewed_on IS NOT NULL THEN (review_outcome IS NULL)::INT ELSE 0 END),
		sum(2 + CASE WHEN kind = 'alert' THEN 1 ELSE 0 END
			+ CASE WHEN last_reviewed_on IS NOT NULL THEN 1 ELSE 0 END),
		0
	FROM retention_record
	WHERE only_kind IS NULL OR only_kind = 'retention'
	GROUP BY ALL
)
SELECT g.*,
	-- Superseded as of D: only a replacing batch imported on or before D counts.
	sb.batch_id IS NOT NULL AS superseded
FROM stored_group g
JOIN quality_batch_in_scope(as_of, only_kind) b ON b.batch_id = g.batch_id
LEFT JOIN batch sb ON sb.batch_id = g.superseded_by AND sb.imported_at::DATE <= as_of;

-- The stored-row counts of a group of quality_stored_group rows, an aggregate: unnest it in a
-- SELECT with GROUP BY for the columns rows_stored ... late_reports.
CREATE OR REPLACE MACRO quality_stored_counts(n, superseded, optional_cells, optional_empty,
	late) AS {
	'rows_stored': sum(n),
	'rows_current': coalesce(sum(n) FILTER (WHERE NOT superseded), 0),
	'rows_superseded': coalesce(sum(n) FILTER (WHERE superseded), 0),
	'optional_cells': sum(optional_cells),
	'optional_empty': sum(optional_empty),
	'late_reports': sum(late)
};

-- The figures on optional cells and late reports from those counts (NULL counts are zeros;
-- late reports only for the actions kind), as columns with unnest(quality_cell_figures(...)).
CREATE OR REPLACE MACRO quality_cell_figures(kind, rows_stored, optional_cells, optional_empty,
	late_reports) AS {
	'optional_cells': coalesce(optional_cells, 0)::BIGINT,
	'optional_empty': coalesce(optional_empty, 0)::BIGINT,
	'empty_pct': 100 * optional_empty::DOUBLE / nullif(optional_cells, 0),
	'late_reports': CASE WHEN kind = 'actions' THEN coalesce(late_reports, 0)::INTEGER END,
	'late_pct': CASE WHEN kind = 'actions' THEN 100 * late_reports::DOUBLE / nullif(rows_stored, 0) END
};

-- Distinct rejected row numbers per batch (one row can have several rejects).
CREATE OR REPLACE MACRO quality_rejected() AS TABLE
SELECT batch_id, count(DISTINCT row_number) AS rows_rejected
FROM reject
GROUP BY batch_id;

-- One optional field of a group of rows, an aggregate: on how many rows it applies and on how
-- many of those it is empty.
CREATE OR REPLACE MACRO quality_field(field, applies, is_empty) AS {
	'field': field,
	'applicable': count(*) FILTER (WHERE applies),
	'empty': count(*) FILTER (WHERE applies AND is_empty)
};

-- Every optional field per kind over the rows stored by batches imported on or before D (one
-- batch, one sender: the member state or actor; NULL: all): applicable and empty counts.
CREATE OR REPLACE MACRO quality_field_empty(as_of, only_kind, only_batch, only_sender) AS TABLE
WITH
batch_in_scope AS (
	SELECT batch_id
	FROM batch
	WHERE imported_at::DATE <= as_of AND (only_batch IS NULL OR batch_id = only_batch)
),
sharing_field AS (
	SELECT 'sharing' AS kind, unnest([
			quality_field('recipient', true, recipient IS NULL),
			quality_field('category', true, category IS NULL),
			quality_field('terrorism_marker', true, terrorism_marker IS NULL),
			quality_field('context_provided', true, context_provided IS NULL),
			quality_field('subject_ref', true, subject_ref IS NULL),
			quality_field('shared_on', decision = 'shared', shared_on IS NULL),
			quality_field('withholding_ground', decision = 'withheld', withholding_ground IS NULL),
			quality_field('weighing_documented', decision = 'withheld', weighing_documented IS NULL),
			quality_field('weighing_ref', decision = 'withheld', weighing_ref IS NULL)
		], recursive := true)
	FROM sharing_event
	WHERE batch_id IN (SELECT batch_id FROM batch_in_scope)
		AND (only_kind IS NULL OR only_kind = 'sharing')
		AND (only_sender IS NULL OR member_state = only_sender)
),
action_field AS (
	SELECT 'actions' AS kind, unnest([
			quality_field('title', true, title IS NULL),
			quality_field('chapter', true, chapter IS NULL),
			quality_field('deadline', true, deadline IS NULL),
			quality_field('responsible', true, responsible IS NULL),
			quality_field('planning', true, planning IS NULL),
			quality_field('state_of_play', true, state_of_play IS NULL),
			quality_field('recent_developments', true, recent_developments IS NULL),
			quality_field('evidence_ref', true, evidence_ref IS NULL),
			quality_field('completion_pct', status = 'in_progress', completion_pct IS NULL)
		], recursive := true)
	FROM action_status
	WHERE batch_id IN (SELECT batch_id FROM batch_in_scope)
		AND (only_kind IS NULL OR only_kind = 'actions')
		AND (only_sender IS NULL OR actor = only_sender)
),
retention_field AS (
	SELECT 'retention' AS kind, unnest([
			quality_field('kind', true, kind IS NULL),
			quality_field('authority', true, authority IS NULL),
			quality_field('impact_assessed', kind = 'alert', impact_assessed IS NULL),
			quality_field('review_outcome', last_reviewed_on IS NOT NULL, review_outcome IS NULL)
		], recursive := true)
	FROM retention_record
	WHERE batch_id IN (SELECT batch_id FROM batch_in_scope)
		AND (only_kind IS NULL OR only_kind = 'retention')
		AND (only_sender IS NULL OR member_state = only_sender)
)
SELECT * FROM sharing_field
UNION ALL
SELECT * FROM action_field
UNION ALL
SELECT * FROM retention_field;

-- The action status rows that arrived late (quality_is_late) in batches imported on or before
-- D, with how many days after their round they were imported; every stored row counts,
-- superseded ones included (superseded says whether a later batch replaced it).
CREATE OR REPLACE MACRO quality_late_report(as_of, only_programme, only_actor, only_batch,
	late_after_days) AS TABLE
SELECT s.programme, s.action_id, s.actor, s.reported_on, s.status,
	b.imported_at::DATE AS imported_on,
	b.imported_at::DATE - s.reported_on AS days_after_round,
	s.superseded_by IS NOT NULL AS superseded, s.batch_id, b.file_name, s.source_row
FROM action_status s
JOIN batch b ON b.batch_id = s.batch_id
WHERE b.imported_at::DATE <= as_of
	AND quality_is_late(b.imported_at, s.reported_on, late_after_days)
	AND (only_programme IS NULL OR s.programme = only_programme)
	AND (only_actor IS NULL OR s.actor = only_actor)
	AND (only_batch IS NULL OR s.batch_id = only_batch);
