-- The optional fields of each kind (the cells behind empty_pct), in definition order: the values
-- the field parameter of quality_empty_rows accepts.
-- Definition (docs/metrics.md, "Data quality"): quality_optional_fields in
-- queries/lib/040_quality.sql, whose header states it in full.
-- @scope none  reference data, the same for every caller
-- @param kind VARCHAR?  sharing | actions | retention (NULL: all)
SELECT kind, field
FROM (
	SELECT k.kind, k.ordinal, unnest(quality_optional_fields(k.kind)) AS field,
		generate_subscripts(quality_optional_fields(k.kind), 1) AS position
	FROM (VALUES ('sharing', 1), ('actions', 2), ('retention', 3)) k(kind, ordinal)
),
	(SELECT quality_checked_kind($kind) AS ok)
WHERE ok IS NULL AND ($kind IS NULL OR kind = $kind)
ORDER BY ordinal, position
