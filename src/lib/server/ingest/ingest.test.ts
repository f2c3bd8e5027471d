// Ingest against real DuckDB files: every format, profile, bad-input class, atomicity,
// idempotence, supersession and the row-count invariant.
import { Bool, Table, tableFromArrays, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import ExcelJS from 'exceljs';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetClock, setClock } from '../clock.ts';
import { closeStore, openStore, repoRoot, type Store } from '../db.ts';
import { ingestFile } from './index.ts';
import type { IngestResult } from './types.ts';

let dir: string;
let dbPath: string;
let store: Store;

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cosi-ingest-test-'));
	dbPath = join(dir, 'test.duckdb');
	store = await openStore(dbPath);
});

afterEach(async () => {
	await closeStore(dbPath);
	rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Uint8Array): string {
	const path = join(dir, name);
	writeFileSync(path, content);
	return path;
}

/** The rows of `sql`, whose columns the tests keep to plain values (text, numbers, flags). */
async function all(sql: string): Promise<Record<string, string | number | boolean | null>[]> {
	return (await store.connection.runAndReadAll(sql)).getRowObjectsJson() as Record<
		string,
		string | number | boolean | null
	>[];
}

async function count(table: string): Promise<number> {
	return Number((await all(`SELECT count(*)::INTEGER AS n FROM ${table}`))[0].n);
}

function expectInvariant(r: IngestResult) {
	expect(r.rowsAccepted + r.rowsRejected).toBe(r.rowsRead);
}

const sharingHeader =
	'event_id,occurred_on,member_state,channel,relevant,decision,withholding_ground,weighing_documented,shared_on';

describe('CSV sharing log', () => {
	it('records the import time from the clock, in UTC', async () => {
		setClock(new Date('2026-03-01T23:30:15.250Z'));
		try {
			const path = file('timed.csv', `${sharingHeader}\nE1,2024-01-05,NL,SIS,true,shared,,,\n`);
			await ingestFile(store, path, { kind: 'sharing' });
			expect(await all('SELECT imported_at::VARCHAR AS t FROM batch')).toEqual([
				{ t: '2026-03-01 23:30:15.25' }
			]);
		} finally {
			resetClock();
		}
	});

	it('accepts a clean canonical file and stores every row with its batch and row number', async () => {
		const path = file(
			'clean.csv',
			`${sharingHeader}\nE1,2024-01-05,NL,SIS,true,shared,,,2024-01-07\nE2,2024-01-06,DE,SIENA,false,withheld,legal,true,\n`
		);
		const r = await ingestFile(store, path, { kind: 'sharing' });
		expect(r).toMatchObject({
			status: 'accepted',
			rowsRead: 2,
			rowsAccepted: 2,
			rowsRejected: 0,
			file: 'clean.csv'
		});
		expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
		const rows = await all(
			'SELECT batch_id, source_row, event_id, occurred_on::VARCHAR AS d, relevant, decision, withholding_ground, weighing_documented FROM sharing_event ORDER BY source_row'
		);
		expect(rows).toEqual([
			{
				batch_id: r.batchId,
				source_row: 2,
				event_id: 'E1',
				d: '2024-01-05',
				relevant: true,
				decision: 'shared',
				withholding_ground: null,
				weighing_documented: null
			},
			{
				batch_id: r.batchId,
				source_row: 3,
				event_id: 'E2',
				d: '2024-01-06',
				relevant: false,
				decision: 'withheld',
				withholding_ground: 'legal',
				weighing_documented: true
			}
		]);
		// The optimizer switch used around the insert is global in DuckDB: it must be restored.
		expect((await all(`SELECT current_setting('disabled_optimizers') AS d`))[0].d).toBe('');
		const batch = (
			await all(
				'SELECT kind, file_name, sha256, profile, rows_read, rows_accepted, rows_rejected FROM batch'
			)
		)[0];
		expect(batch).toEqual({
			kind: 'sharing',
			file_name: 'clean.csv',
			sha256: r.sha256,
			profile: 'canonical',
			rows_read: 2,
			rows_accepted: 2,
			rows_rejected: 0
		});
	});

	it('rejects each bad row with file row, column, value and what was expected, and keeps the rest', async () => {
		const path = file(
			'bad.csv',
			[
				sharingHeader,
				'E1,2024-01-05,NL,SIS,true,shared,,,', // row 2 fine
				',2024-01-05,NL,SIS,true,shared,,,', // row 3 missing event_id
				'E3,2024-02-30,NL,SIS,true,shared,,,', // row 4 unreal date
				'E4,2024-01-05,XX,SIS,true,shared,,,', // row 5 unknown actor
				'E5,2024-01-05,NL,SIS,misschien,shared,,,', // row 6 bad boolean
				'E6,2024-01-05,NL,SIS,true,gereedd,,,', // row 7 bad decision
				'E7,2024-01-05,NL,SIS,true,withheld,luck,,', // row 8 bad ground
				'E8,2024-01-05,NL,SIS,true,shared,,,2024-01-01', // row 9 shared before occurred
				'E1,2024-01-06,NL,SIS,true,shared,,,', // row 10 duplicate key in file
				'E9,2024-01-05,NL,SIS,true,shared,,,,surplus' // row 11 too many fields
			].join('\n') + '\n'
		);
		const r = await ingestFile(store, path, { kind: 'sharing' });
		expectInvariant(r);
		expect(r).toMatchObject({ status: 'partial', rowsRead: 10, rowsAccepted: 1, rowsRejected: 9 });
		const byRow = Object.fromEntries(r.errors.map((e) => [e.row, e]));
		expect(byRow[3]).toMatchObject({ column: 'event_id', message: 'required value missing' });
		expect(byRow[4]).toMatchObject({ column: 'occurred_on', value: '2024-02-30' });
		expect(byRow[4].message).toContain('expected a real date');
		expect(byRow[5]).toMatchObject({ column: 'member_state', value: 'XX' });
		expect(byRow[6]).toMatchObject({ column: 'relevant', value: 'misschien' });
		expect(byRow[6].message).toContain('ja/nee');
		expect(byRow[7]).toMatchObject({ column: 'decision', value: 'gereedd' });
		expect(byRow[7].message).toContain('shared, withheld, pending');
		expect(byRow[8]).toMatchObject({ column: 'withholding_ground', value: 'luck' });
		expect(byRow[9]).toMatchObject({ column: 'shared_on', value: '2024-01-01' });
		expect(byRow[10].message).toContain('duplicate event_id in this file (first at row 2)');
		expect(byRow[11]).toMatchObject({ column: null, value: 'surplus' });
		// Rejects are stored with the batch, the whole row as read, and survive the result.
		expect(await count('reject')).toBe(9);
		const stored = (await all(`SELECT row_number, raw FROM reject WHERE row_number = 5`))[0];
		expect(JSON.parse(stored.raw as string)).toMatchObject({ event_id: 'E4', member_state: 'XX' });
		expect(await count('sharing_event')).toBe(1);
	});

	it('reads booleans in every common spelling and case, GR as EL, and Dutch synonyms', async () => {
		const rows = ['true', 'FALSE', 'Ja', 'nee', 'Yes', 'no', 'J', 'n', 'Y', 'N', '1', '0'].map(
			(b, i) => `E${i},2024-01-05,GR,SIS,${b},Niet gedeeld,Lopend onderzoek,${b},`
		);
		const r = await ingestFile(store, file('bools.csv', `${sharingHeader}\n${rows.join('\n')}\n`), {
			kind: 'sharing'
		});
		expect(r.status).toBe('accepted');
		const got = await all(
			'SELECT relevant, weighing_documented, member_state, decision, withholding_ground FROM sharing_event ORDER BY source_row'
		);
		expect(got.map((g) => g.relevant)).toEqual([
			true,
			false,
			true,
			false,
			true,
			false,
			true,
			false,
			true,
			false,
			true,
			false
		]);
		expect(
			new Set(got.map((g) => `${g.member_state}/${g.decision}/${g.withholding_ground}`))
		).toEqual(new Set(['EL/withheld/ongoing_investigation']));
	});

	it('reads a Dutch Excel export: semicolons, Windows-1252, dd-mm-jjjj, CRLF, Dutch headers', async () => {
		const text =
			'Gebeurtenis-ID;Datum;Lidstaat;Kanaal;Relevant;Besluit;Weigeringsgrond;Afweging vastgelegd;Categorie\r\n' +
			'NL-1;05-01-2024;NL;SIENA;ja;gedeeld;;;Financi\xEBle stromen \x80 \x91x\x92\r\n' +
			'NL-2;31-12-2024;BE;SIS;nee;niet gedeeld;toestemming derde land;ja;propaganda\r\n';
		const path = file('export.csv', Buffer.from(text, 'latin1'));
		const r = await ingestFile(store, path, { kind: 'sharing', profile: 'nl-deellog' });
		expect(r.status).toBe('accepted');
		expect(r.warnings).toContain('file is not UTF-8; read as Windows-1252');
		const got = await all(
			'SELECT event_id, occurred_on::VARCHAR AS d, category, withholding_ground FROM sharing_event ORDER BY source_row'
		);
		expect(got[0]).toEqual({
			event_id: 'NL-1',
			d: '2024-01-05',
			category: 'Financiële stromen € ‘x’',
			withholding_ground: null
		});
		expect(got[1]).toMatchObject({ d: '2024-12-31', withholding_ground: 'third_party_consent' });
	});

	it('reads a UTF-8 file with BOM and names the Dutch column in errors', async () => {
		const text =
			'\uFEFFGebeurtenis-ID;Datum;Lidstaat;Kanaal;Relevant;Besluit\r\nNL-1;32-01-2024;NL;SIS;ja;gedeeld\r\n';
		const r = await ingestFile(store, file('bom.csv', text), {
			kind: 'sharing',
			profile: 'nl-deellog'
		});
		expect(r.rowsRejected).toBe(1);
		expect(r.errors[0]).toMatchObject({ row: 2, column: 'Datum', value: '32-01-2024' });
		expect(r.errors[0].message).toMatch(/^occurred_on: invalid date/);
	});

	it('does not store columns that look like names or birth dates, and says so', async () => {
		const text = `${sharingHeader},Naam,geboortedatum,date_of_birth\nE1,2024-01-05,NL,SIS,true,shared,,,,Jan Jansen,01-01-1980,1980-01-01\nE2,2024-01-05,XX,SIS,true,shared,,,,Piet Puk,02-02-1990,1990-02-02\n`;
		const r = await ingestFile(store, file('pii.csv', text), { kind: 'sharing' });
		expect(r.warnings.filter((w) => w.includes('personal data'))).toHaveLength(3);
		const raw = (await all('SELECT raw FROM reject'))[0].raw as string;
		expect(raw).not.toContain('Piet');
		expect(raw).not.toContain('1990');
	});

	it('keeps free text as given: markup is text, line breaks survive', async () => {
		const text = `programme,action_id,actor,reported_on,status,state_of_play\nP,1,NL,2024-01-01,gereed,"<script>alert(1)</script> & ""quoted""\nline two"\n`;
		const r = await ingestFile(store, file('text.csv', text), { kind: 'actions' });
		expect(r.status).toBe('accepted');
		const got = (await all('SELECT status, state_of_play FROM action_status'))[0];
		expect(got).toEqual({
			status: 'implemented',
			state_of_play: '<script>alert(1)</script> & "quoted"\nline two'
		});
	});
});

describe('whole-file rejection changes nothing', () => {
	async function expectNothingWritten(r: IngestResult) {
		expect(r.status).toBe('rejected');
		expect(r.batchId).toBeNull();
		expect(await count('batch')).toBe(0);
		expect(await count('reject')).toBe(0);
		expect(await count('sharing_event')).toBe(0);
	}

	it('a file without a required column', async () => {
		const r = await ingestFile(
			store,
			file(
				'nocol.csv',
				'event_id,occurred_on,member_state,channel,relevant\nE1,2024-01-01,NL,SIS,true\n'
			),
			{
				kind: 'sharing'
			}
		);
		await expectNothingWritten(r);
		expect(r.reason).toContain('missing required column decision');
		expect(r.reason).toContain('"event_id", "occurred_on"');
	});

	it('a file that cannot be read as its format', async () => {
		const r = await ingestFile(store, file('broken.parquet', 'this is not parquet'), {
			kind: 'sharing'
		});
		await expectNothingWritten(r);
		expect(r.reason).toBe('"broken.parquet" is not a readable Parquet file');
		// What DuckDB said (with the path) is kept apart, for the log and the CLI.
		expect(r.detail).toContain('broken.parquet');
		expect(r.reason).not.toContain(dir);
	});

	it('an unknown profile, a profile for another kind, or a bad option', async () => {
		const path = file('x.csv', `${sharingHeader}\nE1,2024-01-05,NL,SIS,true,shared,,,\n`);
		const unknown = await ingestFile(store, path, { kind: 'sharing', profile: 'nope' });
		expect(unknown.reason).toContain('unknown profile: "nope" (expected one of canonical');
		const wrongKind = await ingestFile(store, path, { kind: 'sharing', profile: 'nl-voortgang' });
		expect(wrongKind.reason).toContain('profile nl-voortgang is for actions files, not sharing');
		const badDate = await ingestFile(store, path, {
			kind: 'actions',
			profile: 'nl-voortgang',
			options: { peildatum: '30-06-2016' }
		});
		expect(badDate.reason).toContain(
			'invalid peildatum: "30-06-2016" (expected a date YYYY-MM-DD)'
		);
		await expectNothingWritten(badDate);
	});

	it('a file with a header and no rows', async () => {
		const r = await ingestFile(store, file('empty.csv', `${sharingHeader}\n`), { kind: 'sharing' });
		await expectNothingWritten(r);
		expect(r.reason).toBe('the file has no data rows');
	});
});

describe('batches', () => {
	const v1 = `${sharingHeader}\nE1,2024-01-05,NL,SIS,true,withheld,,,\nE2,2024-01-05,NL,SIS,true,shared,,,\n`;
	const v2 = `${sharingHeader}\nE1,2024-01-05,NL,SIS,true,withheld,legal,true,\nE3,2024-01-07,BE,SIS,true,shared,,,\n`;

	it('re-importing identical content adds nothing and says so', async () => {
		const first = await ingestFile(store, file('a.csv', v1), { kind: 'sharing' });
		const again = await ingestFile(store, file('renamed.csv', v1), { kind: 'sharing' });
		expect(again.status).toBe('duplicate');
		expect(again.batchId).toBe(first.batchId);
		expect(again.warnings[0]).toContain(`already imported as batch ${first.batchId}`);
		expect(await count('batch')).toBe(1);
		expect(await count('sharing_event')).toBe(2);
	});

	it('a later batch supersedes repeated keys; the earlier version stays stored', async () => {
		const first = await ingestFile(store, file('a.csv', v1), { kind: 'sharing' });
		const second = await ingestFile(store, file('b.csv', v2), { kind: 'sharing' });
		expect(await count('sharing_event')).toBe(4);
		expect(await count('sharing_current')).toBe(3);
		const e1 = await all(
			`SELECT batch_id, superseded_by, withholding_ground FROM sharing_event WHERE event_id = 'E1' ORDER BY batch_id`
		);
		expect(e1).toEqual([
			{ batch_id: first.batchId, superseded_by: second.batchId, withholding_ground: null },
			{ batch_id: second.batchId, superseded_by: null, withholding_ground: 'legal' }
		]);
		expect(
			(await all(`SELECT rows_superseded FROM batch WHERE batch_id = ${second.batchId}`))[0]
				.rows_superseded
		).toBe(1);
	});

	it('four identical imports at once: one batch, three duplicates (the writer queue)', async () => {
		const paths = [1, 2, 3, 4].map((n) => file(`same-${n}.csv`, v1));
		const results = await Promise.all(
			paths.map((path) => ingestFile(store, path, { kind: 'sharing', importedBy: 'web' }))
		);
		expect(results.map((r) => r.status)).toEqual([
			'accepted',
			'duplicate',
			'duplicate',
			'duplicate'
		]);
		expect(new Set(results.map((r) => r.batchId))).toEqual(new Set([results[0].batchId]));
		expect(await count('batch')).toBe(1);
		expect(await count('sharing_event')).toBe(2);
	});

	it('two overlapping imports at once: the later supersedes, each event is current once', async () => {
		const keys = (from: number, to: number, decision: string) =>
			Array.from(
				{ length: to - from },
				(_, i) => `K${from + i},2024-01-05,NL,SIS,true,${decision},,,`
			);
		const a = file('first.csv', `${sharingHeader}\n${keys(0, 3000, 'shared').join('\n')}\n`);
		const b = file('second.csv', `${sharingHeader}\n${keys(1000, 4000, 'pending').join('\n')}\n`);
		const [first, second] = await Promise.all([
			ingestFile(store, a, { kind: 'sharing' }),
			ingestFile(store, b, { kind: 'sharing' })
		]);
		expect(first.status).toBe('accepted');
		expect(second.status).toBe('accepted');
		expect(second.batchId).toBeGreaterThan(first.batchId!);
		expect(await count('sharing_event')).toBe(6000);
		expect(await count('sharing_current')).toBe(4000);
		const current = await all(
			`SELECT count(DISTINCT event_id)::INTEGER AS events, count(*)::INTEGER AS rows FROM sharing_current`
		);
		expect(current).toEqual([{ events: 4000, rows: 4000 }]);
		expect(
			(await all(`SELECT rows_superseded FROM batch WHERE batch_id = ${second.batchId}`))[0]
				.rows_superseded
		).toBe(2000);
	});

	it('is atomic: a process killed before commit leaves no trace', async () => {
		await closeStore(dbPath);
		const rows = Array.from({ length: 2000 }, (_, i) => `K${i},2024-01-05,NL,SIS,true,shared,,,`);
		const path = file('big.csv', `${sharingHeader}\n${rows.join('\n')}\n`);
		const child = spawn(
			process.execPath,
			[join(repoRoot, 'bin/cosi.js'), 'ingest', path, '--kind', 'sharing', '--db', dbPath],
			{
				env: { ...process.env, COSI_TEST_PAUSE_BEFORE_COMMIT: '1' },
				stdio: ['ignore', 'pipe', 'pipe']
			}
		);
		// Wait for the child to report that all rows are written but not committed, then kill it.
		await new Promise<void>((resolve, reject) => {
			let err = '';
			child.stderr.on('data', (d: Buffer) => {
				err += d.toString();
				if (err.includes('paused before commit')) resolve();
			});
			child.on('exit', (code) =>
				reject(new Error(`child exited (${code}) before pausing: ${err}`))
			);
		});
		child.kill('SIGKILL');
		await new Promise((resolve) => child.on('exit', resolve));
		store = await openStore(dbPath);
		expect(await count('batch')).toBe(0);
		expect(await count('sharing_event')).toBe(0);
		expect(await count('reject')).toBe(0);
		// And the same file then imports normally.
		const r = await ingestFile(store, path, { kind: 'sharing' });
		expect(r).toMatchObject({ status: 'accepted', rowsAccepted: 2000 });
	});
});

describe('formats', () => {
	const header = ['event_id', 'occurred_on', 'member_state', 'channel', 'relevant', 'decision'];
	const records = [
		{
			event_id: 'F1',
			occurred_on: '2024-01-05',
			member_state: 'NL',
			channel: 'SIS',
			relevant: true,
			decision: 'shared'
		},
		{
			event_id: 'F2',
			occurred_on: '2024-01-06',
			member_state: 'XX',
			channel: 'EIS',
			relevant: false,
			decision: 'withheld'
		},
		{
			event_id: 'F3',
			occurred_on: '2024-01-07',
			member_state: 'DE',
			channel: 'PNR',
			relevant: true,
			decision: 'pending'
		}
	];

	async function expectTwoOfThree(r: IngestResult, badRow: number) {
		expectInvariant(r);
		expect(r).toMatchObject({ status: 'partial', rowsRead: 3, rowsAccepted: 2, rowsRejected: 1 });
		expect(r.errors).toEqual([
			expect.objectContaining({ row: badRow, column: 'member_state', value: 'XX' })
		]);
		const ids = (await all('SELECT event_id FROM sharing_event ORDER BY event_id')).map(
			(x) => x.event_id
		);
		expect(ids).toEqual(['F1', 'F3']);
	}

	it('NDJSON', async () => {
		const path = file('s.ndjson', records.map((r) => JSON.stringify(r)).join('\n') + '\n');
		await expectTwoOfThree(await ingestFile(store, path, { kind: 'sharing' }), 2);
	});

	it('JSON array', async () => {
		const path = file('s.json', JSON.stringify(records));
		await expectTwoOfThree(await ingestFile(store, path, { kind: 'sharing' }), 2);
	});

	it('Parquet (typed columns: DATE and BOOLEAN)', async () => {
		const path = join(dir, 's.parquet');
		await store.connection.run(
			`COPY (SELECT event_id, occurred_on::DATE AS occurred_on, member_state, channel, relevant::BOOLEAN AS relevant, decision
				FROM read_json($src, format = 'array')) TO '${path}' (FORMAT parquet)`,
			{ src: file('src.json', JSON.stringify(records)) }
		);
		await expectTwoOfThree(await ingestFile(store, path, { kind: 'sharing' }), 2);
	});

	function arrowTable() {
		return tableFromArrays({
			event_id: records.map((r) => r.event_id),
			occurred_on: records.map((r) => r.occurred_on),
			member_state: records.map((r) => r.member_state),
			channel: records.map((r) => r.channel),
			relevant: records.map((r) => r.relevant),
			decision: records.map((r) => r.decision)
		});
	}

	it('Arrow IPC file', async () => {
		const path = file('s.arrow', tableToIPC(arrowTable(), 'file'));
		await expectTwoOfThree(await ingestFile(store, path, { kind: 'sharing' }), 2);
	});

	it('Arrow IPC stream', async () => {
		const path = file('s.arrows', tableToIPC(arrowTable(), 'stream'));
		await expectTwoOfThree(await ingestFile(store, path, { kind: 'sharing' }), 2);
	});

	async function workbook(sheets: string[]): Promise<string> {
		const wb = new ExcelJS.Workbook();
		for (const name of sheets) {
			const ws = wb.addWorksheet(name);
			ws.addRow(header);
			for (const r of records) {
				ws.addRow([
					r.event_id,
					new Date(`${r.occurred_on}T00:00:00Z`),
					r.member_state,
					r.channel,
					r.relevant ? 'ja' : 'nee',
					r.decision
				]);
			}
		}
		const path = join(dir, 's.xlsx');
		await wb.xlsx.writeFile(path);
		return path;
	}

	it('XLSX, first sheet, with Excel dates and row numbers as Excel shows them', async () => {
		await expectTwoOfThree(
			await ingestFile(store, await workbook(['Blad1']), { kind: 'sharing' }),
			3
		);
	});

	it('XLSX, a named sheet; an unknown sheet name rejects the file and lists the sheets', async () => {
		const path = await workbook(['Intro', 'Data']);
		const missing = await ingestFile(store, path, { kind: 'sharing', sheet: 'Gegevens' });
		expect(missing.status).toBe('rejected');
		expect(missing.reason).toContain(
			'no sheet named "Gegevens" (the workbook has "Intro", "Data")'
		);
		await expectTwoOfThree(await ingestFile(store, path, { kind: 'sharing', sheet: 'Data' }), 3);
	});

	it('Arrow IPC in several record batches: every row, numbered across the batches', async () => {
		// Plain Utf8 columns: the file format allows no dictionary that changes between batches.
		const text = (values: string[]) => vectorFromArray(values, new Utf8());
		const part = (from: number) =>
			new Table({
				event_id: text([0, 1, 2].map((i) => `A${from + i}`)),
				occurred_on: text(['2024-01-05', '2024-01-06', '2024-01-07']),
				member_state: text(['NL', 'DE', 'BE']),
				channel: text(['SIS', 'SIS', 'SIENA']),
				relevant: vectorFromArray([true, true, false], new Bool()),
				decision: text(['shared', from === 3 ? 'nope' : 'shared', 'withheld'])
			});
		const table = part(0).concat(part(3), part(6));
		expect(table.batches).toHaveLength(3);
		for (const kind of ['file', 'stream'] as const) {
			const r = await ingestFile(store, file(`batches-${kind}.arrow`, tableToIPC(table, kind)), {
				kind: 'sharing'
			});
			expect(r).toMatchObject({ rowsRead: 9, rowsAccepted: 8, rowsRejected: 1 });
			expect(r.errors).toEqual([expect.objectContaining({ row: 5, value: 'nope' })]);
		}
	});

	it('Arrow IPC and XLSX that are not what they claim are rejected whole', async () => {
		for (const name of ['broken.arrow', 'broken.xlsx']) {
			const r = await ingestFile(store, file(name, 'PK\u0003\u0004 this is no archive'), {
				kind: 'sharing'
			});
			expect(r.status, name).toBe('rejected');
			expect(await count('batch')).toBe(0);
		}
	});

	it('XLSX: blank rows skipped, empty header cells and values right of the header get columnN', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Blad1');
		ws.addRow([...header.slice(0, 3), null, ...header.slice(3)]);
		ws.addRow(['X1', new Date('2024-01-05T00:00:00Z'), 'NL', 'aside', 'SIS', 'ja', 'shared']);
		ws.addRow([]);
		ws.addRow(['X2', new Date('2024-01-06T00:00:00Z'), 'NL', null, 'SIS', 'ja', 'maybe', 'extra']);
		ws.getRow(6).values = [
			'X3',
			new Date('2024-01-07T00:00:00Z'),
			'DE',
			null,
			'SIS',
			'nee',
			'pending'
		];
		const path = join(dir, 'gaps.xlsx');
		await wb.xlsx.writeFile(path);
		const r = await ingestFile(store, path, { kind: 'sharing' });
		expect(r).toMatchObject({ rowsRead: 3, rowsAccepted: 2, rowsRejected: 1 });
		expect(r.errors).toEqual([
			expect.objectContaining({ row: 4, column: 'decision', value: 'maybe' })
		]);
		const raw: unknown = JSON.parse(String((await all('SELECT raw FROM reject'))[0].raw));
		expect(raw).toMatchObject({ column3: null, column7: 'extra', __source_row: 4 });
		const stored = await all('SELECT source_row FROM sharing_event ORDER BY source_row');
		expect(stored.map((s) => s.source_row)).toEqual([2, 6]);
	});
});

describe('profiles', () => {
	it('nl-voortgang derives status from Planning at the peildatum', async () => {
		const text =
			'Thema;Nr;Omschrijving;Planning;Stand van zaken;Recente ontwikkelingen\r\n' +
			'1. Risicoreductie;1;Strafrechtelijk onderzoek;doorlopend toegepast;loopt;\r\n' +
			'1. Risicoreductie;2;Paspoort;2016 gereed;bezig;\r\n' +
			'1. Risicoreductie;3;Register;2015 gereed;klaar;\r\n' +
			'2. Uitreis;4;Wetgeving;gereed;;\r\n' +
			'2. Uitreis;5;Studie;onderzoek lopend;;\r\n' +
			'2. Uitreis;6;Iets;onbekende planning;;\r\n';
		const r = await ingestFile(store, file('voortgang.csv', text), {
			kind: 'actions',
			profile: 'nl-voortgang',
			options: { programme: 'AIAJ', peildatum: '2016-06-30' }
		});
		expectInvariant(r);
		expect(r.rowsRejected).toBe(1);
		expect(r.errors[0]).toMatchObject({ row: 7, column: 'Planning', value: 'onbekende planning' });
		const got = await all(
			`SELECT action_id, status, actor, programme, reported_on::VARCHAR AS d, chapter FROM action_status ORDER BY source_row`
		);
		expect(got.map((g) => `${g.action_id}:${g.status}`)).toEqual([
			'1:ongoing',
			'2:in_progress',
			'3:implemented',
			'4:implemented',
			'5:in_progress'
		]);
		expect(got[0]).toMatchObject({
			actor: 'NL',
			programme: 'AIAJ',
			d: '2016-06-30',
			chapter: '1. Risicoreductie'
		});
	});

	it('nl-voortgang without a peildatum rejects the file and says how to give one', async () => {
		const r = await ingestFile(store, file('v.csv', 'Nr;Omschrijving;Planning\r\n1;x;gereed\r\n'), {
			kind: 'actions',
			profile: 'nl-voortgang',
			options: { programme: 'AIAJ' }
		});
		expect(r.status).toBe('rejected');
		expect(r.reason).toContain('missing required column reported_on (or "Peildatum")');
		expect(r.reason).toContain('--peildatum');
	});

	it('actions: unknown status names the accepted values; responsible codes are checked', async () => {
		const text =
			'programme,action_id,actor,reported_on,status,responsible,completion_pct,deadline\n' +
			'R,1,NL,2024-01-01,gereedd,MS COM,,\n' +
			'R,2,NL,2024-01-01,lopend,"MS, EUROPOL","45,5",31-12-2024\n' +
			'R,3,NL,2024-01-01,n.v.t.,MS XYZ,,\n' +
			'R,4,NL,2024-01-01,done,,150,\n';
		const r = await ingestFile(store, file('a.csv', text), { kind: 'actions' });
		expect(r.rowsRejected).toBe(3);
		const byRow = Object.fromEntries(r.errors.map((e) => [e.row, e]));
		expect(byRow[2].message).toContain(
			'invalid status (expected one of not_started, in_progress, implemented, ongoing, not_applicable'
		);
		expect(byRow[4]).toMatchObject({ column: 'responsible', value: 'MS XYZ' });
		expect(byRow[4].message).toContain('unknown actor code XYZ');
		expect(byRow[5]).toMatchObject({ column: 'completion_pct', value: '150' });
		const ok = (
			await all(
				'SELECT status, responsible, completion_pct, deadline::VARCHAR AS d FROM action_status'
			)
		)[0];
		expect(ok).toEqual({
			status: 'in_progress',
			responsible: 'MS EUROPOL',
			completion_pct: 45.5,
			d: '2024-12-31'
		});
	});

	it('retention: unknown legal basis lists the rules; dates must be in order', async () => {
		const text =
			'record_id,member_state,register,legal_basis,created_on,kind,last_reviewed_on,deleted_on,impact_assessed\n' +
			'R1,NL,CTER,WPG-9,2020-01-31,registratie,2021-01-15,,nee\n' +
			'R2,NL,CTER,WPG-99,2020-01-31,,,,\n' +
			'R3,NL,SIS,SIS-36,2020-01-31,signalering,2019-01-01,,\n' +
			'R4,NL,SIS,sis-36,2020-01-31,alert,,2019-12-31,\n';
		const r = await ingestFile(store, file('r.csv', text), { kind: 'retention' });
		expectInvariant(r);
		expect(r.rowsRejected).toBe(3);
		const byRow = Object.fromEntries(r.errors.map((e) => [e.row, e]));
		expect(byRow[3].message).toContain(
			'unknown legal basis (expected one of EUROPOL, PASSPORT-23, SIS-24'
		);
		expect(byRow[4].column).toBe('last_reviewed_on');
		expect(byRow[5].column).toBe('deleted_on');
		const ok = (await all('SELECT kind, impact_assessed, legal_basis FROM retention_record'))[0];
		expect(ok).toEqual({ kind: 'registration', impact_assessed: false, legal_basis: 'WPG-9' });
	});
});

describe('the typed fast path for CSV', () => {
	/** Every stored row of a table with its batch and row, for comparing two databases. */
	async function storedRows(s: Store, table: string, key: string) {
		const r = await s.connection.runAndReadAll(
			`SELECT * EXCLUDE (batch_id) FROM ${table} ORDER BY ${key}, source_row`
		);
		return r.getRowObjectsJson();
	}

	/** Ingest into a second, fresh database with the typed path turned off. */
	async function ingestAsText(path: string, kind: 'sharing' | 'retention', n: number) {
		const textPath = join(dir, `text-${n}.duckdb`);
		const text = await openStore(textPath);
		try {
			const r = await ingestFile(text, path, { kind, typedRead: false });
			return { r, text, close: () => closeStore(textPath) };
		} catch (e) {
			await closeStore(textPath);
			throw e;
		}
	}

	/** Run `fn` with COSI_TRACE set and return the phases it reported. */
	async function tracedPhases<T>(fn: () => Promise<T>): Promise<{ value: T; phases: string[] }> {
		const phases: string[] = [];
		const write = process.stderr.write.bind(process.stderr);
		process.env.COSI_TRACE = '1';
		process.stderr.write = (chunk: string | Uint8Array) => {
			const m = /^cosi: (.+?) [\d.]+ s$/.exec(String(chunk).trim());
			if (m) phases.push(m[1]);
			return true;
		};
		try {
			return { value: await fn(), phases };
		} finally {
			process.stderr.write = write;
			delete process.env.COSI_TRACE;
		}
	}

	it('stores the bundled samples exactly as the text path does', async () => {
		for (const [i, [name, kind, key]] of (
			[
				['sharing.csv', 'sharing', 'event_id'],
				['retention.csv', 'retention', 'record_id']
			] as const
		).entries()) {
			const path = join(repoRoot, 'data/samples', name);
			const { value: typed, phases } = await tracedPhases(() => ingestFile(store, path, { kind }));
			expect(typed.status).toBe('accepted');
			// Read once, typed: no second read as text.
			expect(phases).toContain('read typed');
			expect(phases).not.toContain('typed read refused');
			expect(phases).not.toContain('read as text');
			const { r: text, text: textStore, close } = await ingestAsText(path, kind, i);
			try {
				expect(text.status).toBe('accepted');
				expect(typed.rowsAccepted).toBe(text.rowsAccepted);
				const table = kind === 'sharing' ? 'sharing_event' : 'retention_record';
				expect(await storedRows(store, table, key)).toEqual(
					await storedRows(textStore, table, key)
				);
			} finally {
				await close();
			}
		}
	});

	it('a value the typed reader refuses sends the file down the text path, with the same result', async () => {
		// Dutch dates and "ja": fine for the text path, not plain ISO dates or DuckDB booleans.
		const path = file(
			'mixed.csv',
			`${sharingHeader}\nE1,2024-01-05,NL,SIS,true,shared,,,2024-01-07\nE2,06-01-2024,DE,SIENA,ja,withheld,legal,true,\n`
		);
		const { value: r, phases } = await tracedPhases(() =>
			ingestFile(store, path, { kind: 'sharing' })
		);
		expect(phases).toContain('typed read refused');
		const { r: text, text: textStore, close } = await ingestAsText(path, 'sharing', 9);
		try {
			expect(text.status).toBe('accepted');
			expect(r).toMatchObject({ status: 'accepted', rowsRead: 2, rowsAccepted: 2 });
			expect(await storedRows(store, 'sharing_event', 'event_id')).toEqual(
				await storedRows(textStore, 'sharing_event', 'event_id')
			);
		} finally {
			await close();
		}
	});

	it('rows rejected after a typed read are reported from the text, under the same batch id', async () => {
		const first = await ingestFile(
			store,
			file('first.csv', `${sharingHeader}\nE0,2024-01-04,NL,SIS,true,shared,,,2024-01-05\n`),
			{ kind: 'sharing' }
		);
		// Every date and boolean reads typed; the member state and the repeated key do not pass.
		const path = file(
			'bad-rows.csv',
			`${sharingHeader}\nE1,2024-01-05,XX,SIS,TRUE,shared,,,2024-01-07\nE2,2024-01-06,DE,SIENA,t,withheld,legal,1,\nE2,2024-01-06,DE,SIENA,t,withheld,legal,1,\n`
		);
		const { value: r, phases } = await tracedPhases(() =>
			ingestFile(store, path, { kind: 'sharing' })
		);
		expect(phases).toContain('read as text');
		expectInvariant(r);
		expect(r).toMatchObject({ status: 'partial', rowsRead: 3, rowsAccepted: 1, rowsRejected: 2 });
		// No id was skipped by the abandoned typed attempt.
		expect(r.batchId).toBe((first.batchId as number) + 1);
		const { r: text, close } = await ingestAsText(path, 'sharing', 8);
		try {
			expect(r.errors).toEqual(text.errors);
		} finally {
			await close();
		}
		// The raw row is kept as the file has it ("TRUE", not a parsed true).
		const raw = await all(
			`SELECT raw FROM reject WHERE batch_id = ${r.batchId} AND row_number = 2`
		);
		expect(JSON.parse(String(raw[0].raw))).toMatchObject({ relevant: 'TRUE', member_state: 'XX' });
		expect(await count('batch')).toBe(2);
	});
});
