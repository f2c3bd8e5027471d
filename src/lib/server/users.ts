// Users: adding, listing, disabling and enabling, passwords (changed by the user, reset by an
// admin) and the first administrator. Every change is in the audit trail; a password change or
// reset and disabling an account end all of that user's sessions.
//
// Used by the CLI (`cosi user ...`), the admin page (/admin/users), /account and sign-in.
// Messages are English for the CLI; the web shows its own text per `UserError.code`.
import type { DuckDBConnection } from '@duckdb/node-api';
import { isRole, scopedRoles, type Role } from '../access.ts';
import { recordAudit } from './audit.ts';
import { now } from './clock.ts';
import { runQuery } from './queries.ts';
import {
	generatePassword,
	hashPassword,
	passwordProblem,
	verifyNothing,
	verifyPassword,
	MIN_PASSWORD_LENGTH,
	type PasswordProblem
} from './auth/password.ts';
import { invalidateUserSessions, SESSION_IDLE_MS, SESSION_MAX_MS } from './auth/session.ts';

export interface User {
	username: string;
	role: Role;
	memberStates: string[];
	disabled: boolean;
	createdAt: string;
	passwordChangedAt: string;
}

export interface UserListing extends User {
	/** Sessions that have not expired. */
	sessions: number;
	/** Unrevoked API tokens. */
	tokens: number;
}

export type UserErrorCode =
	| 'invalid_username'
	| 'exists'
	| 'unknown_user'
	| 'invalid_role'
	| 'states_required'
	| 'states_not_allowed'
	| 'unknown_state'
	| 'wrong_password'
	| 'unknown_token'
	| 'last_admin'
	| PasswordProblem;

/** A refused change, with a reason a person can act on. */
export class UserError extends Error {
	constructor(
		readonly code: UserErrorCode,
		message: string
	) {
		super(message);
		this.name = 'UserError';
	}
}

/** Lower-case letters, digits, dot, dash, underscore; starts with a letter; 2 to 64 characters. */
export const usernamePattern = /^[a-z][a-z0-9._-]{1,63}$/;

const passwordMessages: Record<PasswordProblem, string> = {
	too_short: `password too short: at least ${MIN_PASSWORD_LENGTH} characters`,
	too_long: 'password too long',
	common: 'password refused: it is on the list of common passwords',
	same_as_username: 'password refused: it contains the user name'
};

function checkPassword(password: string, username: string): void {
	const problem = passwordProblem(password, username);
	if (problem) throw new UserError(problem, passwordMessages[problem]);
}

interface UserRow {
	username: string;
	role: Role;
	member_states: string[];
	disabled: boolean;
	created_ms: number;
	password_changed_ms: number;
	password_hash?: string;
	sessions?: number;
	tokens?: number;
}

function toUser(r: UserRow): User {
	return {
		username: r.username,
		role: r.role,
		memberStates: r.member_states,
		disabled: r.disabled,
		createdAt: new Date(r.created_ms).toISOString(),
		passwordChangedAt: new Date(r.password_changed_ms).toISOString()
	};
}

/** The member states an audit entry about this user concerns: theirs, or none. */
export function statesOfUser(user: Pick<User, 'memberStates'>): string[] {
	return [...user.memberStates];
}

async function userRow(con: DuckDBConnection, username: string): Promise<UserRow | undefined> {
	const [row] = await runQuery<UserRow>(con, 'auth/user_get', { username });
	return row;
}

export async function getUser(con: DuckDBConnection, username: string): Promise<User | null> {
	const row = await userRow(con, username);
	return row ? toUser(row) : null;
}

export async function listUsers(con: DuckDBConnection): Promise<UserListing[]> {
	const rows = await runQuery<UserRow>(con, 'auth/user_list', {
		now: now().toISOString(),
		idle_hours: SESSION_IDLE_MS / 3600_000,
		max_hours: SESSION_MAX_MS / 3600_000,
		limit: 100_000,
		offset: 0
	});
	return rows.map((r) => ({ ...toUser(r), sessions: r.sessions ?? 0, tokens: r.tokens ?? 0 }));
}

export async function countUsers(con: DuckDBConnection): Promise<number> {
	const [row] = await runQuery<{ total: number }>(con, 'auth/user_count');
	return row.total;
}

/** Canonical member-state codes (GR becomes EL); refuses EU bodies and unknown codes. */
async function checkStates(con: DuckDBConnection, codes: readonly string[]): Promise<string[]> {
	const out: string[] = [];
	for (const code of codes) {
		const [actor] = await runQuery<{ code: string; kind: string }>(con, 'actor_get', { code });
		if (!actor || actor.kind === 'eu_body') {
			throw new UserError(
				'unknown_state',
				`unknown member state: ${JSON.stringify(code)} (expected an EU code such as NL, DE, EL)`
			);
		}
		if (!out.includes(actor.code)) out.push(actor.code);
	}
	return out.sort();
}

export interface NewUser {
	username: string;
	role: string;
	memberStates: readonly string[];
	/** The password; a random one is generated (and returned) when absent. */
	password?: string;
}

/** Add a user; returns the user and their password (the generated one, shown once). */
export async function addUser(
	con: DuckDBConnection,
	input: NewUser,
	actor: string
): Promise<{ user: User; password: string }> {
	const username = input.username.trim();
	if (!usernamePattern.test(username)) {
		throw new UserError(
			'invalid_username',
			`invalid user name: ${JSON.stringify(username)} (2 to 64 lower-case letters, digits, . _ -; starting with a letter)`
		);
	}
	if (!isRole(input.role)) {
		throw new UserError(
			'invalid_role',
			`invalid role: ${JSON.stringify(input.role)} (expected admin, reviewer, supervisor or ministry)`
		);
	}
	const role = input.role;
	const scoped = scopedRoles.includes(role);
	if (scoped && input.memberStates.length === 0) {
		throw new UserError('states_required', `a ${role} needs at least one --member-state`);
	}
	if (!scoped && input.memberStates.length > 0) {
		throw new UserError(
			'states_not_allowed',
			`a ${role} sees every member state: no --member-state (only supervisor and ministry have them)`
		);
	}
	const memberStates = await checkStates(con, input.memberStates);
	const password = input.password ?? generatePassword();
	checkPassword(password, username);
	if (await userRow(con, username)) {
		throw new UserError('exists', `user ${JSON.stringify(username)} already exists`);
	}
	await runQuery(con, 'auth/user_insert', {
		username,
		role,
		member_states: JSON.stringify(memberStates),
		password_hash: await hashPassword(password),
		at: now().toISOString()
	});
	await recordAudit(con, {
		actor,
		action: 'user_add',
		memberStates,
		details: { user: username, role, memberStates }
	});
	return { user: (await getUser(con, username)) as User, password };
}

async function existing(con: DuckDBConnection, username: string): Promise<User> {
	const user = await getUser(con, username);
	if (!user) throw new UserError('unknown_user', `no user ${JSON.stringify(username)}`);
	return user;
}

/** Disable (ending all their sessions) or enable a user. The last enabled admin stays. */
export async function setDisabled(
	con: DuckDBConnection,
	username: string,
	disabled: boolean,
	actor: string
): Promise<User> {
	const user = await existing(con, username);
	if (disabled && user.role === 'admin' && !user.disabled) {
		const admins = (await listUsers(con)).filter((u) => u.role === 'admin' && !u.disabled);
		if (admins.length <= 1) {
			throw new UserError(
				'last_admin',
				`${username} is the last enabled admin: add or enable another admin first`
			);
		}
	}
	await runQuery(con, 'auth/user_set_disabled', { username, disabled });
	if (disabled) await invalidateUserSessions(con, username);
	await recordAudit(con, {
		actor,
		action: disabled ? 'user_disable' : 'user_enable',
		memberStates: statesOfUser(user),
		details: { user: username }
	});
	return { ...user, disabled };
}

async function storePassword(con: DuckDBConnection, username: string, password: string) {
	await runQuery(con, 'auth/user_set_password', {
		username,
		password_hash: await hashPassword(password),
		at: now().toISOString()
	});
	await invalidateUserSessions(con, username);
}

/**
 * Give a user a new password (generated unless given) and end all their sessions; returns the
 * password, shown once.
 */
export async function resetPassword(
	con: DuckDBConnection,
	username: string,
	actor: string,
	password: string = generatePassword()
): Promise<string> {
	const user = await existing(con, username);
	checkPassword(password, username);
	await storePassword(con, username, password);
	await recordAudit(con, {
		actor,
		action: 'password_reset',
		memberStates: statesOfUser(user),
		details: { user: username }
	});
	return password;
}

/** A user changes their own password: the current one must match. Ends all their sessions. */
export async function changePassword(
	con: DuckDBConnection,
	username: string,
	current: string,
	next: string
): Promise<void> {
	const row = await userRow(con, username);
	if (!row || !(await verifyPassword(row.password_hash ?? '', current))) {
		throw new UserError('wrong_password', 'the current password is not correct');
	}
	checkPassword(next, username);
	await storePassword(con, username, next);
	await recordAudit(con, {
		actor: username,
		action: 'password_change',
		memberStates: statesOfUser(toUser(row)),
		details: { user: username }
	});
}

/**
 * Check a sign-in: the user when the password matches an enabled account, else null. The
 * caller records the outcome (it knows the address and the rate limits).
 */
export async function checkCredentials(
	con: DuckDBConnection,
	username: string,
	password: string
): Promise<User | null> {
	const row = usernamePattern.test(username) ? await userRow(con, username) : undefined;
	if (!row) return verifyNothing(password).then(() => null);
	const ok = await verifyPassword(row.password_hash ?? '', password);
	return ok && !row.disabled ? toUser(row) : null;
}

/**
 * On a database without users, create `admin` with a random password and return it (to be shown
 * once, on the console only); null when there are users already.
 */
export async function ensureFirstAdmin(
	con: DuckDBConnection,
	actor: string
): Promise<string | null> {
	if ((await countUsers(con)) > 0) return null;
	const { password } = await addUser(
		con,
		{ username: 'admin', role: 'admin', memberStates: [] },
		actor
	);
	return password;
}
