-- Withheld-information ratio over every originator in scope together: the EU row of the
-- overview, the API and the CLI (the same figures as withheld_by_member_state, summed).
-- Definition (docs/metrics.md, "Withheld-information ratio"): queries/lib/020_withheld.sql.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: only rows that occurred on or before D count
-- @param from DATE?  start of the period, inclusive (NULL: no start)
-- @param to DATE?  end of the period, inclusive (NULL: up to D)
SELECT unnest(withheld_figures(n, decision, unjustified))
FROM withheld_tally($as_of, $from, $to, NULL, NULL, [])
