// The `cosi` command as a user runs it: a child process on a real DuckDB file.
import { execFile, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	advanceServerClock,
	channelPath,
	channelProblem,
	startChannel
} from '../lib/server/channel.ts';
import { closeStore, openStore, repoRoot } from '../lib/server/db.ts';
import { channelIo } from './io.ts';
import { main } from './main.ts';
import type { IngestResult } from '../lib/server/ingest/types.ts';
import type { BatchListRow } from '../lib/imports.ts';
import type { RejectAllRow } from '../lib/server/query-rows.ts';

/** What the CLI printed with --json, as the type it prints. */
function parsed<T>(stdout: string): T {
	return JSON.parse(stdout) as T;
}

// vitest's asymmetric matchers are typed any; as unknown they can stand for any value.
const containing = (text: string): unknown => expect.stringContaining(text);
const someText: unknown = expect.any(String);

/** A --json error: a message and its code. */
interface CliError {
	error: string;
	code: string;
}

const bin = join(repoRoot, 'bin/cosi.js');
let dir: string;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'cosi-cli-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

function cosi(args: string[], env: NodeJS.ProcessEnv = {}, stdin?: string): Promise<Run> {
	return new Promise((resolve) => {
		const child = execFile(
			process.execPath,
			[bin, ...args],
			{ cwd: dir, env: { ...process.env, COSI_USER: 'tester', ...env } },
			(error, stdout, stderr) => {
				resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
			}
		);
		if (stdin !== undefined) child.stdin?.end(stdin);
	});
}

function file(name: string, content: string): string {
	const path = join(dir, name);
	writeFileSync(path, content);
	return path;
}

const header = 'event_id,occurred_on,member_state,channel,relevant,decision';

describe('cosi ingest', () => {
	it('exit codes 0 (accepted), 0 (duplicate), 3 (partial), 2 (rejected) with the --json shape', async () => {
		const db = join(dir, 'codes.duckdb');
		const good = file('good.csv', `${header}\nA1,2024-01-01,NL,SIS,true,shared\n`);
		const partial = file(
			'partial.csv',
			`${header}\nB1,2024-01-01,NL,SIS,true,shared\nB2,2024-01-01,NL,SIS,true,gereedd\n`
		);
		const rejected = file('rejected.csv', `event_id,occurred_on\nC1,2024-01-01\n`);

		const ok = await cosi(['ingest', good, '--kind', 'sharing', '--db', db, '--json']);
		expect(ok.code).toBe(0);
		const okJson = parsed<IngestResult>(ok.stdout);
		expect(Object.keys(okJson)).toEqual(
			expect.arrayContaining([
				'batchId',
				'kind',
				'file',
				'sha256',
				'status',
				'rowsRead',
				'rowsAccepted',
				'rowsRejected',
				'errors'
			])
		);
		expect(okJson).toMatchObject({
			batchId: 1,
			kind: 'sharing',
			file: 'good.csv',
			status: 'accepted',
			rowsRead: 1,
			rowsAccepted: 1,
			rowsRejected: 0,
			errors: []
		});

		const dup = await cosi(['ingest', good, '--kind', 'sharing', '--db', db, '--json']);
		expect(dup.code).toBe(0);
		expect(JSON.parse(dup.stdout)).toMatchObject({ status: 'duplicate', batchId: 1 });

		const part = await cosi(['ingest', partial, '--kind', 'sharing', '--db', db, '--json']);
		expect(part.code).toBe(3);
		expect(JSON.parse(part.stdout)).toMatchObject({
			status: 'partial',
			rowsRead: 2,
			rowsAccepted: 1,
			rowsRejected: 1,
			errors: [
				{
					row: 3,
					column: 'decision',
					value: 'gereedd',
					message: containing('expected one of shared, withheld, pending')
				}
			]
		});

		const rej = await cosi(['ingest', rejected, '--kind', 'sharing', '--db', db, '--json']);
		expect(rej.code).toBe(2);
		expect(JSON.parse(rej.stdout)).toMatchObject({ status: 'rejected', batchId: null });

		// Several files: one JSON object per line, the worst exit code wins.
		const both = await cosi(['ingest', good, rejected, '--kind', 'sharing', '--db', db, '--json']);
		expect(both.code).toBe(2);
		expect(
			both.stdout
				.trim()
				.split('\n')
				.map((l) => parsed<IngestResult>(l).status)
		).toEqual(['duplicate', 'rejected']);

		const batches = parsed<BatchListRow[]>((await cosi(['batches', '--db', db, '--json'])).stdout);
		expect(batches.map((b) => b.file_name)).toEqual(['partial.csv', 'good.csv']);
		const rejects = parsed<RejectAllRow[]>(
			(await cosi(['rejects', '--batch', '2', '--db', db, '--json'])).stdout
		);
		expect(rejects).toEqual([
			expect.objectContaining({
				batch_id: 2,
				file_name: 'partial.csv',
				row_number: 3,
				column_name: 'decision',
				value: 'gereedd'
			})
		]);
	});

	it('readable output names the row, column, value and expectation', async () => {
		const db = join(dir, 'text.duckdb');
		const partial = file('p2.csv', `${header}\nD1,31-02-2024,NL,SIS,true,shared\n`);
		const run = await cosi(['ingest', partial, '--kind', 'sharing', '--db', db]);
		expect(run.code).toBe(3);
		expect(run.stdout).toContain(
			'row 2, column "occurred_on": invalid date (expected a real date as YYYY-MM-DD or dd-mm-jjjj); value "31-02-2024"'
		);
	});

	it('usage errors exit 1 with a message, not a stack trace', async () => {
		const run = await cosi(['ingest', 'x.csv', '--kind', 'sharng']);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain(
			'invalid --kind: "sharng" (expected one of sharing, actions, retention)'
		);
		expect(run.stderr).not.toMatch(/\n\s+at /);
	});

	it('with --json, bad arguments are a JSON error on stdout with the same exit code', async () => {
		const cases: [string[], RegExp][] = [
			[['ingest', 'x.csv', '--kind', 'sharng', '--json'], /^invalid --kind: "sharng"/],
			[['ingest', '--json', '--kind', 'sharing'], /^ingest needs at least one FILE/],
			[['batches', '--json', '--limit', 'lots'], /^invalid --limit: "lots"/],
			[['rejects', '--bogus', '--json'], /Unknown option '--bogus'/],
			[['frobnicate', '--json'], /^unknown command: "frobnicate"/],
			[['metrics', '--as-of', '2024-02-30', '--json', '--db', join(dir, 'm.duckdb')], /2024-02-30/]
		];
		for (const [args, message] of cases) {
			const run = await cosi(args);
			expect(run.code, args.join(' ')).toBe(1);
			const error = parsed<CliError>(run.stdout);
			expect(Object.keys(error).sort()).toEqual(['code', 'error']);
			expect(error.code).toBe('usage');
			expect(error.error).toMatch(message);
			// Nothing else on stdout, and no usage text or stack on stderr.
			expect(run.stdout.trim().split('\n')).toHaveLength(1);
			expect(run.stderr).not.toMatch(/usage:|\n\s+at /);
		}
	});

	it('without --json, the same errors stay text on stderr', async () => {
		const run = await cosi(['batches', '--limit', 'lots']);
		expect(run.code).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr).toMatch(/^cosi: invalid --limit: "lots"/);
	});

	it('a new --db file starts empty: the CLI never loads samples by itself', async () => {
		const run = await cosi(['batches', '--db', join(dir, 'fresh.duckdb'), '--json']);
		expect(run.code).toBe(0);
		expect(JSON.parse(run.stdout)).toEqual([]);
	});

	it('COSI_DB selects the database when --db is absent', async () => {
		const db = join(dir, 'env.duckdb');
		const good = file('env.csv', `${header}\nE1,2024-01-01,NL,SIS,true,shared\n`);
		expect((await cosi(['ingest', good, '--kind', 'sharing'], { COSI_DB: db })).code).toBe(0);
		expect(JSON.parse((await cosi(['batches', '--db', db, '--json'])).stdout)).toHaveLength(1);
	});

	it('says clearly when another process holds the database', async () => {
		const db = join(dir, 'locked.duckdb');
		const good = file('locked.csv', `${header}\nL${'1'.repeat(3)},2024-01-01,NL,SIS,true,shared\n`);
		// Hold the file with a paused import in another process.
		const holder = spawn(process.execPath, [bin, 'ingest', good, '--kind', 'sharing', '--db', db], {
			env: { ...process.env, COSI_TEST_PAUSE_BEFORE_COMMIT: '1' },
			stdio: ['ignore', 'ignore', 'pipe']
		});
		await new Promise<void>((resolve) => {
			holder.stderr.on('data', (d: Buffer) => {
				if (d.toString().includes('paused before commit')) resolve();
			});
		});
		try {
			const run = await cosi(['batches', '--db', db]);
			expect(run.code).toBe(1);
			expect(run.stderr).toMatch(
				/^cosi: database .*locked\.duckdb is locked by another process \(.*\); stop it, or use another file/
			);
			expect(run.stderr).not.toMatch(/\n\s+at /);

			// With --json: the same message and exit code, as JSON on stdout.
			for (const args of [
				['batches', '--db', db, '--json'],
				['ingest', good, '--kind', 'sharing', '--db', db, '--json']
			]) {
				const json = await cosi(args);
				expect(json.code, args[0]).toBe(1);
				const error = parsed<CliError>(json.stdout);
				expect(error).toEqual({ error: someText, code: 'database_locked' });
				expect(error.error).toMatch(/locked\.duckdb is locked by another process/);
				expect(json.stderr).toBe('');
			}
		} finally {
			holder.kill('SIGKILL');
		}
	});
});

describe('cosi user', () => {
	it('adds, lists, disables, enables, resets and issues and revokes tokens', async () => {
		const db = join(dir, 'users.duckdb');
		const added = await cosi([
			'user',
			'add',
			'sup',
			'--role',
			'supervisor',
			'--member-state',
			'nl',
			'--member-state',
			'BE',
			'--json',
			'--db',
			db
		]);
		expect(added.code).toBe(0);
		const json = parsed<{ user: string; role: string; memberStates: string[]; password: string }>(
			added.stdout
		);
		expect(Object.keys(json)).toEqual(['user', 'role', 'memberStates', 'password']);
		expect(json).toMatchObject({ user: 'sup', role: 'supervisor', memberStates: ['BE', 'NL'] });
		expect(json.password).toMatch(/^[a-z2-7]{24}$/);

		// A password on standard input is used and never printed.
		const given = await cosi(
			['user', 'add', 'boss', '--role', 'admin', '--password-stdin', '--json', '--db', db],
			{},
			'a long enough secret\n'
		);
		expect(given.code).toBe(0);
		expect(JSON.parse(given.stdout)).toEqual({
			user: 'boss',
			role: 'admin',
			memberStates: [],
			password: null
		});
		const text = await cosi(['user', 'add', 'rev', '--role', 'reviewer', '--db', db]);
		expect(text.stdout).toMatch(/^added rev \(reviewer\)\npassword: [a-z2-7]{24}\n/);

		const refused = await cosi(
			['user', 'add', 'weak', '--role', 'admin', '--password-stdin', '--db', db],
			{},
			'password1234\n'
		);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toBe('cosi: password refused: it is on the list of common passwords\n');
		expect((await cosi(['user', 'add', 'x1', '--role', 'ministry', '--db', db])).stderr).toContain(
			'needs at least one --member-state'
		);

		const list = parsed<{ username: string }[]>(
			(await cosi(['user', 'list', '--json', '--db', db])).stdout
		);
		expect(list.map((u) => u.username)).toEqual(['boss', 'rev', 'sup']);
		expect(JSON.stringify(list)).not.toMatch(/argon2|password_hash/);

		const token = await cosi(['user', 'token', 'sup', '--json', '--db', db]);
		const t = parsed<{ user: string; tokenId: string; token: string }>(token.stdout);
		expect(Object.keys(t)).toEqual(['user', 'tokenId', 'token']);
		expect(t.token).toMatch(new RegExp(`^cosi_${t.tokenId}_[a-z2-7]+$`));
		expect((await cosi(['user', 'revoke-token', t.tokenId, '--db', db])).stdout).toBe(
			`revoked token ${t.tokenId}\n`
		);
		const again = await cosi(['user', 'revoke-token', t.tokenId, '--db', db]);
		expect(again.code).toBe(1);

		expect((await cosi(['user', 'disable', 'sup', '--db', db])).stdout).toBe(
			'disabled sup (all sessions ended)\n'
		);
		expect((await cosi(['user', 'enable', 'sup', '--db', db])).code).toBe(0);
		const reset = parsed<{ user: string; password: string }>(
			(await cosi(['user', 'reset-password', 'sup', '--json', '--db', db])).stdout
		);
		expect(reset.user).toBe('sup');
		expect(reset.password).toMatch(/^[a-z2-7]{24}$/);

		const audit = await cosi(['audit', 'export', '--json', '--db', db]);
		const actions = parsed<{ action: string; actor: string }[]>(audit.stdout).map(
			(e) => `${e.actor} ${e.action}`
		);
		expect(actions).toEqual([
			'cli:tester user_add',
			'cli:tester user_add',
			'cli:tester user_add',
			'cli:tester token_create',
			'cli:tester token_revoke',
			'cli:tester user_disable',
			'cli:tester user_enable',
			'cli:tester password_reset'
		]);
		expect(
			(
				await cosi([
					'audit',
					'export',
					'--json',
					'--from',
					'2000-01-01',
					'--to',
					'2000-01-02',
					'--db',
					db
				])
			).stdout
		).toBe('[\n]\n');
		expect((await cosi(['audit', 'verify', '--db', db])).code).toBe(0);
	});
});

describe('the operator channel', () => {
	it('runs commands in the process that holds the database: same output and exit codes', async () => {
		const db = join(dir, 'held.duckdb');
		const partial = file(
			'held.csv',
			`${header}\nH1,2024-01-01,NL,SIS,true,shared\nH2,2024-01-01,NL,SIS,true,gereedd\n`
		);
		// The same command on a file of its own, without a server, for comparison.
		const direct = await cosi([
			'ingest',
			partial,
			'--kind',
			'sharing',
			'--json',
			'--db',
			join(dir, 'direct.duckdb')
		]);

		const store = await openStore(db);
		const server = await startChannel(db, (request, sink) =>
			main(request.argv, channelIo(store, request, sink))
		);
		try {
			expect(server).not.toBeNull();
			expect(statSync(channelPath(db)).mode & 0o777).toBe(0o600);
			expect(channelProblem(db)).toBeNull();

			// The file is held here: the CLI's commands run here and answer as usual.
			const viaServer = await cosi([
				'ingest',
				'held.csv',
				'--kind',
				'sharing',
				'--json',
				'--db',
				db
			]);
			expect(viaServer.code).toBe(3);
			expect(direct.code).toBe(3);
			const strip = (r: Run) => ({ ...parsed<IngestResult>(r.stdout), batchId: 0 });
			expect(strip(viaServer)).toEqual(strip(direct));

			const added = await cosi(
				['user', 'add', 'chan', '--role', 'admin', '--password-stdin', '--json', '--db', db],
				{},
				'over the socket, safely\n'
			);
			expect(added.code).toBe(0);
			const users = (
				await store.connection.runAndReadAll(`SELECT username FROM app_user`)
			).getRows();
			expect(users).toEqual([['chan']]);
			const batch = (
				await store.connection.runAndReadAll(`SELECT imported_by FROM batch`)
			).getRows();
			expect(batch).toEqual([['tester']]);

			const bad = await cosi(['ingest', 'x.csv', '--kind', 'sharng', '--db', db]);
			expect(bad.code).toBe(1);
			expect(bad.stderr).toContain('invalid --kind: "sharng"');
			expect((await cosi(['audit', 'verify', '--db', db])).code).toBe(0);
			expect((await cosi(['metrics', '--as-of', '2024-12-31', '--json', '--db', db])).code).toBe(0);

			// The test clock moves only when the server allows it (COSI_TEST_CLOCK=1).
			await expect(advanceServerClock(db, 1000)).rejects.toThrow(/COSI_TEST_CLOCK/);

			// A socket others could open is not used.
			chmodSync(channelPath(db), 0o666);
			expect(channelProblem(db)).toMatch(/open to other users/);
			chmodSync(channelPath(db), 0o600);
		} finally {
			await new Promise((resolve) => server?.close(resolve));
			await closeStore(db);
		}
		expect(channelProblem(db)).toBe('no server is running on this database');
	});
});
