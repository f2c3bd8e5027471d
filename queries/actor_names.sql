-- Every actor of the reference list (data/reference/actors.csv) with its kind (member_state,
-- associated, historical, eu_body) and its names in English and Dutch, by code.
-- @scope none  reference data, the same for every caller
SELECT code, kind, name_en, name_nl
FROM ref_actor
ORDER BY code
