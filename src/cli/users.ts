// `cosi user ...`: add, list, disable, enable, reset-password, token, tokens, revoke-token.
// Passwords and tokens are printed once, here, and never stored; with --password-stdin the
// password is read from standard input (its last line break dropped) and not printed.
import { createToken, listTokens, revokeToken } from '../lib/server/auth/tokens.ts';
import { addUser, listUsers, resetPassword, setDisabled } from '../lib/server/users.ts';
import type { Io } from './io.ts';
import { parse, UsageError } from './args.ts';
import { renderTable } from './table.ts';

const subcommands = [
	'add',
	'list',
	'disable',
	'enable',
	'reset-password',
	'token',
	'tokens',
	'revoke-token'
];

/** Standard input without its final line break. */
async function passwordFromStdin(io: Io): Promise<string> {
	const text = (await io.readStdin()).replace(/\r?\n$/, '');
	if (text === '') throw new UsageError('--password-stdin: standard input is empty');
	return text;
}

function one(positionals: string[], what: string): string {
	if (positionals.length !== 1) throw new UsageError(`expected one ${what}`);
	return positionals[0];
}

const changeHint =
	'shown once: the user changes it at /account (or an admin runs cosi user reset-password)';

export async function userCommand(args: string[], io: Io): Promise<number> {
	const [sub, ...rest] = args;
	if (!sub || !subcommands.includes(sub)) {
		throw new UsageError(
			`user needs one of ${subcommands.join(', ')}${sub ? ` (not ${JSON.stringify(sub)})` : ''}`
		);
	}
	const actor = `cli:${io.user}`;
	switch (sub) {
		case 'add': {
			const { values, positionals } = parse(
				rest,
				{
					role: { type: 'string' },
					'member-state': { type: 'string', multiple: true },
					'password-stdin': { type: 'boolean' }
				},
				true
			);
			const username = one(positionals, 'NAME');
			if (!values.role) throw new UsageError('user add needs --role');
			const given = values['password-stdin'] ? await passwordFromStdin(io) : undefined;
			return io.withStore(values.db, async (store) => {
				const { user, password } = await addUser(
					store.connection,
					{
						username,
						role: values.role as string,
						memberStates: values['member-state'] ?? [],
						password: given
					},
					actor
				);
				const shown = given === undefined ? password : null;
				if (values.json) {
					io.out(
						JSON.stringify({
							user: user.username,
							role: user.role,
							memberStates: user.memberStates,
							password: shown
						})
					);
				} else {
					const states = user.memberStates.length
						? `, member states ${user.memberStates.join(' ')}`
						: '';
					io.out(`added ${user.username} (${user.role}${states})`);
					if (shown) io.out(`password: ${shown}\n(${changeHint})`);
				}
				return 0;
			});
		}
		case 'list': {
			const { values } = parse(rest, {});
			return io.withStore(values.db, async (store) => {
				const users = await listUsers(store.connection);
				if (values.json) io.out(JSON.stringify(users, null, 2));
				else if (users.length === 0)
					io.out('no users yet: the server creates admin at its first start');
				else
					io.out(
						renderTable(
							users.map((u) => ({
								...u,
								memberStates: u.memberStates.join(' '),
								status: u.disabled ? 'disabled' : 'enabled'
							})),
							[
								['username', 'user'],
								['role', 'role'],
								['memberStates', 'member states'],
								['status', 'status'],
								['sessions', 'sessions'],
								['tokens', 'tokens'],
								['createdAt', 'created'],
								['passwordChangedAt', 'password changed']
							]
						)
					);
				return 0;
			});
		}
		case 'disable':
		case 'enable': {
			const { values, positionals } = parse(rest, {}, true);
			const username = one(positionals, 'NAME');
			return io.withStore(values.db, async (store) => {
				await setDisabled(store.connection, username, sub === 'disable', actor);
				io.out(
					sub === 'disable' ? `disabled ${username} (all sessions ended)` : `enabled ${username}`
				);
				return 0;
			});
		}
		case 'reset-password': {
			const { values, positionals } = parse(rest, { 'password-stdin': { type: 'boolean' } }, true);
			const username = one(positionals, 'NAME');
			const given = values['password-stdin'] ? await passwordFromStdin(io) : undefined;
			return io.withStore(values.db, async (store) => {
				const password = await resetPassword(store.connection, username, actor, given);
				const shown = given === undefined ? password : null;
				if (values.json) io.out(JSON.stringify({ user: username, password: shown }));
				else {
					io.out(`new password for ${username} (all sessions ended)`);
					if (shown) io.out(`password: ${shown}\n(${changeHint})`);
				}
				return 0;
			});
		}
		case 'token': {
			const { values, positionals } = parse(rest, {}, true);
			const username = one(positionals, 'NAME');
			return io.withStore(values.db, async (store) => {
				const { tokenId, token } = await createToken(store.connection, username, actor);
				if (values.json) io.out(JSON.stringify({ user: username, tokenId, token }));
				else
					io.out(
						`token ${tokenId} for ${username}: ${token}\n(shown once; send it as "Authorization: Bearer <token>"; revoke with cosi user revoke-token ${tokenId})`
					);
				return 0;
			});
		}
		case 'tokens': {
			const { values, positionals } = parse(rest, {}, true);
			if (positionals.length > 1) throw new UsageError('expected at most one NAME');
			return io.withStore(values.db, async (store) => {
				const tokens = await listTokens(store.connection, positionals[0] ?? null);
				if (values.json) io.out(JSON.stringify(tokens, null, 2));
				else if (tokens.length === 0) io.out('no tokens');
				else
					io.out(
						renderTable(tokens as unknown as Record<string, unknown>[], [
							['id', 'token id'],
							['username', 'user'],
							['createdAt', 'created'],
							['lastUsedAt', 'last used'],
							['revokedAt', 'revoked']
						])
					);
				return 0;
			});
		}
		case 'revoke-token': {
			const { values, positionals } = parse(rest, {}, true);
			const id = one(positionals, 'token ID');
			return io.withStore(values.db, async (store) => {
				await revokeToken(store.connection, id, actor);
				io.out(`revoked token ${id}`);
				return 0;
			});
		}
	}
	return 1;
}
