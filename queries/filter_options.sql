-- The values offered in the filter forms of the records and programme pages, one row per
-- (field, value): programme and chapter (of the catalogue: each action's latest chapter, as in
-- progress_pairs; programme filled for chapters), actor (data/reference/actors.csv, with kind
-- and names), channel (sharing), register (retention) and legal_basis (retention rules, with
-- the rule's description as name). Fields and values in a stable order.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
WITH
chapter AS (
	SELECT programme, action_id,
		arg_max(chapter, (reported_on, batch_id, source_row)) FILTER (WHERE chapter IS NOT NULL)
			AS chapter
	FROM action_status_current
	GROUP BY programme, action_id
)
SELECT field, value, programme, kind, name_en, name_nl
FROM (
	SELECT 'programme' AS field, programme AS value, NULL AS programme, NULL AS kind,
		NULL AS name_en, NULL AS name_nl
	FROM (SELECT DISTINCT programme FROM action_status_current)
	UNION ALL
	SELECT DISTINCT 'chapter', coalesce(chapter, '(none)'), programme, NULL, NULL, NULL
	FROM chapter
	UNION ALL
	SELECT 'actor', code, NULL, kind, name_en, name_nl
	FROM ref_actor
	UNION ALL
	SELECT 'channel', channel, NULL, NULL, NULL, NULL
	FROM (SELECT DISTINCT channel FROM sharing_current WHERE scope_allows(member_state))
	UNION ALL
	SELECT 'register', register, NULL, NULL, NULL, NULL
	FROM (SELECT DISTINCT register FROM retention_current WHERE scope_allows(member_state))
	UNION ALL
	SELECT 'legal_basis', legal_basis, NULL, NULL, description, description
	FROM retention_rule
)
ORDER BY field, programme NULLS FIRST,
	try_cast(regexp_extract(value, '^[0-9]+') AS INTEGER) NULLS LAST, value
