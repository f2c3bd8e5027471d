-- 002_ingest_macros: parsing helpers used by the ingest validation queries (queries/ingest/).
-- Kept in the database so every validation query parses values the same way.

-- Text as given, trimmed; empty means missing.
CREATE MACRO cosi_text(v) AS nullif(trim(v::VARCHAR), '');

-- A real calendar date in ISO (YYYY-MM-DD, also with a time part) or Dutch/European order
-- (dd-mm-jjjj, dd/mm/jjjj, dd.mm.jjjj). NULL when the value is not a real date
-- (31-02-2024 is NULL, never silently moved to March). Years outside 1900-2100 are refused:
-- they are typing errors in these registers, not history.
CREATE MACRO cosi_date_any(v) AS coalesce(
	try_strptime(cosi_text(v), '%Y-%m-%d')::DATE,
	try_strptime(cosi_text(v), '%d-%m-%Y')::DATE,
	try_strptime(cosi_text(v), '%d/%m/%Y')::DATE,
	try_strptime(cosi_text(v), '%d.%m.%Y')::DATE,
	try_strptime(cosi_text(v), '%Y-%m-%d %H:%M:%S')::DATE,
	try_strptime(cosi_text(v), '%Y-%m-%dT%H:%M:%S')::DATE,
	try_strptime(cosi_text(v), '%Y-%m-%dT%H:%M:%S.%g')::DATE,
	try_strptime(cosi_text(v), '%Y-%m-%dT%H:%M:%S.%gZ')::DATE
);
CREATE MACRO cosi_date(v) AS
	CASE WHEN year(cosi_date_any(v)) BETWEEN 1900 AND 2100 THEN cosi_date_any(v) END;

-- A number with a decimal point or a decimal comma ("12.5", "12,5", "1.234,5", "1,234.5",
-- "45 %"): whichever separator comes last is the decimal one.
CREATE MACRO cosi_number_text(t) AS CASE
	WHEN t LIKE '%,%' AND regexp_matches(t, '\.[0-9]*$') THEN replace(t, ',', '')
	WHEN t LIKE '%,%' THEN replace(replace(t, '.', ''), ',', '.')
	ELSE t
END;
CREATE MACRO cosi_number(v) AS
	try_cast(cosi_number_text(replace(replace(cosi_text(v), '%', ''), ' ', '')) AS DOUBLE);

-- Key for looking up a coded value: lower case, trimmed, inner white space folded (the regular
-- expression only where there is something to fold: it is the slow part at 10^7 rows).
CREATE MACRO cosi_phrase(v) AS lower(CASE
	WHEN v::VARCHAR LIKE '%  %' OR v::VARCHAR LIKE '%	%' THEN regexp_replace(trim(v::VARCHAR), '\s+', ' ', 'g')
	ELSE trim(v::VARCHAR)
END);

-- Every spelling of an actor code, upper case, with the canonical code.
CREATE VIEW actor_lookup AS
	SELECT upper(code) AS token, code FROM ref_actor
	UNION ALL
	SELECT upper(alias) AS token, code FROM ref_actor_alias;
