// Signing in and out: the credentials check with its rate limits, the session, and the audit
// entries (sign_in, sign_in_failed, sign_out: about no member state, so for admins only). Whether an account exists is never told: an
// unknown name, a wrong password and a disabled account give the same answer in the same time.
import type { DuckDBConnection } from '@duckdb/node-api';
import { recordAudit } from '../audit.ts';
import { now } from '../clock.ts';
import { checkCredentials, type User } from '../users.ts';
import { signInFailed, signInLockedUntil, signInSucceeded } from './rate-limit.ts';
import { createSession, invalidateSession, type Session } from './session.ts';

export type SignInResult =
	| { ok: true; user: User; token: string; session: Session }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'locked'; retryAt: Date };

/** Names are case-insensitive at sign-in (stored in lower case). */
export function normaliseUsername(typed: string): string {
	return typed.trim().toLowerCase();
}

export async function signIn(
	con: DuckDBConnection,
	input: { username: string; password: string; address: string }
): Promise<SignInResult> {
	const username = normaliseUsername(input.username);
	// What a failure records: the name as typed (capped), never the password.
	const tried = username.slice(0, 64) || '(empty)';
	const lockedUntil = signInLockedUntil(username, input.address, now());
	if (lockedUntil) {
		await recordAudit(con, {
			actor: tried,
			action: 'sign_in_failed',
			memberStates: [],
			details: { address: input.address, reason: 'rate_limited', until: lockedUntil.toISOString() }
		});
		return { ok: false, reason: 'locked', retryAt: lockedUntil };
	}
	const user = await checkCredentials(con, username, input.password);
	if (!user) {
		const until = signInFailed(username, input.address, now());
		await recordAudit(con, {
			actor: tried,
			action: 'sign_in_failed',
			memberStates: [],
			details: { address: input.address, reason: 'credentials' }
		});
		return until
			? { ok: false, reason: 'locked', retryAt: until }
			: { ok: false, reason: 'invalid' };
	}
	signInSucceeded(username);
	const { token, session } = await createSession(con, user.username);
	await recordAudit(con, {
		actor: user.username,
		action: 'sign_in',
		memberStates: [],
		details: { address: input.address, role: user.role }
	});
	return { ok: true, user, token, session };
}

export async function signOut(
	con: DuckDBConnection,
	session: Session,
	user: { username: string }
): Promise<void> {
	await invalidateSession(con, session.id);
	await recordAudit(con, {
		actor: user.username,
		action: 'sign_out',
		memberStates: [],
		details: {}
	});
}
