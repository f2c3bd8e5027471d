// The audit trail's hash chain on a real DuckDB file: appends form one chain even when
// concurrent; `cosi audit verify` (exit 0 intact, 4 broken) finds an entry edited, deleted or
// reordered directly in the file, and names the first broken one.
import { DuckDBInstance } from '@duckdb/node-api';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	auditRecordAccess,
	entryHash,
	GENESIS_HASH,
	listAudit,
	recordAudit,
	verifyChain,
	type ChainReport
} from './audit.ts';
import { resetClock, setClock } from './clock.ts';
import { closeStore, openStore, repoRoot } from './db.ts';

// vitest's asymmetric matchers are typed any; as unknown they can stand for any value.
const someText: unknown = expect.any(String);

let dir: string;
let pristine: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cosi-audit-test-'));
	pristine = join(dir, 'pristine.duckdb');
	let t = Date.UTC(2026, 2, 1, 12, 0, 0);
	setClock(() => new Date((t += 1000)));
	const store = await openStore(pristine);
	const con = store.connection;
	await recordAudit(con, { actor: 'admin', action: 'sign_in', memberStates: [] });
	await recordAudit(con, {
		actor: 'admin',
		action: 'user_add',
		memberStates: ['NL'],
		details: { user: 'sup', role: 'supervisor' }
	});
	// Concurrent appends still form one chain.
	await Promise.all(
		['BE', 'NL', 'FR', 'DE'].map((ms) =>
			auditRecordAccess(
				con,
				{ username: 'sup' },
				{
					action: 'csv_download',
					route: '/records/sharing.csv',
					filter: { ms, asOf: '2025-06-30', from: null },
					memberStates: [ms]
				}
			)
		)
	);
	await recordAudit(con, { actor: 'admin', action: 'import', memberStates: null });
	await closeStore(pristine);
	resetClock();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the intact file, changed with plain SQL as someone with the file could. */
async function tampered(name: string, ...statements: string[]): Promise<string> {
	const path = join(dir, `${name}.duckdb`);
	copyFileSync(pristine, path);
	if (existsSync(`${pristine}.wal`)) copyFileSync(`${pristine}.wal`, `${path}.wal`);
	const instance = await DuckDBInstance.create(path);
	const con = await instance.connect();
	for (const sql of statements) await con.run(sql);
	con.closeSync();
	instance.closeSync();
	return path;
}

function cosiVerify(db: string): Promise<{ code: number; report: ChainReport; stdout: string }> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			[join(repoRoot, 'bin/cosi.js'), 'audit', 'verify', '--json', '--db', db],
			(error, stdout) => {
				resolve({
					code: error ? Number(error.code ?? 1) : 0,
					report: JSON.parse(stdout) as ChainReport,
					stdout
				});
			}
		);
	});
}

describe('audit chain', () => {
	it('links every entry to the one before it, concurrent appends included', async () => {
		const store = await openStore(pristine);
		try {
			const report = await verifyChain(store.connection);
			expect(report).toMatchObject({ intact: true, entries: 7, firstBroken: null });
			const { total, entries } = await listAudit(
				store.connection,
				{ from: null, to: null, actor: null, action: null, memberState: null, scope: null },
				{ limit: 50, offset: 0 }
			);
			expect(total).toBe(7);
			expect(entries.map((e) => e.seq)).toEqual([7, 6, 5, 4, 3, 2, 1]);
			expect(entries.at(-1)?.prevHash).toBe(GENESIS_HASH);
			for (let i = 0; i < entries.length - 1; i++) {
				expect(entries[i].prevHash).toBe(entries[i + 1].hash);
			}
			// Empty filter values are left out of what is recorded.
			expect(entries[1].details).toEqual({
				route: '/records/sharing.csv',
				filter: { ms: someText, asOf: '2025-06-30' }
			});
			expect(report.head).toEqual({ seq: 7, hash: entries[0].hash });
		} finally {
			await closeStore(pristine);
		}
	});

	it('a supervisor sees the entries about their states and about all states', async () => {
		const store = await openStore(pristine);
		try {
			const { entries } = await listAudit(
				store.connection,
				{ from: null, to: null, actor: null, action: null, memberState: null, scope: ['NL'] },
				{ limit: 50, offset: 0 }
			);
			expect(entries.map((e) => [e.action, e.memberStates])).toEqual([
				['import', null],
				['csv_download', ['NL']],
				['user_add', ['NL']]
			]);
			const byDay = await listAudit(
				store.connection,
				{ from: '2026-03-02', to: null, actor: null, action: null, memberState: null, scope: null },
				{ limit: 50, offset: 0 }
			);
			expect(byDay.total).toBe(0);
		} finally {
			await closeStore(pristine);
		}
	});

	it('cosi audit verify: exit 0 and the head when intact', async () => {
		const run = await cosiVerify(await tampered('untouched'));
		expect(run.code).toBe(0);
		expect(run.report).toMatchObject({ intact: true, entries: 7, head: { seq: 7 } });
	});

	it('finds an edited entry (exit 4), also when its own hash was recomputed', async () => {
		const edited = await cosiVerify(
			await tampered('edited', `UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3`)
		);
		expect(edited.code).toBe(4);
		expect(edited.report.firstBroken).toMatchObject({ seq: 3, reason: 'hash' });

		// An editor who knows the scheme recomputes the entry's hash: the next entry no longer links.
		const store = await openStore(pristine);
		const [row] = (
			await store.connection.runAndReadAll(
				`SELECT seq, epoch_ms(logged_at) AS ms, action, member_states, details, prev_hash FROM audit_log WHERE seq = 3`
			)
		).getRowObjectsJson() as {
			seq: string;
			ms: string;
			action: string;
			member_states: string[];
			details: string;
			prev_hash: string;
		}[];
		await closeStore(pristine);
		const forged = entryHash({
			seq: 3,
			at: new Date(Number(row.ms)).toISOString(),
			actor: 'someone-else',
			action: row.action,
			memberStates: row.member_states,
			details: row.details,
			prevHash: row.prev_hash
		});
		const rehashed = await cosiVerify(
			await tampered(
				'rehashed',
				`UPDATE audit_log SET actor = 'someone-else', hash = '${forged}' WHERE seq = 3`
			)
		);
		expect(rehashed.code).toBe(4);
		expect(rehashed.report.firstBroken).toMatchObject({ seq: 4, reason: 'link' });
	});

	it('finds a deleted entry', async () => {
		const run = await cosiVerify(await tampered('deleted', `DELETE FROM audit_log WHERE seq = 4`));
		expect(run.code).toBe(4);
		expect(run.report.firstBroken).toMatchObject({ seq: 5, reason: 'gap' });
		expect(run.report.entries).toBe(6);
	});

	it('finds reordered entries', async () => {
		const run = await cosiVerify(
			await tampered(
				'reordered',
				`UPDATE audit_log SET seq = -1 WHERE seq = 2`,
				`UPDATE audit_log SET seq = 2 WHERE seq = 3`,
				`UPDATE audit_log SET seq = 3 WHERE seq = -1`
			)
		);
		expect(run.code).toBe(4);
		expect(run.report.firstBroken).toMatchObject({ seq: 2 });
	});

	it('a cut-off end leaves an intact chain with another head: keep the head elsewhere', async () => {
		const run = await cosiVerify(await tampered('cut', `DELETE FROM audit_log WHERE seq = 7`));
		expect(run.code).toBe(0);
		expect(run.report.head?.seq).toBe(6);
	});

	it('readable output names the first broken entry', async () => {
		const db = await tampered('readable', `UPDATE audit_log SET details = '{}' WHERE seq = 2`);
		const stdout = await new Promise<string>((resolve) =>
			execFile(
				process.execPath,
				[join(repoRoot, 'bin/cosi.js'), 'audit', 'verify', '--db', db],
				(_e, out) => resolve(out)
			)
		);
		expect(stdout).toContain('audit trail BROKEN at entry 2 (hash)');
	});
});
