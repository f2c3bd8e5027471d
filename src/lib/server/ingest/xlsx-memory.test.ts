// XLSX is read row by row: a workbook whose whole-file reading needs far more JS heap than the
// limit given here still imports through the CLI (the whole-workbook reader, exceljs's
// readFile, runs out of a 128 MB heap on this file). Peak memory at 10^6 rows is measured by
// `npm run bench:ingest`, not here: no test depends on the machine's speed.
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { repoRoot } from '../db.ts';
import { sharingFields } from './fields.ts';
import type { IngestResult } from './types.ts';

const rows = 50_000;
/** The data row (0-based) with a bad decision: Excel row = index + 2 (header is row 1). */
const badIndex = 31_337;
let dir: string;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'cosi-xlsx-memory-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A sharing log as Excel writes one: shared strings, date cells, one sheet after an intro. */
async function writeWorkbook(path: string): Promise<void> {
	const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
		filename: path,
		useSharedStrings: true,
		useStyles: true
	});
	const intro = wb.addWorksheet('Toelichting');
	intro.addRow(['Deellog, gegenereerd voor de test']).commit();
	intro.commit();
	const ws = wb.addWorksheet('Deellog');
	// event_id, occurred_on, member_state, channel, relevant, decision, and subject_ref.
	ws.addRow([...sharingFields.slice(0, 6), 'subject_ref']).commit();
	for (let i = 0; i < rows; i++) {
		ws.addRow([
			`EV-${String(i).padStart(7, '0')}`,
			new Date(Date.UTC(2024, 0, 1 + (i % 365))),
			['NL', 'DE', 'BE', 'FR'][i % 4],
			i % 3 ? 'SIS' : 'SIENA',
			i % 5 ? 'ja' : 'nee',
			i === badIndex ? 'misschien' : 'shared',
			// Two distinct texts a row: 100,000 shared strings, more than the reader keeps at once.
			`SUBJ-${i}`
		]).commit();
	}
	ws.commit();
	await wb.commit();
}

it('imports a 50,000-row XLSX through the CLI within a 128 MB JS heap, rows numbered as Excel does', async () => {
	const path = join(dir, 'deellog.xlsx');
	const db = join(dir, 'memory.duckdb');
	await writeWorkbook(path);
	const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
		execFile(
			process.execPath,
			[
				'--max-old-space-size=128',
				join(repoRoot, 'bin/cosi.js'),
				'ingest',
				path,
				'--kind',
				'sharing',
				'--sheet',
				'Deellog',
				'--db',
				db,
				'--json'
			],
			{ maxBuffer: 16 << 20 },
			(error, stdout, stderr) =>
				resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
		)
	);
	expect(run.stderr).not.toMatch(/heap out of memory/i);
	expect(run.code).toBe(3);
	const result = JSON.parse(run.stdout) as IngestResult;
	expect(result).toMatchObject({
		status: 'partial',
		rowsRead: rows,
		rowsAccepted: rows - 1,
		rowsRejected: 1
	});
	expect(result.rowsAccepted + result.rowsRejected).toBe(result.rowsRead);
	expect(result.errors).toEqual([
		expect.objectContaining({ row: badIndex + 2, column: 'decision', value: 'misschien' })
	]);

	// Every shared string came back as its own text, in its own row.
	const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
	try {
		const con = await instance.connect();
		const check = await con.runAndReadAll(`
			SELECT count(*)::INTEGER AS n,
				count(*) FILTER (WHERE event_id = printf('EV-%07d', source_row - 2)
					AND subject_ref = ('SUBJ-' || (source_row - 2)))::INTEGER AS matching
			FROM sharing_event`);
		expect(check.getRowObjectsJson()).toEqual([{ n: rows - 1, matching: rows - 1 }]);
		con.closeSync();
	} finally {
		instance.closeSync();
	}
});
