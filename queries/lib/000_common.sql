-- 000_common: definitions shared by more than one metric area (loaded first).

-- The caller's member-state scope (src/lib/server/data.ts, the data gate): the gate sets the
-- connection variable cosi_scope before every query, to ['*'] for all member states or to the
-- codes the caller may see for that query's @scope (figures or records). Every table macro that
-- reads rows of a member state applies it, so a query cannot forget it; a connection that did
-- not come through the gate has no cosi_scope and every scoped read fails instead of answering
-- everything. Measured on 2*10^7 rows: ['*'] costs nothing (folded), a list about as much as IN.
CREATE OR REPLACE MACRO scope_all() AS CASE
	WHEN getvariable('cosi_scope') IS NULL
	THEN error('no member-state scope: read the data through the gate (src/lib/server/data.ts)')
	ELSE list_contains(getvariable('cosi_scope'), '*')
END;

-- Whether the caller may see the rows of member state (or actor, or sender) code.
CREATE OR REPLACE MACRO scope_allows(code) AS scope_all()
	OR list_contains(getvariable('cosi_scope'), code);

-- Whether the caller may see an import batch: one that stored a row of a state in scope.
-- (IN, not a correlated EXISTS: of_batch is then read in the caller's scope, whatever its name.)
CREATE OR REPLACE MACRO batch_visible(of_batch) AS scope_all()
	OR of_batch IN (
		SELECT batch_id FROM sharing_event
		WHERE list_contains(getvariable('cosi_scope'), member_state)
		UNION ALL
		SELECT batch_id FROM retention_record
		WHERE list_contains(getvariable('cosi_scope'), member_state)
		UNION ALL
		SELECT batch_id FROM action_status
		WHERE list_contains(getvariable('cosi_scope'), actor)
	);

-- The 27 EU member states (or the one asked for), for the breakdowns that list every member
-- state whether or not it has rows: a state that sends nothing is a finding, not a gap.
CREATE OR REPLACE MACRO member_state_listed(only_member_state) AS TABLE
SELECT code AS member_state
FROM ref_actor
WHERE kind = 'member_state' AND (only_member_state IS NULL OR code = only_member_state)
	AND scope_allows(code);

-- A text as the breakdowns show it and the drill-downs filter on it: '(none)' when empty.
CREATE OR REPLACE MACRO label_or_none(value) AS coalesce(nullif(trim(value), ''), '(none)');

-- Sort key for codes that start with a number ('2', '10a', '3. Chapter'), so that 10 comes
-- after 9; NULL for a code without one (the queries sort those last).
CREATE OR REPLACE MACRO leading_number(code) AS
	try_cast(regexp_extract(code, '^[0-9]+') AS INTEGER);

-- NULL when value is NULL or one of choices; else an error naming the accepted values, so that
-- a misspelt drill-down filter fails instead of giving an empty page. A query makes the check
-- run by joining it once and testing it, e.g. FROM ..., (SELECT checked_choice(...) AS ok)
-- WHERE ok IS NULL.
CREATE OR REPLACE MACRO checked_choice(what, value, choices) AS CASE
	WHEN value IS NOT NULL AND NOT list_contains(choices, value)
	THEN error(format('invalid {}: "{}" (expected {} or {})', what, value,
		array_to_string(choices[:-2], ', '), choices[-1]))
END;
