-- The programmes (action catalogues) with how many actions each has and its reporting rounds
-- up to D. The catalogue does not depend on D, so actions counts every current row; rounds,
-- first and last round and status_rows count only rows reported on or before D. Pair figures
-- (actors, implemented, ...) per programme come from progress_by_programme.
-- @scope figures  figures and action statuses: the states whose figures the caller may see
-- @param as_of DATE  the as-of date D: rounds and status rows after D are left out
SELECT programme,
	count(DISTINCT action_id)::INTEGER AS actions,
	(count(DISTINCT reported_on) FILTER (WHERE reported_on <= $as_of))::INTEGER AS rounds,
	min(reported_on) FILTER (WHERE reported_on <= $as_of) AS first_reported_on,
	max(reported_on) FILTER (WHERE reported_on <= $as_of) AS last_reported_on,
	(count(*) FILTER (WHERE reported_on <= $as_of))::INTEGER AS status_rows
FROM action_status_current
WHERE scope_allows(actor)
GROUP BY programme
ORDER BY programme
