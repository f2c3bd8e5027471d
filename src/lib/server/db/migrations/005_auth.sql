-- 005_auth: users, sessions, personal API tokens and the audit trail.
--
-- Times are UTC instants (TIMESTAMP without zone, always written from the injectable clock,
-- src/lib/server/clock.ts). Secrets are never stored: a session or API token is kept only as the
-- SHA-256 (hex) of the token the client holds, a password only as its argon2id hash.
--
-- Failed sign-ins are rate-limited in the server's memory (src/lib/server/auth/rate-limit.ts),
-- not here: every failure is in audit_log anyway, and a table written on every failed attempt
-- would let anyone fill the disk.

CREATE TABLE app_user (
	username            VARCHAR PRIMARY KEY,
	role                VARCHAR NOT NULL CHECK (role IN ('admin', 'reviewer', 'supervisor', 'ministry')),
	-- The member states of a supervisor or ministry user (EU codes); empty for admin and reviewer.
	member_states       VARCHAR[] NOT NULL,
	password_hash       VARCHAR NOT NULL,      -- argon2id, PHC string
	disabled            BOOLEAN NOT NULL DEFAULT false,
	created_at          TIMESTAMP NOT NULL,
	password_changed_at TIMESTAMP NOT NULL
);

CREATE TABLE user_session (
	id           VARCHAR PRIMARY KEY,          -- SHA-256 hex of the session token
	username     VARCHAR NOT NULL,
	created_at   TIMESTAMP NOT NULL,           -- absolute expiry: created_at + 12 hours
	last_seen_at TIMESTAMP NOT NULL            -- idle expiry: last_seen_at + 8 hours
);
CREATE INDEX user_session_username ON user_session (username);

CREATE TABLE api_token (
	id           VARCHAR PRIMARY KEY,          -- public id, shown in lists and used to revoke
	username     VARCHAR NOT NULL,
	token_hash   VARCHAR NOT NULL UNIQUE,      -- SHA-256 hex of the whole token
	created_at   TIMESTAMP NOT NULL,
	revoked_at   TIMESTAMP,
	last_used_at TIMESTAMP
);

-- Append-only. Each entry's hash is the SHA-256 of its content together with prev_hash, the hash
-- of the entry before it (64 zeros for the first), so an edited, deleted or reordered entry
-- breaks the chain (src/lib/server/audit.ts; `npx cosi audit verify`).
CREATE TABLE audit_log (
	seq           BIGINT PRIMARY KEY,          -- 1, 2, 3, ... without gaps
	logged_at     TIMESTAMP NOT NULL,
	actor         VARCHAR NOT NULL,            -- username, cli:<os user>, or the name tried at sign-in
	action        VARCHAR NOT NULL,            -- sign_in, sign_in_failed, csv_download, import, ...
	-- The member states the entry is about: NULL = all of them, [] = none.
	member_states VARCHAR[],
	details       VARCHAR NOT NULL,            -- JSON object, exactly the text that was hashed
	prev_hash     VARCHAR NOT NULL,
	hash          VARCHAR NOT NULL
);
