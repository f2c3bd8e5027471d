-- Retention compliance over every member state in scope together: the EU row of the overview,
-- the API and the CLI (the same figures as retention_by_member_state, summed).
-- Definition (docs/metrics.md, "Retention compliance"): queries/lib/030_retention.sql.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: records created after D and reviews after D are ignored
SELECT unnest(retention_figures(n, flags))
-- Grouped by member state, then summed: the tally needs at least one key column.
FROM retention_tally($as_of, NULL, NULL, NULL, NULL, ['member_state'])
