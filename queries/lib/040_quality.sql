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
-- whose batch was imported more than late_after_days (default 30) days after their reported_on,
-- counted only for rounds whose deadline (reported_on + late_after_days) had not yet passed when
-- the programme's first file was imported (its monitoring start): an archive loaded later
-- cannot have arrived on time, so it is not judged (late_judged counts the rows judged, the
-- denominator of late_pct). batches = the sender's own files (every row stored by the file
-- comes from that sender); shared_batches = the files it shares with other senders, such as a
-- programme's catalogue with every actor's reports (told apart over all the file's rows,
-- whatever the caller's scope).
-- Rejected rows carry no reliable sender: they are attributed to the one sender of all the rows
-- their batch stored, else to '(unattributed)' (quality_rejected_row).
-- The optional cells are listed twice below: summed per row in quality_stored_group (the figures:
-- plain sums are the fast path over 10^7 rows) and field by field per row in quality_row_cells
-- (the per-field breakdown quality_field_empty and the drill-downs): change both together;
-- src/lib/server/queries.test.ts checks on the samples that they agree.
--
-- Macro parameters are positional; a NULL only_* filter means "all". Parameter names never
-- equal a column name: inside a macro a parameter hides the column of the same name.

-- The day each programme began to be monitored here: the import day of the first file with a
-- status row of it (every actor's, whatever the caller's scope).
CREATE OR REPLACE MACRO quality_programme_start() AS TABLE
SELECT s.programme, min(b.imported_at)::DATE AS monitored_from
FROM action_status s
JOIN batch b ON b.batch_id = s.batch_id
GROUP BY s.programme;

-- Whether a status row is judged on time at all: its round's deadline (reported_on +
-- late_after_days, NULL: 30) was on or after the programme's monitoring start. A round whose
-- deadline had passed before the first file of the programme arrived is history: loading it
-- later (an archive imported today) does not make it late.
CREATE OR REPLACE MACRO quality_is_judged(reported_on, late_after_days, monitored_from) AS
	reported_on + coalesce(late_after_days, 30) >= monitored_from;

-- Whether a status row arrived late: it is judged, and its batch was imported more than
-- late_after_days (NULL: 30) days after the round it reports on.
CREATE OR REPLACE MACRO quality_is_late(imported_at, reported_on, late_after_days,
	monitored_from) AS
	quality_is_judged(reported_on, late_after_days, monitored_from)
		AND imported_at::DATE > reported_on + coalesce(late_after_days, 30);

-- The batches imported on or before D, of one kind (sharing, actions or retention; NULL: all).
CREATE OR REPLACE MACRO quality_batch_in_scope(as_of, only_kind) AS TABLE
SELECT *
FROM batch
WHERE imported_at::DATE <= as_of AND (only_kind IS NULL OR kind = only_kind);

-- The rows stored by those batches, counted per (kind, batch, sender, superseded_by): n rows,
-- their optional cells and the empty ones, the late status rows and those judged, whether the
-- group was superseded as of D, and whether its batch is shared (stored rows of more than one
-- sender: decided over all the batch's rows, before the caller's scope leaves some out).
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
		0 AS late, 0 AS judged
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
		count(*) FILTER (WHERE quality_is_late(b.imported_at, s.reported_on, late_after_days,
			ps.monitored_from)),
		count(*) FILTER (WHERE quality_is_judged(s.reported_on, late_after_days,
			ps.monitored_from))
	FROM action_status s
	JOIN batch b ON b.batch_id = s.batch_id
	JOIN quality_programme_start() ps ON ps.programme = s.programme
	WHERE only_kind IS NULL OR only_kind = 'actions'
	GROUP BY ALL
	UNION ALL
	SELECT 'retention', batch_id, member_state, superseded_by, count(*),
		sum((kind IS NULL)::INT + (authority IS NULL)::INT
			+ CASE WHEN kind = 'alert' THEN (impact_assessed IS NULL)::INT ELSE 0 END
			+ CASE WHEN last_reviewed_on IS NOT NULL THEN (review_outcome IS NULL)::INT ELSE 0 END),
		sum(2 + CASE WHEN kind = 'alert' THEN 1 ELSE 0 END
			+ CASE WHEN last_reviewed_on IS NOT NULL THEN 1 ELSE 0 END),
		0, 0
	FROM retention_record
	WHERE only_kind IS NULL OR only_kind = 'retention'
	GROUP BY ALL
)
SELECT g.*,
	-- Superseded as of D: only a replacing batch imported on or before D counts.
	sb.batch_id IS NOT NULL AS superseded
FROM (
	SELECT *,
		min(sender) OVER (PARTITION BY batch_id) <> max(sender) OVER (PARTITION BY batch_id)
			AS shared_batch
	FROM stored_group
) g
JOIN quality_batch_in_scope(as_of, only_kind) b ON b.batch_id = g.batch_id
LEFT JOIN quality_batch_in_scope(as_of, NULL) sb ON sb.batch_id = g.superseded_by
-- The scope applies after the batches are told apart, so that a file shared with states out of
-- scope is a shared file for every caller.
WHERE scope_allows(g.sender);

-- The stored-row counts of a group of quality_stored_group rows, an aggregate: unnest it in a
-- SELECT with GROUP BY for the columns rows_stored ... late_reports.
CREATE OR REPLACE MACRO quality_stored_counts(n, superseded, optional_cells, optional_empty,
	late, judged) AS {
	'rows_stored': sum(n),
	'rows_current': coalesce(sum(n) FILTER (WHERE NOT superseded), 0),
	'rows_superseded': coalesce(sum(n) FILTER (WHERE superseded), 0),
	'optional_cells': sum(optional_cells),
	'optional_empty': sum(optional_empty),
	'late_reports': sum(late),
	'late_judged': sum(judged)
};

-- The figures on optional cells and late reports from those counts (NULL counts are zeros;
-- late reports only for the actions kind), as columns with unnest(quality_cell_figures(...)).
-- late_pct is over the rows judged (late_judged): NULL when none is.
CREATE OR REPLACE MACRO quality_cell_figures(kind, optional_cells, optional_empty,
	late_reports, late_judged) AS {
	'optional_cells': coalesce(optional_cells, 0)::BIGINT,
	'optional_empty': coalesce(optional_empty, 0)::BIGINT,
	'empty_pct': 100 * optional_empty::DOUBLE / nullif(optional_cells, 0),
	'late_reports': CASE WHEN kind = 'actions' THEN coalesce(late_reports, 0)::INTEGER END,
	'late_pct': CASE WHEN kind = 'actions'
		THEN 100 * late_reports::DOUBLE / nullif(late_judged, 0) END,
	'late_judged': CASE WHEN kind = 'actions' THEN coalesce(late_judged, 0)::INTEGER END
};

-- Distinct rejected row numbers per batch (one row can have several rejects).
CREATE OR REPLACE MACRO quality_rejected() AS TABLE
SELECT batch_id, count(DISTINCT row_number) AS rows_rejected
FROM reject
WHERE batch_visible(batch_id)
GROUP BY batch_id;

-- The optional fields of each kind, in the order of their bits in a row's cells (quality_cell).
CREATE OR REPLACE MACRO quality_optional_fields(of_kind) AS CASE of_kind
	WHEN 'sharing' THEN ['recipient', 'category', 'terrorism_marker', 'context_provided',
		'subject_ref', 'shared_on', 'withholding_ground', 'weighing_documented', 'weighing_ref']
	WHEN 'actions' THEN ['title', 'chapter', 'deadline', 'responsible', 'planning',
		'state_of_play', 'recent_developments', 'evidence_ref', 'completion_pct']
	WHEN 'retention' THEN ['kind', 'authority', 'impact_assessed', 'review_outcome']
END;

-- NULL when of_kind is NULL or a kind, and when field_name is NULL or an optional field of that
-- kind (of any kind when of_kind is NULL); else an error naming the accepted values
-- (checked_choice), so that a misspelt drill-down filter fails instead of giving an empty page.
CREATE OR REPLACE MACRO quality_checked_kind(of_kind) AS
	checked_choice('kind', of_kind, ['sharing', 'actions', 'retention']);
CREATE OR REPLACE MACRO quality_checked_field(of_kind, field_name) AS
	checked_choice('field', field_name, coalesce(quality_optional_fields(of_kind),
		list_concat(quality_optional_fields('sharing'), quality_optional_fields('actions'),
			quality_optional_fields('retention'))));

-- The kind and field themselves once checked: a drill-down passes its filters through these, so
-- that the check runs inside the scans even when an unknown value would leave no row to test.
CREATE OR REPLACE MACRO quality_valid_kind(of_kind) AS
	CASE WHEN quality_checked_kind(of_kind) IS NULL THEN of_kind END;
CREATE OR REPLACE MACRO quality_valid_field(of_kind, field_name) AS
	CASE WHEN quality_checked_field(of_kind, field_name) IS NULL THEN field_name END;

-- The bit of one optional field: 2^i for the field at position i (from 0) in
-- quality_optional_fields; NULL for a field that is not one of them. With constant arguments
-- DuckDB folds it to a constant when the query is planned.
CREATE OR REPLACE MACRO quality_field_bit(of_kind, field_name) AS
	1 << (list_position(quality_optional_fields(of_kind), field_name) - 1);

-- One optional cell of a row as an integer: the field's bit x 2^16 when the field applies to the
-- row, plus the bit itself when it applies and is empty. A row's cells are the sum of these over
-- its kind's optional fields: the high bits say which fields apply, the low 16 which are empty.
CREATE OR REPLACE MACRO quality_cell(of_kind, field_name, applies, is_empty) AS
	applies::INTEGER * (quality_field_bit(of_kind, field_name) * 65536
		+ is_empty::INTEGER * quality_field_bit(of_kind, field_name));

-- Whether one optional field applies to a row with these cells, and whether it is empty there.
CREATE OR REPLACE MACRO quality_cell_applies(of_kind, row_cells, field_name) AS
	((row_cells >> 16) & quality_field_bit(of_kind, field_name)) <> 0;
CREATE OR REPLACE MACRO quality_cell_empty(of_kind, row_cells, field_name) AS
	(row_cells & quality_field_bit(of_kind, field_name)) <> 0;

-- Whether a row has an empty optional cell, and which fields they are (in the order of
-- quality_optional_fields).
CREATE OR REPLACE MACRO quality_has_empty(row_cells) AS (row_cells & 65535) <> 0;
CREATE OR REPLACE MACRO quality_empty_field_list(of_kind, row_cells) AS
	list_filter(quality_optional_fields(of_kind), lambda f, i: (row_cells & (1 << (i - 1))) <> 0);

-- Every stored row of one kind (NULL: all), superseded ones included and not yet limited to the
-- batches in scope: its sender (the member state of sharing and retention rows, the actor of
-- status rows), its optional cells field by field (quality_cell: which apply and which are
-- empty), and for the drill-downs its key (event_id; programme / action_id / actor /
-- reported_on; record_id), its main date (occurred_on, reported_on, created_on), a topic
-- (channel, title, register / legal_basis) and a state (decision, status, record kind).
CREATE OR REPLACE MACRO quality_row_cells(only_kind) AS TABLE
SELECT 'sharing' AS kind, batch_id, source_row, member_state AS sender, superseded_by,
	quality_cell('sharing', 'recipient', true, recipient IS NULL)
		+ quality_cell('sharing', 'category', true, category IS NULL)
		+ quality_cell('sharing', 'terrorism_marker', true, terrorism_marker IS NULL)
		+ quality_cell('sharing', 'context_provided', true, context_provided IS NULL)
		+ quality_cell('sharing', 'subject_ref', true, subject_ref IS NULL)
		+ quality_cell('sharing', 'shared_on', decision = 'shared', shared_on IS NULL)
		+ quality_cell('sharing', 'withholding_ground', decision = 'withheld',
			withholding_ground IS NULL)
		+ quality_cell('sharing', 'weighing_documented', decision = 'withheld',
			weighing_documented IS NULL)
		+ quality_cell('sharing', 'weighing_ref', decision = 'withheld', weighing_ref IS NULL)
		AS cells,
	event_id AS record_key, occurred_on AS record_date, channel AS topic, decision AS state
FROM sharing_event
WHERE (only_kind IS NULL OR only_kind = 'sharing') AND scope_allows(member_state)
UNION ALL
SELECT 'actions', batch_id, source_row, actor, superseded_by,
	quality_cell('actions', 'title', true, title IS NULL)
		+ quality_cell('actions', 'chapter', true, chapter IS NULL)
		+ quality_cell('actions', 'deadline', true, deadline IS NULL)
		+ quality_cell('actions', 'responsible', true, responsible IS NULL)
		+ quality_cell('actions', 'planning', true, planning IS NULL)
		+ quality_cell('actions', 'state_of_play', true, state_of_play IS NULL)
		+ quality_cell('actions', 'recent_developments', true, recent_developments IS NULL)
		+ quality_cell('actions', 'evidence_ref', true, evidence_ref IS NULL)
		+ quality_cell('actions', 'completion_pct', status = 'in_progress', completion_pct IS NULL),
	concat_ws(' / ', programme, action_id, actor, reported_on::VARCHAR), reported_on, title, status
FROM action_status
WHERE (only_kind IS NULL OR only_kind = 'actions') AND scope_allows(actor)
UNION ALL
SELECT 'retention', batch_id, source_row, member_state, superseded_by,
	quality_cell('retention', 'kind', true, kind IS NULL)
		+ quality_cell('retention', 'authority', true, authority IS NULL)
		+ quality_cell('retention', 'impact_assessed', kind = 'alert', impact_assessed IS NULL)
		+ quality_cell('retention', 'review_outcome', last_reviewed_on IS NOT NULL,
			review_outcome IS NULL),
	record_id, created_on, concat_ws(' / ', register, legal_basis), kind
FROM retention_record
WHERE (only_kind IS NULL OR only_kind = 'retention') AND scope_allows(member_state);

-- Every optional field per kind over the rows stored by batches imported on or before D (one
-- batch, one sender: the member state or actor; NULL: all): applicable and empty counts. The
-- rows are counted per distinct cells first, so the fields are unnested for a few groups only.
CREATE OR REPLACE MACRO quality_field_empty(as_of, only_kind, only_batch, only_sender) AS TABLE
WITH
cell_group AS (
	SELECT kind, cells, count(*) AS n
	FROM quality_row_cells(only_kind)
	WHERE batch_id IN (
			SELECT batch_id
			FROM quality_batch_in_scope(as_of, only_kind)
			WHERE only_batch IS NULL OR batch_id = only_batch
		)
		AND (only_sender IS NULL OR sender = only_sender)
	GROUP BY ALL
),
field_group AS (
	SELECT kind, cells, n, unnest(quality_optional_fields(kind)) AS field
	FROM cell_group
)
SELECT kind, field,
	coalesce(sum(n) FILTER (WHERE quality_cell_applies(kind, cells, field)), 0)::BIGINT
		AS applicable,
	coalesce(sum(n) FILTER (WHERE quality_cell_empty(kind, cells, field)), 0)::BIGINT AS empty
FROM field_group
GROUP BY kind, field;

-- The rows stored by batches imported on or before D, of one kind, sender and batch (NULL: all),
-- superseded ones included: the file each came from, whether it was superseded as of D (only a
-- replacing batch imported on or before D counts, as in quality_stored_group) and by which batch,
-- and its cells, key, date, topic and state (quality_row_cells).
CREATE OR REPLACE MACRO quality_stored_row(as_of, only_kind, only_sender, only_batch) AS TABLE
SELECT r.kind, r.batch_id, b.file_name, r.source_row, r.sender, r.record_key, r.record_date,
	r.topic, r.state, sb.batch_id IS NOT NULL AS superseded, sb.batch_id AS superseded_by,
	sb.file_name AS superseded_by_file, r.cells
FROM quality_row_cells(only_kind) r
JOIN quality_batch_in_scope(as_of, only_kind) b ON b.batch_id = r.batch_id
LEFT JOIN quality_batch_in_scope(as_of, NULL) sb ON sb.batch_id = r.superseded_by
WHERE (only_sender IS NULL OR r.sender = only_sender)
	AND (only_batch IS NULL OR r.batch_id = only_batch);

-- The empty optional cells of those rows: one row per stored row and empty field that applies
-- to it (one field, or NULL: all); as many as the optional_empty figure counts.
CREATE OR REPLACE MACRO quality_empty_cell(as_of, only_kind, only_sender, only_batch,
	only_field) AS TABLE
SELECT *
FROM (
	SELECT * EXCLUDE (cells), unnest(quality_empty_field_list(kind, cells)) AS field
	FROM quality_stored_row(as_of, only_kind, only_sender, only_batch)
	-- Only rows with an empty cell (that field's, with one field) before the lists are built.
	WHERE quality_has_empty(cells)
		AND (only_field IS NULL OR quality_cell_empty(kind, cells, only_field))
)
WHERE only_field IS NULL OR field = only_field;

-- The rejected rows of batches imported on or before D (one kind; NULL: all): one row per
-- distinct row number of a batch, with the sender it is attributed to (the one sender of all the
-- rows its batch stored, else '(unattributed)') and its problems (column_name, value, message),
-- in column order.
CREATE OR REPLACE MACRO quality_rejected_row(as_of, only_kind) AS TABLE
WITH
rejected AS (
	SELECT b.kind, r.batch_id, b.file_name, r.row_number,
		list({'column_name': r.column_name, 'value': r.value, 'message': r.message}
			ORDER BY r.column_name NULLS FIRST, r.message, r.value) AS problems
	FROM reject r
	JOIN quality_batch_in_scope(as_of, only_kind) b ON b.batch_id = r.batch_id
	GROUP BY ALL
),
batch_sender AS (
	-- One sender when the smallest equals the largest (cheaper than counting distinct senders).
	SELECT batch_id, CASE WHEN min(sender) = max(sender) THEN min(sender) END AS sender
	FROM quality_row_cells(only_kind)
	WHERE batch_id IN (SELECT batch_id FROM reject)
	GROUP BY batch_id
)
SELECT rj.kind, rj.batch_id, rj.file_name, rj.row_number,
	coalesce(bs.sender, '(unattributed)') AS sender, rj.problems
FROM rejected rj
LEFT JOIN batch_sender bs ON bs.batch_id = rj.batch_id
-- Rows no sender can be attributed to are for the callers who see every state.
WHERE scope_allows(coalesce(bs.sender, '(unattributed)'));

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
JOIN quality_programme_start() ps ON ps.programme = s.programme
WHERE b.imported_at::DATE <= as_of
	AND quality_is_late(b.imported_at, s.reported_on, late_after_days, ps.monitored_from)
	AND (only_programme IS NULL OR s.programme = only_programme)
	AND (only_actor IS NULL OR s.actor = only_actor)
	AND (only_batch IS NULL OR s.batch_id = only_batch)
	AND scope_allows(s.actor);
