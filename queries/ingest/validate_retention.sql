-- Validate staged retention-register rows: parse every canonical field and list what is wrong.
-- Input: temp view `stage` (__row, __extra, __rid and every retention field as VARCHAR, or
-- DATE / BOOLEAN for the fields a CSV file was read typed as: see readCsvTyped) and
-- temp table `ingest_synonym` (profile value maps, taking precedence over the reference
-- synonyms). legal_basis must have a rule in data/reference/retention_rules.csv, since
-- compliance cannot be judged without one. A repeated record_id within the file is an error
-- on every repeat after the first.
-- Lookup maps for coded values and actor codes: see queries/ingest/lookups.sql.
-- @scope none  the ingest reads the staged file, not the stored rows of any scope
WITH lk AS (SELECT * FROM ingest_lookups()),
dup AS (
	SELECT cosi_text(record_id) AS k, min(__row) AS first_row
	FROM stage GROUP BY 1 HAVING count(*) > 1
),
parsed AS (
	SELECT
		s.__row, s.__extra, s.__rid,
		s.record_id AS record_id_in, s.member_state AS member_state_in, s.register AS register_in,
		s.legal_basis AS legal_basis_in, s.created_on AS created_on_in, s.kind AS kind_in,
		s.last_reviewed_on AS last_reviewed_on_in, s.review_outcome AS review_outcome_in,
		s.deleted_on AS deleted_on_in, s.impact_assessed AS impact_assessed_in,
		cosi_text(s.record_id) AS record_id,
		ingest_actor(s.member_state, lk.actor) AS member_state,
		upper(cosi_text(s.register)) AS register,
		rule.legal_basis AS legal_basis,
		cosi_date(s.created_on) AS created_on,
		cosi_code(s.kind, ['registration', 'alert'], lk.record_kind) AS kind,
		cosi_text(s.authority) AS authority,
		cosi_date(s.last_reviewed_on) AS last_reviewed_on,
		cosi_code(s.review_outcome, ['retain', 'extend', 'delete'], lk.review_outcome) AS review_outcome,
		cosi_date(s.deleted_on) AS deleted_on,
		cosi_bool(s.impact_assessed, lk.boolean) AS impact_assessed,
		dup.first_row AS key_first_row
	FROM stage s CROSS JOIN lk
	LEFT JOIN retention_rule rule ON upper(rule.legal_basis) = upper(trim(s.legal_basis))
	LEFT JOIN dup ON dup.k = cosi_text(s.record_id)
),
-- Each check is a column that is NULL when the value is fine, so a clean row costs a few
-- comparisons; the list of errors is only built for rows that have one.
checked AS (
	SELECT parsed.*,
		CASE WHEN __extra IS NOT NULL THEN {'col': NULL, 'val': __extra, 'msg': 'row has more fields than the header'} END AS __e1,
		CASE WHEN record_id IS NULL THEN {'col': 'record_id', 'val': record_id_in::VARCHAR, 'msg': 'required value missing'}
			WHEN __row > key_first_row THEN {'col': 'record_id', 'val': record_id_in::VARCHAR, 'msg': 'duplicate record_id in this file (first at row ' || key_first_row || ')'} END AS __e2,
		CASE WHEN cosi_text(member_state_in) IS NULL THEN {'col': 'member_state', 'val': member_state_in::VARCHAR, 'msg': 'required value missing'}
			WHEN member_state IS NULL THEN {'col': 'member_state', 'val': member_state_in::VARCHAR, 'msg': 'unknown actor code (expected an EU code such as AT, BE, DE, EL, NL; GR is accepted for EL)'} END AS __e3,
		CASE WHEN register IS NULL THEN {'col': 'register', 'val': register_in::VARCHAR, 'msg': 'required value missing'} END AS __e4,
		CASE WHEN cosi_text(legal_basis_in) IS NULL THEN {'col': 'legal_basis', 'val': legal_basis_in::VARCHAR, 'msg': 'required value missing'}
			WHEN legal_basis IS NULL THEN {'col': 'legal_basis', 'val': legal_basis_in::VARCHAR, 'msg': 'unknown legal basis (expected one of ' || (SELECT string_agg(legal_basis, ', ' ORDER BY legal_basis) FROM retention_rule) || '; rules are in data/reference/retention_rules.csv)'} END AS __e5,
		CASE WHEN cosi_text(created_on_in) IS NULL THEN {'col': 'created_on', 'val': created_on_in::VARCHAR, 'msg': 'required value missing'}
			WHEN created_on IS NULL THEN {'col': 'created_on', 'val': created_on_in::VARCHAR, 'msg': 'invalid date (expected a real date as YYYY-MM-DD or dd-mm-jjjj)'} END AS __e6,
		CASE WHEN kind IS NULL AND cosi_text(kind_in) IS NOT NULL THEN {'col': 'kind', 'val': kind_in::VARCHAR, 'msg': 'invalid kind (expected registration or alert)'} END AS __e7,
		CASE WHEN last_reviewed_on IS NULL AND cosi_text(last_reviewed_on_in) IS NOT NULL THEN {'col': 'last_reviewed_on', 'val': last_reviewed_on_in::VARCHAR, 'msg': 'invalid date (expected a real date as YYYY-MM-DD or dd-mm-jjjj)'}
			WHEN last_reviewed_on < created_on THEN {'col': 'last_reviewed_on', 'val': last_reviewed_on_in::VARCHAR, 'msg': 'reviewed before it was created (expected last_reviewed_on on or after created_on)'} END AS __e8,
		CASE WHEN review_outcome IS NULL AND cosi_text(review_outcome_in) IS NOT NULL THEN {'col': 'review_outcome', 'val': review_outcome_in::VARCHAR, 'msg': 'invalid review outcome (expected one of retain, extend, delete)'} END AS __e9,
		CASE WHEN deleted_on IS NULL AND cosi_text(deleted_on_in) IS NOT NULL THEN {'col': 'deleted_on', 'val': deleted_on_in::VARCHAR, 'msg': 'invalid date (expected a real date as YYYY-MM-DD or dd-mm-jjjj)'}
			WHEN deleted_on < created_on THEN {'col': 'deleted_on', 'val': deleted_on_in::VARCHAR, 'msg': 'deleted before it was created (expected deleted_on on or after created_on)'} END AS __e10,
		CASE WHEN impact_assessed IS NULL AND cosi_text(impact_assessed_in) IS NOT NULL THEN {'col': 'impact_assessed', 'val': impact_assessed_in::VARCHAR, 'msg': 'invalid boolean (expected true/false, ja/nee, yes/no, j/n, y/n or 1/0)'} END AS __e11
	FROM parsed
)
SELECT
	__row, __rid,
	record_id, member_state, register, legal_basis, created_on, kind, authority,
	last_reviewed_on, review_outcome, deleted_on, impact_assessed,
	CASE WHEN coalesce(__e1, __e2, __e3, __e4, __e5, __e6, __e7, __e8, __e9, __e10, __e11) IS NOT NULL
		THEN list_filter([__e1, __e2, __e3, __e4, __e5, __e6, __e7, __e8, __e9, __e10, __e11], e -> e IS NOT NULL)
	END AS __errors
FROM checked
