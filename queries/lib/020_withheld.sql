-- 020_withheld: the withheld-information ratio (docs/metrics.md, "Withheld-information ratio"),
-- the one definition behind the withheld_* named queries. Rows of sharing_current with
-- relevant = true and occurred_on <= D, and inside the period when one is given (from and to
-- are inclusive and either may be NULL for an open end). ratio = withheld / (shared + withheld)
-- (pending rows are counted in relevant and pending, never in the ratio); unjustified =
-- withheld rows whose withholding_ground is empty or whose weighing_documented is not true.
-- A zero denominator gives NULL.
--
-- Macro parameters are positional; a NULL period end or only_* filter means "open" or "all".
-- Parameter names never equal a column name: inside a macro a parameter hides the column.

-- Whether a sharing row is an unjustified withholding.
CREATE OR REPLACE MACRO withheld_unjustified(decision, withholding_ground, weighing_documented) AS
	decision = 'withheld'
		AND (nullif(trim(withholding_ground), '') IS NULL OR weighing_documented IS NOT TRUE);

-- The sharing rows in scope: relevant, on or before D, inside the period, of one originating
-- member state and one channel (NULL: all).
CREATE OR REPLACE MACRO sharing_in_scope(as_of, period_from, period_to, only_member_state,
	only_channel) AS TABLE
SELECT *
FROM sharing_current
WHERE relevant
	AND occurred_on <= as_of
	AND (period_from IS NULL OR occurred_on >= period_from)
	AND (period_to IS NULL OR occurred_on <= period_to)
	AND (only_member_state IS NULL OR member_state = only_member_state)
	AND (only_channel IS NULL OR channel = only_channel)
	AND scope_allows(member_state);

-- The rows in scope counted per key_columns (names of sharing_current columns, e.g.
-- ['member_state']) and per decision, ground and weighing, each group judged once: the few
-- distinct (ground, weighing) pairs are cheaper to test than 10^7 rows. n is the row count.
CREATE OR REPLACE MACRO withheld_tally(as_of, period_from, period_to, only_member_state,
	only_channel, key_columns) AS TABLE
SELECT *, withheld_unjustified(decision, withholding_ground, weighing_documented) AS unjustified
FROM (
	SELECT COLUMNS(c -> list_contains(key_columns, c)
			OR c IN ('decision', 'withholding_ground', 'weighing_documented')),
		count(*) AS n
	FROM sharing_in_scope(as_of, period_from, period_to, only_member_state, only_channel)
	GROUP BY ALL
);

-- The withheld figures of a group of tally rows, an aggregate: in a SELECT with GROUP BY over
-- withheld_tally, unnest(withheld_figures(n, decision, unjustified)) gives the columns
-- relevant ... unjustified_pct. A group without rows (a member state listed by an outer join,
-- a month without rows) has zeros and NULL ratios. One level on purpose: a macro over this
-- macro's result would repeat every aggregate in the plan for each field it reads.
CREATE OR REPLACE MACRO withheld_figures(n, decision, unjustified) AS {
	'relevant': coalesce(sum(n), 0)::INTEGER,
	'shared': coalesce(sum(n) FILTER (WHERE decision = 'shared'), 0)::INTEGER,
	'withheld': coalesce(sum(n) FILTER (WHERE decision = 'withheld'), 0)::INTEGER,
	'pending': coalesce(sum(n) FILTER (WHERE decision = 'pending'), 0)::INTEGER,
	'unjustified': coalesce(sum(n) FILTER (WHERE unjustified), 0)::INTEGER,
	'ratio': coalesce(sum(n) FILTER (WHERE decision = 'withheld'), 0)::DOUBLE
		/ nullif(sum(n) FILTER (WHERE decision IN ('shared', 'withheld')), 0),
	'unjustified_pct': 100 * coalesce(sum(n) FILTER (WHERE unjustified), 0)::DOUBLE
		/ nullif(sum(n) FILTER (WHERE decision = 'withheld'), 0)
};

-- The sharing rows behind a withheld figure, narrowed to a ground ('(none)': no ground), a
-- decision (shared, withheld or pending), unjustified withholdings only (only_unjustified =
-- true) and the month of a date (NULL: all); relevance 'false' gives the rows marked not
-- relevant instead, which no figure counts.
CREATE OR REPLACE MACRO withheld_drill_row(as_of, period_from, period_to, only_member_state,
	only_channel, only_ground, only_decision, only_unjustified, only_month, relevance) AS TABLE
WITH
scope AS (
	SELECT *, withheld_unjustified(decision, withholding_ground, weighing_documented)
		AS unjustified
	FROM sharing_current
	-- The rows of sharing_in_scope, but of the relevance asked for: 'true' (NULL: the default,
	-- the rows every figure counts) or 'false' (marked not relevant: never counted, but a
	-- supervisor must be able to read them).
	WHERE (CASE WHEN relevance = 'false' THEN NOT relevant ELSE relevant END)
		AND occurred_on <= as_of
		AND (period_from IS NULL OR occurred_on >= period_from)
		AND (period_to IS NULL OR occurred_on <= period_to)
		AND (only_member_state IS NULL OR member_state = only_member_state)
		AND (only_channel IS NULL OR channel = only_channel)
		AND scope_allows(member_state)
		AND (only_ground IS NULL OR label_or_none(withholding_ground) = only_ground)
		AND (only_decision IS NULL OR decision = only_decision)
		AND (only_month IS NULL
			OR date_trunc('month', occurred_on) = date_trunc('month', only_month::DATE))
)
SELECT scope.*
FROM scope,
	(SELECT checked_choice('decision', only_decision, ['shared', 'withheld', 'pending']) AS ok,
		checked_choice('relevant', relevance, ['true', 'false']) AS ok_relevance)
-- Referencing ok makes the check run.
WHERE ok IS NULL AND ok_relevance IS NULL AND (only_unjustified IS NOT TRUE OR unjustified);
