-- Validate staged sharing-log rows: parse every canonical field and list what is wrong.
-- Input: temp view `stage` (__row, __extra, __rid and every sharing field as VARCHAR, or
-- DATE / BOOLEAN for the fields a CSV file was read typed as: see readCsvTyped, NULL when
-- the file has no such column) and temp table `ingest_synonym` (the profile's value maps,
-- which take precedence over data/reference/synonyms.csv).
-- Output: one row per staged row with typed fields and __errors, a list of
-- {col, val, msg}; a row is accepted when __errors is empty. A repeated event_id within the
-- file is an error on every repeat after the first (the first occurrence is kept).
-- Lookup maps for coded values and actor codes: see queries/ingest/lookups.sql.
-- @scope none  the ingest reads the staged file, not the stored rows of any scope
WITH lk AS (SELECT * FROM ingest_lookups()),
-- Repeated keys found by aggregation rather than a window: a hash aggregate over 10^7 rows is
-- much cheaper than the sort a window needs.
dup AS (
	SELECT cosi_text(event_id) AS k, min(__row) AS first_row
	FROM stage GROUP BY 1 HAVING count(*) > 1
),
parsed AS (
	SELECT
		s.__row, s.__extra, s.__rid,
		s.event_id AS event_id_in, s.occurred_on AS occurred_on_in, s.member_state AS member_state_in,
		s.channel AS channel_in, s.relevant AS relevant_in, s.decision AS decision_in,
		s.shared_on AS shared_on_in, s.withholding_ground AS withholding_ground_in,
		s.weighing_documented AS weighing_documented_in, s.terrorism_marker AS terrorism_marker_in,
		s.context_provided AS context_provided_in,
		cosi_text(s.event_id) AS event_id,
		cosi_date(s.occurred_on) AS occurred_on,
		ingest_actor(s.member_state, lk.actor) AS member_state,
		upper(cosi_text(s.channel)) AS channel,
		cosi_bool(s.relevant, lk.boolean) AS relevant,
		cosi_code(s.decision, ['shared', 'withheld', 'pending'], lk.decision) AS decision,
		upper(cosi_text(s.recipient)) AS recipient,
		cosi_text(s.category) AS category,
		cosi_date(s.shared_on) AS shared_on,
		cosi_code(s.withholding_ground, ['legal', 'operational', 'ongoing_investigation', 'safety_of_persons', 'third_party_consent', 'other'], lk.ground) AS withholding_ground,
		cosi_bool(s.weighing_documented, lk.boolean) AS weighing_documented,
		cosi_text(s.weighing_ref) AS weighing_ref,
		cosi_bool(s.terrorism_marker, lk.boolean) AS terrorism_marker,
		cosi_bool(s.context_provided, lk.boolean) AS context_provided,
		cosi_text(s.subject_ref) AS subject_ref,
		dup.first_row AS key_first_row
	FROM stage s CROSS JOIN lk
	LEFT JOIN dup ON dup.k = cosi_text(s.event_id)
),
-- Each check is a column that is NULL when the value is fine, so a clean row costs a few
-- comparisons; the list of errors is only built for rows that have one.
checked AS (
	SELECT parsed.*,
		CASE WHEN __extra IS NOT NULL THEN {'col': NULL, 'val': __extra, 'msg': 'row has more fields than the header'} END AS __e1,
		CASE WHEN event_id IS NULL THEN {'col': 'event_id', 'val': event_id_in::VARCHAR, 'msg': 'required value missing'}
			WHEN __row > key_first_row THEN {'col': 'event_id', 'val': event_id_in::VARCHAR, 'msg': 'duplicate event_id in this file (first at row ' || key_first_row || ')'} END AS __e2,
		CASE WHEN occurred_on IS NOT NULL THEN NULL
			WHEN cosi_text(occurred_on_in) IS NULL THEN {'col': 'occurred_on', 'val': occurred_on_in::VARCHAR, 'msg': 'required value missing'}
			ELSE {'col': 'occurred_on', 'val': occurred_on_in::VARCHAR, 'msg': 'invalid date (expected a real date as YYYY-MM-DD or dd-mm-jjjj)'} END AS __e3,
		CASE WHEN member_state IS NOT NULL THEN NULL
			WHEN cosi_text(member_state_in) IS NULL THEN {'col': 'member_state', 'val': member_state_in::VARCHAR, 'msg': 'required value missing'}
			ELSE {'col': 'member_state', 'val': member_state_in::VARCHAR, 'msg': 'unknown actor code (expected an EU code such as AT, BE, DE, EL, NL; GR is accepted for EL)'} END AS __e4,
		CASE WHEN channel IS NULL THEN {'col': 'channel', 'val': channel_in::VARCHAR, 'msg': 'required value missing'} END AS __e5,
		CASE WHEN relevant IS NOT NULL THEN NULL
			WHEN cosi_text(relevant_in) IS NULL THEN {'col': 'relevant', 'val': relevant_in::VARCHAR, 'msg': 'required value missing'}
			ELSE {'col': 'relevant', 'val': relevant_in::VARCHAR, 'msg': 'invalid boolean (expected true/false, ja/nee, yes/no, j/n, y/n or 1/0)'} END AS __e6,
		CASE WHEN decision IS NOT NULL THEN NULL
			WHEN cosi_text(decision_in) IS NULL THEN {'col': 'decision', 'val': decision_in::VARCHAR, 'msg': 'required value missing'}
			ELSE {'col': 'decision', 'val': decision_in::VARCHAR, 'msg': 'invalid decision (expected one of shared, withheld, pending)'} END AS __e7,
		CASE WHEN shared_on IS NULL AND cosi_text(shared_on_in) IS NOT NULL THEN {'col': 'shared_on', 'val': shared_on_in::VARCHAR, 'msg': 'invalid date (expected a real date as YYYY-MM-DD or dd-mm-jjjj)'}
			WHEN shared_on < occurred_on THEN {'col': 'shared_on', 'val': shared_on_in::VARCHAR, 'msg': 'shared before it occurred (expected shared_on on or after occurred_on)'} END AS __e8,
		CASE WHEN withholding_ground IS NULL AND cosi_text(withholding_ground_in) IS NOT NULL THEN {'col': 'withholding_ground', 'val': withholding_ground_in::VARCHAR, 'msg': 'invalid withholding ground (expected one of legal, operational, ongoing_investigation, safety_of_persons, third_party_consent, other)'} END AS __e9,
		CASE WHEN weighing_documented IS NULL AND cosi_text(weighing_documented_in) IS NOT NULL THEN {'col': 'weighing_documented', 'val': weighing_documented_in::VARCHAR, 'msg': 'invalid boolean (expected true/false, ja/nee, yes/no, j/n, y/n or 1/0)'} END AS __e10,
		CASE WHEN terrorism_marker IS NULL AND cosi_text(terrorism_marker_in) IS NOT NULL THEN {'col': 'terrorism_marker', 'val': terrorism_marker_in::VARCHAR, 'msg': 'invalid boolean (expected true/false, ja/nee, yes/no, j/n, y/n or 1/0)'} END AS __e11,
		CASE WHEN context_provided IS NULL AND cosi_text(context_provided_in) IS NOT NULL THEN {'col': 'context_provided', 'val': context_provided_in::VARCHAR, 'msg': 'invalid boolean (expected true/false, ja/nee, yes/no, j/n, y/n or 1/0)'} END AS __e12
	FROM parsed
)
SELECT
	__row, __rid,
	event_id, occurred_on, member_state, channel, relevant, decision, recipient, category, shared_on,
	withholding_ground, weighing_documented, weighing_ref, terrorism_marker, context_provided,
	subject_ref,
	CASE WHEN coalesce(__e1, __e2, __e3, __e4, __e5, __e6, __e7, __e8, __e9, __e10, __e11, __e12) IS NOT NULL
		THEN list_filter([__e1, __e2, __e3, __e4, __e5, __e6, __e7, __e8, __e9, __e10, __e11, __e12], e -> e IS NOT NULL)
	END AS __errors
FROM checked
