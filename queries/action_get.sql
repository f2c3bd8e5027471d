-- One action of a programme's catalogue, regardless of D (the catalogue does not depend on it):
-- title, chapter, deadline and responsible as progress_catalogue gives them (its latest row by
-- reported_on, ties: larger batch_id, then larger source_row; a field left empty there taken
-- from the latest row that has it), plus where the title came from (title_batch_id,
-- title_file_name, title_source_row) and the span of its reports. No row when the programme
-- has no such action.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param programme VARCHAR  the programme
-- @param action_id VARCHAR  the action's id within the programme
WITH
reports AS (
	SELECT programme, action_id,
		-- The row that gave the title: the same ordering as progress_catalogue's.
		arg_max(batch_id, (reported_on, batch_id, source_row)) FILTER (WHERE title IS NOT NULL)
			AS title_batch_id,
		arg_max(source_row, (reported_on, batch_id, source_row)) FILTER (WHERE title IS NOT NULL)
			AS title_source_row,
		min(reported_on) AS first_reported_on,
		max(reported_on) AS last_reported_on,
		(count(*) FILTER (WHERE scope_allows(actor)))::INTEGER AS status_rows
	FROM action_status_current
	WHERE programme = $programme AND action_id = $action_id
	GROUP BY programme, action_id
)
SELECT c.programme, c.action_id, c.title, c.chapter, c.deadline, c.responsible,
	r.title_batch_id, b.file_name AS title_file_name, r.title_source_row,
	r.first_reported_on, r.last_reported_on, r.status_rows
FROM progress_catalogue($programme) c
JOIN reports r USING (programme, action_id)
LEFT JOIN batch b ON b.batch_id = r.title_batch_id
