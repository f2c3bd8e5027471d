-- 000_common: definitions shared by more than one metric area (loaded first).

-- The 27 EU member states (or the one asked for), for the breakdowns that list every member
-- state whether or not it has rows: a state that sends nothing is a finding, not a gap.
CREATE OR REPLACE MACRO member_state_listed(only_member_state) AS TABLE
SELECT code AS member_state
FROM ref_actor
WHERE kind = 'member_state' AND (only_member_state IS NULL OR code = only_member_state);

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
