-- 001_init: batches, rejects, the three canonical stores and reference tables.
--
-- Every stored row carries batch_id (the import batch it came from) and source_row (its row
-- number in that file as the user counts it: header = row 1). A later batch that repeats a
-- row's key supersedes it: the old row stays stored and gets superseded_by = the newer batch,
-- so "current" rows are simply those WHERE superseded_by IS NULL (no window function at read
-- time, which matters at 10^7 rows).

CREATE SEQUENCE batch_id_seq START 1;

CREATE TABLE batch (
	batch_id      INTEGER PRIMARY KEY,
	kind          VARCHAR NOT NULL,      -- sharing | actions | retention
	file_name     VARCHAR NOT NULL,      -- base name of the imported file
	file_path     VARCHAR,               -- path as given on import
	file_format   VARCHAR NOT NULL,      -- csv | ndjson | json | parquet | arrow | xlsx
	sha256        VARCHAR NOT NULL,
	profile       VARCHAR NOT NULL,
	options       VARCHAR,               -- JSON: profile options used (programme, peildatum, sheet, ...)
	imported_at   TIMESTAMP NOT NULL,
	imported_by   VARCHAR NOT NULL,
	rows_read     INTEGER NOT NULL,
	rows_accepted INTEGER NOT NULL,
	rows_rejected INTEGER NOT NULL,
	rows_superseded INTEGER NOT NULL DEFAULT 0, -- earlier rows this batch superseded
	warnings      VARCHAR                -- JSON array of strings
);
-- Identical content of the same kind is imported once.
CREATE UNIQUE INDEX batch_kind_sha ON batch (kind, sha256);

CREATE TABLE reject (
	batch_id    INTEGER NOT NULL,
	row_number  INTEGER NOT NULL,        -- as the user counts it (header = row 1)
	column_name VARCHAR,                 -- canonical field, with the sender's column in message
	value       VARCHAR,                 -- the bad value as given
	message     VARCHAR NOT NULL,        -- what was wrong and what was expected
	raw         VARCHAR                  -- JSON object of the whole row as read
);

CREATE TABLE sharing_event (
	batch_id            INTEGER NOT NULL,
	source_row          INTEGER NOT NULL,
	superseded_by       INTEGER,
	event_id            VARCHAR NOT NULL,
	occurred_on         DATE NOT NULL,
	member_state        VARCHAR NOT NULL,
	channel             VARCHAR NOT NULL,
	relevant            BOOLEAN NOT NULL,
	decision            VARCHAR NOT NULL, -- shared | withheld | pending
	recipient           VARCHAR,
	category            VARCHAR,
	shared_on           DATE,
	withholding_ground  VARCHAR,          -- legal | operational | ongoing_investigation | safety_of_persons | third_party_consent | other
	weighing_documented BOOLEAN,
	weighing_ref        VARCHAR,
	terrorism_marker    BOOLEAN,
	context_provided    BOOLEAN,
	subject_ref         VARCHAR
);

CREATE TABLE action_status (
	batch_id            INTEGER NOT NULL,
	source_row          INTEGER NOT NULL,
	superseded_by       INTEGER,
	programme           VARCHAR NOT NULL,
	action_id           VARCHAR NOT NULL,
	actor               VARCHAR NOT NULL,
	reported_on         DATE NOT NULL,
	status              VARCHAR NOT NULL, -- not_started | in_progress | implemented | ongoing | not_applicable
	title               VARCHAR,
	chapter             VARCHAR,
	deadline            DATE,
	responsible         VARCHAR,          -- space/comma separated actor codes, or MS
	planning            VARCHAR,
	state_of_play       VARCHAR,
	recent_developments VARCHAR,
	completion_pct      DOUBLE,
	evidence_ref        VARCHAR
);

CREATE TABLE retention_record (
	batch_id         INTEGER NOT NULL,
	source_row       INTEGER NOT NULL,
	superseded_by    INTEGER,
	record_id        VARCHAR NOT NULL,
	member_state     VARCHAR NOT NULL,
	register         VARCHAR NOT NULL,
	legal_basis      VARCHAR NOT NULL,
	created_on       DATE NOT NULL,
	kind             VARCHAR,             -- registration | alert
	authority        VARCHAR,
	last_reviewed_on DATE,
	review_outcome   VARCHAR,             -- retain | extend | delete
	deleted_on       DATE,
	impact_assessed  BOOLEAN
);

-- Reference data: reloaded from data/reference/*.csv at every start (data, not code).
CREATE TABLE ref_actor (
	code     VARCHAR PRIMARY KEY,
	kind     VARCHAR NOT NULL,            -- member_state | associated | historical | eu_body
	name_en  VARCHAR NOT NULL,
	name_nl  VARCHAR NOT NULL
);
-- Alternative spellings of actor codes (GR -> EL, UK -> ... none, NLD -> NL, ...)
CREATE TABLE ref_actor_alias (
	alias VARCHAR PRIMARY KEY,            -- upper case
	code  VARCHAR NOT NULL
);
-- Accepted spellings for coded values of every kind: field = status | decision | ground |
-- review_outcome | record_kind | boolean; phrase is lower-cased and trimmed.
CREATE TABLE ref_synonym (
	field  VARCHAR NOT NULL,
	phrase VARCHAR NOT NULL,
	value  VARCHAR NOT NULL,
	PRIMARY KEY (field, phrase)
);
CREATE TABLE retention_rule (
	legal_basis           VARCHAR PRIMARY KEY,
	description           VARCHAR NOT NULL,
	review_months         INTEGER NOT NULL,
	max_retention_months  INTEGER,        -- NULL: no maximum
	grace_days            INTEGER NOT NULL,
	source                VARCHAR NOT NULL,
	note                  VARCHAR
);

-- Current rows: the latest version of each key.
CREATE VIEW sharing_current AS SELECT * FROM sharing_event WHERE superseded_by IS NULL;
CREATE VIEW action_status_current AS SELECT * FROM action_status WHERE superseded_by IS NULL;
CREATE VIEW retention_current AS SELECT * FROM retention_record WHERE superseded_by IS NULL;
