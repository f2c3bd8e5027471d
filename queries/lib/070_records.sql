-- 070_records: the record tables (/records/sharing, /records/actions, /records/retention and
-- their CSV downloads; queries withheld_rows, progress_pairs, retention_records and their
-- _count companions): the drill-down rows of 010-030 narrowed by a text search. The sort of
-- each table is in its list query (a whitelist of column names mapped to sort keys there).
--
-- The search: a term (NULL: no search) that occurs, ignoring case, in any of a table's text
-- columns, as a plain substring (no wildcards: % and _ are just characters). The columns are
-- joined with a unit separator (chr(31)), which a search term cannot hold (the URL parser
-- refuses control characters), so a match never spans two columns. The columns searched are
-- named in each macro below and in the pages' hint (messages rec_search_hint_*): change both.

-- Whether search (NULL: no search) occurs in haystack, ignoring case.
CREATE OR REPLACE MACRO record_search(search, haystack) AS
	search IS NULL OR contains(lower(coalesce(haystack, '')), lower(search));

-- The sharing rows of withheld_drill_row whose event id, recipient, category, weighing
-- reference, subject reference or channel contains search.
CREATE OR REPLACE MACRO withheld_listed(as_of, period_from, period_to, only_member_state,
	only_channel, only_ground, only_decision, only_unjustified, only_month, relevance,
	search) AS TABLE
SELECT *
FROM withheld_drill_row(as_of, period_from, period_to, only_member_state, only_channel,
	only_ground, only_decision, only_unjustified, only_month, relevance)
WHERE record_search(search, concat_ws(chr(31), event_id, recipient, category, weighing_ref,
	subject_ref, channel));

-- The records of retention_drill_record whose record id, authority, register or legal basis
-- contains search.
CREATE OR REPLACE MACRO retention_listed(as_of, only_member_state, only_register,
	only_legal_basis, only_authority, only_flag, search) AS TABLE
SELECT *
FROM retention_drill_record(as_of, only_member_state, only_register, only_legal_basis,
	only_authority, only_flag)
WHERE record_search(search, concat_ws(chr(31), record_id, authority, register, legal_basis));

-- The pairs of progress_drill_pair_judged whose action id, title, chapter, planning, state of
-- play, recent developments or evidence reference contains search.
CREATE OR REPLACE MACRO progress_listed(as_of, only_programme, only_actor, only_chapter,
	only_action, only_category, at_previous_round, search) AS TABLE
SELECT *
FROM progress_drill_pair_judged(as_of, only_programme, only_actor, only_chapter, only_action,
	only_category, at_previous_round)
WHERE record_search(search, concat_ws(chr(31), action_id, title, chapter, planning,
	state_of_play, recent_developments, evidence_ref));

-- A sort key as a number that orders ascending for sort direction 'asc' (or NULL) and
-- descending for 'desc'; NULL stays NULL (the queries put empty values last either way).
CREATE OR REPLACE MACRO record_sort_number(value, direction) AS
	CASE WHEN direction = 'desc' THEN -value ELSE value END;

-- A date as a number for record_sort_number (days since 1970-01-01).
CREATE OR REPLACE MACRO record_day(d) AS date_diff('day', DATE '1970-01-01', d::DATE);

-- A text sort key: empty text counts as no value, and case is ignored.
CREATE OR REPLACE MACRO record_sort_text(value) AS lower(nullif(trim(value), ''));
