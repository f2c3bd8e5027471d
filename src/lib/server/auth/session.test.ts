// Sessions, users and API tokens on a real DuckDB file, with the injectable clock: idle and
// absolute expiry, and the changes that end every session of a user (password change, reset,
// disable), token revocation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetClock, setClock } from '../clock.ts';
import { closeStore, openStore, type Store } from '../db.ts';
import {
	addUser,
	changePassword,
	checkCredentials,
	ensureFirstAdmin,
	listUsers,
	resetPassword,
	setDisabled,
	UserError
} from '../users.ts';
import {
	createSession,
	SESSION_IDLE_MS,
	SESSION_MAX_MS,
	SESSION_TOUCH_MS,
	validateSessionToken
} from './session.ts';
import { signIn, signOut } from './signin.ts';
import { signInLimits } from './rate-limit.ts';
import { createToken, listTokens, revokeToken, validateApiToken } from './tokens.ts';

let dir: string;
let path: string;
let store: Store;
let time = Date.UTC(2026, 0, 5, 8, 0, 0);
const minutes = (n: number) => n * 60_000;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cosi-session-test-'));
	path = join(dir, 'auth.duckdb');
	store = await openStore(path);
	setClock(() => new Date(time));
});
afterAll(async () => {
	resetClock();
	await closeStore(path);
	rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
	signInLimits.account.reset();
	signInLimits.address.reset();
});

const con = () => store.connection;
const passwordOf = async (username: string, role = 'reviewer', memberStates: string[] = []) =>
	(await addUser(con(), { username, role, memberStates }, 'test')).password;

describe('sessions', () => {
	it('only the SHA-256 of the token is stored', async () => {
		await passwordOf('hashonly');
		const { token, session } = await createSession(con(), 'hashonly');
		const stored = (
			await con().runAndReadAll(`SELECT id FROM user_session WHERE username = 'hashonly'`)
		).getRows();
		expect(stored).toEqual([[session.id]]);
		expect(session.id).toMatch(/^[0-9a-f]{64}$/);
		expect(session.id).not.toContain(token);
	});

	it('end after 8 hours without a request (sliding)', async () => {
		await passwordOf('idle');
		const { token } = await createSession(con(), 'idle');
		// Used every 7 hours: still valid after 10 hours in all.
		time += 7 * 3600_000;
		expect(await validateSessionToken(con(), token)).not.toBeNull();
		time += 3 * 3600_000;
		expect(await validateSessionToken(con(), token)).not.toBeNull();
		// Then 8 hours of silence: ended, and removed.
		time += SESSION_IDLE_MS;
		expect(await validateSessionToken(con(), token)).toBeNull();
		time -= SESSION_IDLE_MS;
		expect(await validateSessionToken(con(), token)).toBeNull();
	});

	it('end 12 hours after sign-in, however busy', async () => {
		await passwordOf('busy');
		const { token } = await createSession(con(), 'busy');
		for (let used = 0; used + 60 < SESSION_MAX_MS / 60_000; used += 60) {
			time += minutes(60);
			expect(await validateSessionToken(con(), token), `after ${used + 60} min`).not.toBeNull();
		}
		time += minutes(60);
		expect(await validateSessionToken(con(), token)).toBeNull();
	});

	it('write last_seen_at at most every 5 minutes', async () => {
		await passwordOf('touch');
		const { token, session } = await createSession(con(), 'touch');
		const lastSeen = async () =>
			Number(
				(
					await con().runAndReadAll(
						`SELECT epoch_ms(last_seen_at) FROM user_session WHERE id = '${session.id}'`
					)
				).getRows()[0][0]
			);
		const start = await lastSeen();
		time += SESSION_TOUCH_MS - 1000;
		await validateSessionToken(con(), token);
		expect(await lastSeen()).toBe(start);
		time += 2000;
		await validateSessionToken(con(), token);
		expect(await lastSeen()).toBe(time);
	});

	it('a password change, a reset and disabling end every session of the user', async () => {
		const password = await passwordOf('ends', 'supervisor', ['NL']);
		const a = await createSession(con(), 'ends');
		const b = await createSession(con(), 'ends');
		const other = await passwordOf('bystander');
		const c = await createSession(con(), 'bystander');
		expect(await validateSessionToken(con(), a.token)).not.toBeNull();

		await changePassword(con(), 'ends', password, 'a brand new secret');
		expect(await validateSessionToken(con(), a.token)).toBeNull();
		expect(await validateSessionToken(con(), b.token)).toBeNull();
		expect(await validateSessionToken(con(), c.token)).not.toBeNull();
		expect(await checkCredentials(con(), 'ends', password)).toBeNull();
		expect(await checkCredentials(con(), 'ends', 'a brand new secret')).not.toBeNull();

		const d = await createSession(con(), 'ends');
		await resetPassword(con(), 'ends', 'test');
		expect(await validateSessionToken(con(), d.token)).toBeNull();

		const e = await createSession(con(), 'bystander');
		await setDisabled(con(), 'bystander', true, 'test');
		expect(await validateSessionToken(con(), c.token)).toBeNull();
		expect(await validateSessionToken(con(), e.token)).toBeNull();
		expect(await checkCredentials(con(), 'bystander', other)).toBeNull();
		await setDisabled(con(), 'bystander', false, 'test');
		expect(await checkCredentials(con(), 'bystander', other)).not.toBeNull();
	});

	it('a wrong current password changes nothing', async () => {
		const password = await passwordOf('careful');
		await expect(
			changePassword(con(), 'careful', 'not my password', 'another secret!')
		).rejects.toThrow(UserError);
		await expect(changePassword(con(), 'careful', password, 'short')).rejects.toMatchObject({
			code: 'too_short'
		});
		expect(await checkCredentials(con(), 'careful', password)).not.toBeNull();
	});
});

describe('sign-in', () => {
	it('says the same for an unknown name, a wrong password and a disabled account', async () => {
		const password = await passwordOf('signer');
		await passwordOf('gone');
		await setDisabled(con(), 'gone', true, 'test');
		const tries = [
			{ username: 'nobody-here', password },
			{ username: 'signer', password: 'wrong password!' },
			{ username: 'gone', password }
		];
		for (const t of tries) {
			expect(await signIn(con(), { ...t, address: '10.1.1.1' })).toEqual({
				ok: false,
				reason: 'invalid'
			});
		}
		const ok = await signIn(con(), { username: ' Signer ', password, address: '10.1.1.1' });
		expect(ok.ok).toBe(true);
		if (ok.ok) {
			expect(ok.user.username).toBe('signer');
			expect(await validateSessionToken(con(), ok.token)).not.toBeNull();
			await signOut(con(), ok.session, ok.user);
			expect(await validateSessionToken(con(), ok.token)).toBeNull();
		}
	});

	it('refuses without checking while an account is locked, also the right password', async () => {
		const password = await passwordOf('target');
		for (let i = 0; i < 3; i++) {
			const r = await signIn(con(), {
				username: 'target',
				password: 'guess guess guess',
				address: '10.2.2.2'
			});
			expect(r).toEqual({ ok: false, reason: 'invalid' });
		}
		const fourth = await signIn(con(), {
			username: 'target',
			password: 'guess guess guess',
			address: '10.2.2.2'
		});
		expect(fourth).toMatchObject({ ok: false, reason: 'locked', retryAt: new Date(time + 1000) });
		const right = await signIn(con(), { username: 'target', password, address: '10.2.2.3' });
		expect(right).toMatchObject({ ok: false, reason: 'locked' });
		time += 1000;
		expect((await signIn(con(), { username: 'target', password, address: '10.2.2.3' })).ok).toBe(
			true
		);
	});

	it('records successes, failures and sign-outs in the audit trail', async () => {
		const rows = (
			await con().runAndReadAll(
				`SELECT action, actor FROM audit_log WHERE actor IN ('signer', 'nobody-here') ORDER BY seq`
			)
		).getRows();
		expect(rows).toEqual([
			['sign_in_failed', 'nobody-here'],
			['sign_in_failed', 'signer'],
			['sign_in', 'signer'],
			['sign_out', 'signer']
		]);
	});
});

describe('API tokens', () => {
	it('carry the owner, are stored hashed, and stop working when revoked or the owner is disabled', async () => {
		await passwordOf('script', 'ministry', ['NL']);
		await passwordOf('admin2', 'admin');
		const { tokenId, token } = await createToken(con(), 'script', 'test');
		expect(token).toMatch(/^cosi_[a-z2-7]+_[a-z2-7]+$/);
		expect(await validateApiToken(con(), token)).toEqual({
			tokenId,
			username: 'script',
			role: 'ministry',
			memberStates: ['NL']
		});
		const stored = (await con().runAndReadAll(`SELECT * FROM api_token`)).getRowObjectsJson();
		expect(JSON.stringify(stored)).not.toContain(token);

		await setDisabled(con(), 'script', true, 'test');
		expect(await validateApiToken(con(), token)).toBeNull();
		await setDisabled(con(), 'script', false, 'test');
		expect(await validateApiToken(con(), token)).not.toBeNull();

		await expect(revokeToken(con(), tokenId, 'admin2', 'admin2')).rejects.toMatchObject({
			code: 'unknown_token'
		});
		await revokeToken(con(), tokenId, 'script', 'script');
		expect(await validateApiToken(con(), token)).toBeNull();
		expect((await listTokens(con(), 'script'))[0].revokedAt).not.toBeNull();
		await expect(revokeToken(con(), tokenId, 'test')).rejects.toMatchObject({
			code: 'unknown_token'
		});
		expect(await validateApiToken(con(), 'cosi_nope_nope')).toBeNull();
		expect(await validateApiToken(con(), 'not a token')).toBeNull();
	});
});

describe('users', () => {
	it('checks names, roles and member states; the first admin only on an empty database', async () => {
		const add = (username: string, role: string, memberStates: string[] = []) =>
			addUser(con(), { username, role, memberStates }, 'test');
		await expect(add('Bad Name', 'admin')).rejects.toMatchObject({ code: 'invalid_username' });
		await expect(add('newone', 'root')).rejects.toMatchObject({ code: 'invalid_role' });
		await expect(add('newone', 'supervisor')).rejects.toMatchObject({ code: 'states_required' });
		await expect(add('newone', 'reviewer', ['NL'])).rejects.toMatchObject({
			code: 'states_not_allowed'
		});
		await expect(add('newone', 'ministry', ['EUROPOL'])).rejects.toMatchObject({
			code: 'unknown_state'
		});
		const { user } = await add('greek', 'supervisor', ['gr', 'EL', 'nl']);
		expect(user.memberStates).toEqual(['EL', 'NL']);
		await expect(add('greek', 'admin')).rejects.toMatchObject({ code: 'exists' });
		expect(await ensureFirstAdmin(con(), 'test')).toBeNull();
		expect((await listUsers(con())).some((u) => u.username === 'admin')).toBe(false);
	});

	it('creates admin with a random password on a database without users', async () => {
		const emptyPath = join(dir, 'empty.duckdb');
		const empty = await openStore(emptyPath);
		try {
			const password = await ensureFirstAdmin(empty.connection, 'server');
			expect(password).toMatch(/^[a-z2-7]{24}$/);
			expect(await checkCredentials(empty.connection, 'admin', password as string)).toMatchObject({
				role: 'admin'
			});
			expect(await ensureFirstAdmin(empty.connection, 'server')).toBeNull();
		} finally {
			await closeStore(emptyPath);
		}
	});

	it('never disables the last enabled admin', async () => {
		const lonePath = join(dir, 'lone.duckdb');
		const lone = await openStore(lonePath);
		try {
			await ensureFirstAdmin(lone.connection, 'server');
			await expect(setDisabled(lone.connection, 'admin', true, 'test')).rejects.toMatchObject({
				code: 'last_admin'
			});
		} finally {
			await closeStore(lonePath);
		}
	});
});
