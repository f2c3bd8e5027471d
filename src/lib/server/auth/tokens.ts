// Personal API tokens for scripts: `Authorization: Bearer <token>` on /api/v1/... and the CSV
// downloads. A token carries its owner's role and scope (looked up at every use, so a changed
// role or a disabled account takes effect at once); it is shown once when created, stored only as
// its SHA-256, and revoked by its public id.
//
// Format: `cosi_<id>_<secret>`: the id (8 random bytes) names the token in lists and in
// `cosi user revoke-token ID`; the secret is 20 random bytes.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Role } from '../../access.ts';
import { recordAudit } from '../audit.ts';
import { now } from '../clock.ts';
import { runQuery } from '../queries.ts';
import { hashSecret, randomSecret } from './secret.ts';
import { UserError, getUser, statesOfUser } from '../users.ts';

/** last_used_at is written when it is older than this (as a session's last_seen_at). */
const TOUCH_MS = 5 * 60_000;

export interface ApiToken {
	id: string;
	username: string;
	createdAt: string;
	revokedAt: string | null;
	lastUsedAt: string | null;
}

interface TokenRow {
	id: string;
	username: string;
	created_ms: number;
	revoked_ms: number | null;
	last_used_ms: number | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A new token for `username`; the token itself is returned once and never stored. */
export async function createToken(
	con: DuckDBConnection,
	username: string,
	actor: string
): Promise<{ tokenId: string; token: string }> {
	const user = await getUser(con, username);
	if (!user) throw new UserError('unknown_user', `no user ${JSON.stringify(username)}`);
	const tokenId = randomSecret(8);
	const token = `cosi_${tokenId}_${randomSecret()}`;
	await runQuery(con, 'auth/token_insert', {
		id: tokenId,
		username,
		token_hash: hashSecret(token),
		at: now().toISOString()
	});
	await recordAudit(con, {
		actor,
		action: 'token_create',
		memberStates: statesOfUser(user),
		details: { user: username, tokenId }
	});
	return { tokenId, token };
}

/**
 * Revoke a token by id. `owner`, when given, must own it (a user revoking their own token).
 * Throws UserError('unknown_token') when there is no such unrevoked token.
 */
export async function revokeToken(
	con: DuckDBConnection,
	tokenId: string,
	actor: string,
	owner?: string
): Promise<void> {
	if (owner !== undefined) {
		const mine = await listTokens(con, owner);
		if (!mine.some((t) => t.id === tokenId && t.revokedAt === null)) {
			throw new UserError('unknown_token', `no active token ${JSON.stringify(tokenId)}`);
		}
	}
	const [row] = await runQuery<{ username: string }>(con, 'auth/token_revoke', {
		id: tokenId,
		at: now().toISOString()
	});
	if (!row) throw new UserError('unknown_token', `no active token ${JSON.stringify(tokenId)}`);
	const user = await getUser(con, row.username);
	await recordAudit(con, {
		actor,
		action: 'token_revoke',
		memberStates: user ? statesOfUser(user) : [],
		details: { user: row.username, tokenId }
	});
}

/** The tokens of one user (or of all users), newest first, revoked ones included. */
export async function listTokens(con: DuckDBConnection, username: string | null) {
	const rows = await runQuery<TokenRow>(con, 'auth/token_list', {
		username,
		limit: 10_000,
		offset: 0
	});
	return rows.map((r): ApiToken => ({
		id: r.id,
		username: r.username,
		createdAt: iso(r.created_ms) as string,
		revokedAt: iso(r.revoked_ms),
		lastUsedAt: iso(r.last_used_ms)
	}));
}

interface ValidRow {
	id: string;
	username: string;
	last_used_ms: number | null;
	role: Role;
	member_states: string[];
	disabled: boolean;
}

/** The owner of a presented token, or null (unknown, revoked, or the owner is disabled). */
export async function validateApiToken(
	con: DuckDBConnection,
	token: string
): Promise<{ tokenId: string; username: string; role: Role; memberStates: string[] } | null> {
	if (!/^cosi_[a-z2-7]+_[a-z2-7]+$/.test(token)) return null;
	const [row] = await runQuery<ValidRow>(con, 'auth/token_get', { token_hash: hashSecret(token) });
	if (!row || row.disabled) return null;
	const t = now();
	if (row.last_used_ms === null || t.getTime() - row.last_used_ms >= TOUCH_MS) {
		await runQuery(con, 'auth/token_touch', { id: row.id, at: t.toISOString() });
	}
	return {
		tokenId: row.id,
		username: row.username,
		role: row.role,
		memberStates: row.member_states
	};
}
