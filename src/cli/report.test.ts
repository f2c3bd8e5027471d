// `cosi report` as a user runs it: a child process on a real DuckDB file.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../lib/server/db.ts';

/** What `cosi report ... --json` prints. */
interface ReportJson {
	report: string;
	format: string;
	file: string;
	fingerprint: string;
	bytes: number;
}

const bin = join(repoRoot, 'bin/cosi.js');
const sample = join(repoRoot, 'data/samples/actions-aiaj-2016-06-30-nl-voortgang.csv');
let dir: string;
let db: string;

function cosi(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			[bin, ...args],
			{ cwd: dir, env: { ...process.env, COSI_CLOCK: '2026-12-03T10:00:00Z' } },
			(error, stdout, stderr) =>
				resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
		);
	});
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cosi-report-cli-'));
	db = join(dir, 'r.duckdb');
	const r = await cosi([
		'ingest',
		sample,
		'--kind',
		'actions',
		'--profile',
		'nl-voortgang',
		'--programme',
		'AIAJ',
		'--peildatum',
		'2016-06-30',
		'--db',
		db
	]);
	expect(r.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cosi report', () => {
	it('writes each format; --json prints report, format, file, fingerprint, bytes; verify says current', async () => {
		const prints: string[] = [];
		// Every format is read back in src/lib/server/reports/*.test.ts; here the command itself.
		for (const format of ['docx', 'pdf']) {
			const out = join(dir, `k.${format}`);
			const r = await cosi(
				[
					'report',
					'kamerbrief-bijlage',
					'--format',
					format,
					'--out',
					out,
					'--as-of',
					'2016-06-30'
				].concat(['--db', db, '--json'])
			);
			expect(r.code, r.stderr).toBe(0);
			const json = JSON.parse(r.stdout) as ReportJson;
			expect(Object.keys(json)).toEqual(['report', 'format', 'file', 'fingerprint', 'bytes']);
			expect(json).toMatchObject({ report: 'kamerbrief-bijlage', format, file: out });
			expect(json.bytes).toBe(statSync(out).size);
			prints.push(json.fingerprint);
			const v = await cosi(['report', 'verify', out, '--db', db]);
			expect(v.code, v.stdout + v.stderr).toBe(0);
			expect(v.stdout).toContain('current');
		}
		expect(new Set(prints).size).toBe(1);
	});

	it('a bad parameter exits 2 naming it and the accepted values', async () => {
		const base = ['report', 'kamerbrief-bijlage', '--out', join(dir, 'x'), '--db', db];
		let r = await cosi([...base, '--format', 'odt']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('invalid --format: "odt" (accepted: pdf, docx, xlsx, csv, html)');
		r = await cosi([...base, '--format', 'pdf', '--programme', 'NOPE', '--json']);
		expect(r.code).toBe(2);
		expect((JSON.parse(r.stdout) as { error: string }).error).toBe(
			'invalid programme: "NOPE" (accepted: AIAJ)'
		);
		r = await cosi(['report', 'nope', '--format', 'pdf', '--out', 'x', '--db', db]);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/unknown report "nope" \(accepted: .*kamerbrief-bijlage/);
	});

	it('verify: 5 when outdated (naming the new batch), 2 for a file that is not ours', async () => {
		const file = join(dir, 'fix.csv');
		writeFileSync(
			file,
			'Thema;Nr;Omschrijving;Planning;Stand van zaken;Recente ontwikkelingen\r\n1. Risicoreductie jihadgangers;1;Gewijzigd.;doorlopend toegepast;Nieuw;\r\n'
		);
		const i = await cosi(
			['ingest', file, '--kind', 'actions', '--profile', 'nl-voortgang'].concat([
				'--programme',
				'AIAJ',
				'--peildatum',
				'2016-06-30',
				'--db',
				db
			])
		);
		expect(i.code).toBe(0);
		const v = await cosi(['report', 'verify', join(dir, 'k.docx'), '--db', db, '--json']);
		expect(v.code).toBe(5);
		const json = JSON.parse(v.stdout) as { status: string; batchesAdded: { fileName: string }[] };
		expect(json.status).toBe('outdated');
		expect(json.batchesAdded.map((b) => b.fileName)).toEqual(['fix.csv']);
		const text = await cosi(['report', 'verify', join(dir, 'k.pdf'), '--db', db]);
		expect(text.code).toBe(5);
		expect(text.stdout).toContain('fix.csv');
		const not = await cosi(['report', 'verify', sample, '--db', db]);
		expect(not.code).toBe(2);
		expect(not.stdout).toContain('not a cosi-monitor report');
	});
});
