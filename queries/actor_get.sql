-- One actor (member state, associated state or EU body) by its code or an alias of it (GR finds
-- EL), case-insensitively: no row when the code is unknown. code is the canonical code, so a
-- page reached by an alias or in lower case can redirect to it.
-- @scope none  reference data, the same for every caller
-- @param code VARCHAR  the actor code or alias as typed (e.g. AT, at, GR)
SELECT a.code, a.kind, a.name_en, a.name_nl
FROM ref_actor a
WHERE a.code = upper(trim($code))
	OR a.code = (SELECT al.code FROM ref_actor_alias al WHERE al.alias = upper(trim($code)))
ORDER BY a.code = upper(trim($code)) DESC
LIMIT 1
