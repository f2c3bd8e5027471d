// Sessions (the Lucia guide's scheme on our DuckDB tables): the browser holds a random token in
// an httpOnly cookie; the database holds only its SHA-256, as the session id. A session ends
// after 8 hours without a request (sliding) and 12 hours after sign-in whatever happens, when the
// user signs out, and when their password changes or their account is disabled.
//
// Validation is at most one indexed lookup (session joined with its user), and usually none: a
// looked-up session is remembered in memory for a minute. That is sound because every change to
// sessions and users happens in this process (the server holds the database file; the CLI talks to
// it over the operator channel) and each such change forgets what it affects here at once. (A
// DuckDB point query costs 1-4 ms, which at the overview's request rate would cost more than the
// 10 % of throughput the issue allows.) The time a session was last seen is written at most every
// 5 minutes, not on every request, so the idle limit is met to within 5 minutes, always on the
// early side.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Cookies } from '@sveltejs/kit';
import type { Role } from '../../access.ts';
import { now } from '../clock.ts';
import { runQuery } from '../queries.ts';
import { hashSecret, randomSecret } from './secret.ts';

export const SESSION_IDLE_MS = 8 * 3600_000;
export const SESSION_MAX_MS = 12 * 3600_000;
/** last_seen_at is written when it is older than this. */
export const SESSION_TOUCH_MS = 5 * 60_000;
/** A remembered lookup is repeated after this long. */
const RECHECK_MS = 60_000;
const MAX_REMEMBERED = 10_000;
export const SESSION_COOKIE = 'cosi_session';

export interface Session {
	/** SHA-256 (hex) of the token. */
	id: string;
	username: string;
	createdAt: Date;
	lastSeenAt: Date;
	/** When it ends unless used again: the earlier of idle and absolute expiry. */
	expiresAt: Date;
}

export interface SessionUser {
	username: string;
	role: Role;
	memberStates: string[];
}

function expiry(createdAt: Date, lastSeenAt: Date): Date {
	return new Date(
		Math.min(lastSeenAt.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_MAX_MS)
	);
}

/** Start a session for `username`; the token goes into the cookie and nowhere else. */
export async function createSession(
	con: DuckDBConnection,
	username: string
): Promise<{ token: string; session: Session }> {
	const token = randomSecret();
	const id = hashSecret(token);
	const at = now();
	await runQuery(con, 'auth/session_insert', { id, username, at: at.toISOString() });
	return {
		token,
		session: { id, username, createdAt: at, lastSeenAt: at, expiresAt: expiry(at, at) }
	};
}

interface SessionRow {
	id: string;
	username: string;
	created_ms: number;
	last_seen_ms: number;
	role: Role;
	member_states: string[];
	disabled: boolean;
}

/** Looked-up sessions by id, with when they were read (oldest first). */
const remembered = new Map<string, { row: SessionRow; readAt: number }>();

function remember(row: SessionRow, readAt: number): void {
	remembered.delete(row.id);
	remembered.set(row.id, { row, readAt });
	while (remembered.size > MAX_REMEMBERED) {
		remembered.delete(remembered.keys().next().value as string);
	}
}

/** Forget what this process remembers of a user's sessions (any change to the user). */
export function forgetUser(username: string): void {
	for (const [id, { row }] of remembered) if (row.username === username) remembered.delete(id);
}

/**
 * A connection, or a way to get one only when needed (accounts.ts withAccounts): a session looked
 * up a moment ago needs no database at all.
 */
export type Database =
	DuckDBConnection | (<T>(fn: (con: DuckDBConnection) => Promise<T>) => Promise<T>);

function using(db: Database) {
	return <T>(fn: (con: DuckDBConnection) => Promise<T>): Promise<T> =>
		typeof db === 'function' ? db(fn) : fn(db);
}

async function lookup(db: Database, id: string, t: number): Promise<SessionRow | null> {
	const hit = remembered.get(id);
	if (hit && t - hit.readAt < RECHECK_MS && t >= hit.readAt) return hit.row;
	const [row] = await using(db)((con) => runQuery<SessionRow>(con, 'auth/session_get', { id }));
	if (!row) {
		remembered.delete(id);
		return null;
	}
	remember(row, t);
	return row;
}

/**
 * The session and user a token belongs to, or null when the token is unknown, the session has
 * expired (it is then deleted) or the user is disabled. Extends the idle expiry.
 */
export async function validateSessionToken(
	db: Database,
	token: string
): Promise<{ session: Session; user: SessionUser } | null> {
	const id = hashSecret(token);
	const t = now();
	const row = await lookup(db, id, t.getTime());
	if (!row) return null;
	const createdAt = new Date(row.created_ms);
	let lastSeenAt = new Date(row.last_seen_ms);
	if (row.disabled || t.getTime() >= expiry(createdAt, lastSeenAt).getTime()) {
		await using(db)((con) => invalidateSession(con, id));
		return null;
	}
	if (t.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_MS) {
		lastSeenAt = t;
		await using(db)((con) => runQuery(con, 'auth/session_touch', { id, at: t.toISOString() }));
		row.last_seen_ms = t.getTime();
	}
	return {
		session: {
			id,
			username: row.username,
			createdAt,
			lastSeenAt,
			expiresAt: expiry(createdAt, lastSeenAt)
		},
		user: { username: row.username, role: row.role, memberStates: row.member_states }
	};
}

export async function invalidateSession(con: DuckDBConnection, id: string): Promise<void> {
	remembered.delete(id);
	await runQuery(con, 'auth/session_delete', { id });
}

/** End every session of a user (password change or reset, account disabled). */
export async function invalidateUserSessions(
	con: DuckDBConnection,
	username: string
): Promise<void> {
	forgetUser(username);
	await runQuery(con, 'auth/session_delete_user', { username });
}

/** Remove expired sessions (at server start; validation removes the ones it meets). */
export async function deleteExpiredSessions(con: DuckDBConnection): Promise<void> {
	await runQuery(con, 'auth/session_delete_expired', {
		now: now().toISOString(),
		idle_hours: SESSION_IDLE_MS / 3600_000,
		max_hours: SESSION_MAX_MS / 3600_000
	});
}

/** `secure` unless the site is plain http on this machine (localhost or 127.0.0.1). */
export function secureCookie(url: URL): boolean {
	return !(url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname));
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string) {
	// A browser-session cookie (no Expires): the server enforces both limits, by its own clock,
	// so a browser whose clock is off neither keeps it longer nor drops it early.
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: secureCookie(url)
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(SESSION_COOKIE, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: secureCookie(url)
	});
}
