// Unit tests of the sample generator (scripts/generate-samples.ts, scripts/samples/*.ts).
// No test depends on the current date: every date is a constant of the generator.

import { tableFromIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EU_BODIES, MEMBER_STATES } from '../../scripts/samples/actors.ts';
import {
	AIAJ_LATER_ROUNDS,
	AIAJ_MEASURES,
	AIAJ_ROUND1,
	AIAJ_THEMES,
	deriveStatus,
	laterRoundStatus,
	type ActionStatus
} from '../../scripts/samples/aiaj.ts';
import { CT_AFG_RECOMMENDATIONS, CT_AFG_TOPICS } from '../../scripts/samples/ct-afg.ts';
import { decodeCp1252, encodeCp1252 } from '../../scripts/samples/csv.ts';
import { addMonths, dayOf, isoOf } from '../../scripts/samples/dates.ts';
import { writeAllSamples, type Written } from '../../scripts/samples/files.ts';
import { permute24 } from '../../scripts/samples/prng.ts';
import { RETENTION_RULES, type LegalBasis } from '../../scripts/samples/retention.ts';
import { ROADMAP_ACTIONS } from '../../scripts/samples/roadmap.ts';
import { csvObjects } from '../helpers/csv.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const HEADERS = {
	sharing:
		'event_id,occurred_on,member_state,channel,relevant,decision,recipient,category,shared_on,withholding_ground,weighing_documented,weighing_ref,terrorism_marker,context_provided,subject_ref',
	actions:
		'programme,action_id,actor,reported_on,status,title,chapter,deadline,responsible,planning,state_of_play,recent_developments,completion_pct,evidence_ref',
	retention:
		'record_id,member_state,register,legal_basis,created_on,kind,authority,last_reviewed_on,review_outcome,deleted_on,impact_assessed'
};
const ACTORS = new Set<string>([...MEMBER_STATES, ...EU_BODIES, 'NO', 'CH']);

const records = csvObjects;

const RANK: Partial<Record<ActionStatus, number>> = {
	not_started: 0,
	in_progress: 1,
	implemented: 2,
	ongoing: 2
};

describe('AIAJ catalogue (seed 004)', () => {
	it('has all 38 measures, numbered 1..38, under the seed headings', () => {
		expect(AIAJ_MEASURES).toHaveLength(38);
		expect(AIAJ_MEASURES.map((m) => m.nr)).toEqual(Array.from({ length: 38 }, (_, i) => i + 1));
		expect(AIAJ_THEMES).toEqual([
			'1. Risicoreductie jihadgangers',
			'2. Interventies uitreis',
			'3. Radicalisering',
			'4. Radicalisering tegengaan',
			'5. Sociale media',
			'6. Informatie-uitwisseling'
		]);
		const range = (theme: string) =>
			AIAJ_MEASURES.filter((m) => m.theme === theme).map((m) => m.nr);
		expect(range(AIAJ_THEMES[0])).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
		expect(range(AIAJ_THEMES[1])).toEqual([14, 15, 16, 17]);
		expect(range(AIAJ_THEMES[2])).toEqual([18, 19, 20]);
		expect(range(AIAJ_THEMES[3])).toEqual([21, 22, 23, 24, 25, 26, 27, 28]);
		expect(range(AIAJ_THEMES[4])).toEqual([29]);
		expect(range(AIAJ_THEMES[5])).toEqual([30, 31, 32, 33, 34, 35, 36, 37, 38]);
		for (const m of AIAJ_MEASURES) {
			expect(m.description.length, `measure ${m.nr}`).toBeGreaterThan(20);
			expect(m.planning, `measure ${m.nr}`).not.toBe('');
			expect(m.standVanZaken.length, `measure ${m.nr}`).toBeGreaterThan(40);
			expect(m.recenteOntwikkelingen.length, `measure ${m.nr}`).toBeGreaterThan(40);
			// Every character must exist in Windows-1252.
			expect(() => encodeCp1252(Object.values(m).join(' '))).not.toThrow();
		}
	});

	it('derives the round-1 status from Planning', () => {
		expect(deriveStatus('doorlopend toegepast', '2016-06-30')).toBe('ongoing');
		expect(deriveStatus(' Doorlopend  toegepast ', '2016-06-30')).toBe('ongoing');
		expect(deriveStatus('doorlopend', '2016-06-30')).toBe('ongoing');
		expect(deriveStatus('gereed', '2016-06-30')).toBe('implemented');
		expect(deriveStatus('2016 gereed', '2016-06-30')).toBe('in_progress');
		expect(deriveStatus('2016 gereed', '2017-06-30')).toBe('implemented');
		expect(deriveStatus('2015 gereed', '2016-06-30')).toBe('implemented');
		expect(deriveStatus('onderzoek lopend', '2016-06-30')).toBe('in_progress');
		expect(deriveStatus('2015/2016', '2016-06-30')).toBe('in_progress');
		const counts: Record<string, number> = {};
		for (const m of AIAJ_MEASURES) {
			const s = deriveStatus(m.planning, AIAJ_ROUND1);
			counts[s] = (counts[s] ?? 0) + 1;
		}
		expect(counts).toEqual({ ongoing: 29, implemented: 2, in_progress: 7 });
	});

	it('later rounds never move a status backwards', () => {
		for (const m of AIAJ_MEASURES) {
			let previous = RANK[deriveStatus(m.planning, AIAJ_ROUND1)] as number;
			for (const date of AIAJ_LATER_ROUNDS) {
				const rank = RANK[laterRoundStatus(m, date)];
				if (rank === undefined) continue; // not_applicable
				expect(rank, `measure ${m.nr} at ${date}`).toBeGreaterThanOrEqual(previous);
				previous = rank;
			}
		}
	});
});

describe('CT-AFG and roadmap catalogues', () => {
	it('CT-AFG has 23 recommendations in 4 topics', () => {
		expect(CT_AFG_RECOMMENDATIONS).toHaveLength(23);
		expect(CT_AFG_RECOMMENDATIONS.map((r) => r.id)).toEqual(
			Array.from({ length: 23 }, (_, i) => i + 1)
		);
		expect(CT_AFG_TOPICS).toHaveLength(4);
		expect(new Set(CT_AFG_RECOMMENDATIONS.map((r) => r.chapter))).toEqual(new Set(CT_AFG_TOPICS));
		// The recommendations the seed describes by number.
		expect(CT_AFG_RECOMMENDATIONS.filter((r) => r.source === 'numbered').map((r) => r.id)).toEqual([
			1, 2, 6, 8, 14, 15
		]);
	});

	it('the roadmap has at least 44 actions numbered 1..N; chapter 4 holds 41-50', () => {
		expect(ROADMAP_ACTIONS.length).toBeGreaterThanOrEqual(44);
		expect(ROADMAP_ACTIONS.map((a) => a.id)).toEqual(
			Array.from({ length: ROADMAP_ACTIONS.length }, (_, i) => i + 1)
		);
		const chapter4 = ROADMAP_ACTIONS.filter((a) => a.chapter.startsWith('Chapter 4:'));
		expect(chapter4.map((a) => a.id)).toEqual([41, 42, 43, 44, 45, 46, 47, 48, 49, 50]);
		for (const a of [...ROADMAP_ACTIONS, ...CT_AFG_RECOMMENDATIONS]) {
			expect(a.deadline).toMatch(/^20(1[6-9]|2[0-3])-\d{2}-\d{2}$/);
			for (const code of a.responsible.split(' ')) {
				expect(code === 'MS' || ACTORS.has(code), `${a.id}: ${code}`).toBe(true);
			}
		}
		for (const a of ROADMAP_ACTIONS) expect(a.deadline >= '2016' && a.deadline < '2020').toBe(true);
	});
});

describe('helpers', () => {
	it('encodes and decodes Windows-1252', () => {
		const text = 'ë é ï ‘x’ “y” – € DT&V';
		const bytes = encodeCp1252(text);
		expect([...bytes.subarray(0, 1)]).toEqual([0xeb]);
		expect(decodeCp1252(bytes)).toBe(text);
		expect(() => encodeCp1252('→')).toThrow(/Windows-1252/);
	});

	it('adds calendar months with end-of-month clamping', () => {
		expect(isoOf(addMonths(dayOf('2016-01-31'), 1))).toBe('2016-02-29');
		expect(isoOf(addMonths(dayOf('2015-03-31'), 60))).toBe('2020-03-31');
		expect(isoOf(addMonths(dayOf('2024-11-30'), 3))).toBe('2025-02-28');
	});

	it('makes distinct pseudonyms for distinct subjects', () => {
		const seen = new Set<number>();
		for (let i = 0; i < 100_000; i++) seen.add(permute24(i));
		expect(seen.size).toBe(100_000);
	});
});

describe('generated files', () => {
	let dir: string;
	let written: Written;
	const read = (file: string) => readFileSync(join(dir, file));
	const text = (file: string) => read(file).toString('utf8');

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'cosi-samples-'));
		written = await writeAllSamples(dir);
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('writes every file with the expected row counts', () => {
		const rows = Object.fromEntries(written.map((w) => [w.file, w.rows]));
		expect(rows).toMatchObject({
			'actions-aiaj-2016-06-30-nl-voortgang.csv': 38,
			'actions-aiaj-2016-12-31-nl-voortgang.csv': 38,
			'actions-aiaj-2017-06-30-nl-voortgang.csv': 38,
			'sharing.csv': 100_000,
			'retention.csv': 50_000,
			'sharing-nl-excel.csv': 1000,
			'sharing.ndjson': 500,
			'retention.json': 300
		});
		for (const w of written) expect(existsSync(join(dir, w.file))).toBe(true);
	});

	it('canonical files have exactly the canonical headers', () => {
		expect(text('sharing.csv').split('\n')[0]).toBe(HEADERS.sharing);
		expect(text('retention.csv').split('\n')[0]).toBe(HEADERS.retention);
		expect(text('actions-eu-roadmap.csv').split('\n')[0]).toBe(HEADERS.actions);
		expect(text('actions-ct-afg-2021.csv').split('\n')[0]).toBe(HEADERS.actions);
		for (const file of ['sharing.csv', 'retention.csv', 'actions-eu-roadmap.csv']) {
			expect([...read(file).subarray(0, 3)], file).not.toEqual([0xef, 0xbb, 0xbf]);
		}
	});

	it('round 1 of AIAJ is a Windows-1252 Dutch Excel export', () => {
		const bytes = read('actions-aiaj-2016-06-30-nl-voortgang.csv');
		expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
		expect(bytes.includes(0xeb)).toBe(true); // ë as one Windows-1252 byte
		expect(bytes.includes(0x91) && bytes.includes(0x92)).toBe(true); // ‘ ’
		expect(bytes.includes(Buffer.from('ë', 'utf8'))).toBe(false); // not UTF-8
		const content = decodeCp1252(bytes);
		expect(
			content.startsWith(
				'Thema;Nr;Omschrijving;Planning;Stand van zaken;Recente ontwikkelingen\r\n'
			)
		).toBe(true);
		expect(content.endsWith('\r\n')).toBe(true);
		const rows = records(content, ';');
		expect(rows).toHaveLength(38);
		expect(rows.map((r) => r.Nr)).toEqual(AIAJ_MEASURES.map((m) => String(m.nr)));
		expect(rows[0].Thema).toBe('1. Risicoreductie jihadgangers');
		expect(rows[3].Planning).toBe('2016 gereed');
		expect(rows.find((r) => r.Nr === '5')?.['Recente ontwikkelingen']).toContain('(DT&V)');
		expect(Object.keys(rows[0])).not.toContain('Status');
	});

	it('later AIAJ rounds are UTF-8 with BOM, marked as samples, with a Status column', () => {
		const allowed = new Set([
			'gereed',
			'doorlopend toegepast',
			'doorlopend',
			'lopend',
			'niet gestart',
			'n.v.t.'
		]);
		for (const [i, date] of AIAJ_LATER_ROUNDS.entries()) {
			const bytes = read(`actions-aiaj-${date}-nl-voortgang.csv`);
			expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
			const rows = records(bytes.subarray(3).toString('utf8'), ';');
			expect(rows).toHaveLength(38);
			for (const r of rows) {
				expect(allowed.has(r.Status), r.Status).toBe(true);
				expect(r['Recente ontwikkelingen'].startsWith('[VOORBEELD] ')).toBe(true);
			}
			if (i === AIAJ_LATER_ROUNDS.length - 1) {
				const ddmmyyyy = `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;
				expect(rows.every((r) => r.Peildatum === ddmmyyyy)).toBe(true);
			}
		}
	});

	it('action files name valid actors and statuses, with progress over rounds', () => {
		const statuses = new Set([
			'not_started',
			'in_progress',
			'implemented',
			'ongoing',
			'not_applicable'
		]);
		for (const [file, programme, actions] of [
			['actions-eu-roadmap.csv', 'EU-ROADMAP-2016', ROADMAP_ACTIONS.length],
			['actions-ct-afg-2021.csv', 'CT-AFG-2021', 23]
		] as const) {
			const rows = records(text(file));
			expect(new Set(rows.map((r) => r.action_id)).size).toBe(actions);
			expect(new Set(rows.map((r) => r.reported_on)).size).toBeGreaterThanOrEqual(
				programme === 'CT-AFG-2021' ? 2 : 4
			);
			for (const r of rows) {
				expect(r.programme).toBe(programme);
				expect(statuses.has(r.status), r.status).toBe(true);
				expect(ACTORS.has(r.actor), r.actor).toBe(true);
				expect(r.title && r.chapter && r.deadline && r.responsible).toBeTruthy();
				if (r.completion_pct !== '') expect(r.status).toBe('in_progress');
			}
			expect(rows.some((r) => r.status === 'not_applicable')).toBe(true);
			expect(rows.some((r) => r.state_of_play.includes('\n'))).toBe(true);
			// Monotone per (action, actor) and some reports missing.
			const byPair = new Map<string, Record<string, string>[]>();
			for (const r of rows) {
				const key = `${r.action_id}/${r.actor}`;
				byPair.set(key, [...(byPair.get(key) ?? []), r]);
			}
			let missing = 0;
			const rounds = new Set(rows.map((r) => r.reported_on)).size;
			for (const list of byPair.values()) {
				if (list.length < rounds) missing++;
				let previous = -1;
				for (const r of list.sort((a, b) => a.reported_on.localeCompare(b.reported_on))) {
					const rank = RANK[r.status as ActionStatus];
					if (rank === undefined) continue;
					expect(rank).toBeGreaterThanOrEqual(previous);
					previous = rank;
				}
			}
			expect(missing).toBeGreaterThan(0);
		}
		const roadmap = text('actions-eu-roadmap.csv');
		for (const ch of ['<', '>', '&', '""']) expect(roadmap.includes(ch), ch).toBe(true);
	});

	it('sharing.csv has realistic shares', () => {
		const rows = records(text('sharing.csv'));
		expect(rows).toHaveLength(100_000);
		expect(new Set(rows.map((r) => r.event_id)).size).toBe(100_000);
		const share = (pred: (r: Record<string, string>) => boolean, of = rows) =>
			of.filter(pred).length / of.length;
		expect(share((r) => r.relevant === 'true')).toBeCloseTo(0.92, 1);
		expect(share((r) => r.decision === 'shared')).toBeGreaterThan(0.82);
		expect(share((r) => r.decision === 'withheld')).toBeGreaterThan(0.09);
		expect(share((r) => r.decision === 'withheld')).toBeLessThan(0.13);
		expect(share((r) => r.decision === 'pending')).toBeGreaterThan(0.025);
		expect(share((r) => r.decision === 'pending')).toBeLessThan(0.06);
		const withheld = rows.filter((r) => r.decision === 'withheld');
		expect(share((r) => r.weighing_documented !== 'true', withheld)).toBeGreaterThan(0.1);
		expect(share((r) => r.weighing_documented !== 'true', withheld)).toBeLessThan(0.2);
		expect(share((r) => r.withholding_ground === '', withheld)).toBeGreaterThan(0.015);
		expect(share((r) => r.withholding_ground === '', withheld)).toBeLessThan(0.05);
		const fr = share((r) => r.member_state === 'FR');
		const mt = share((r) => r.member_state === 'MT');
		expect(fr / mt).toBeGreaterThan(100);
		for (const r of rows) {
			expect(r.occurred_on >= '2023-01-01' && r.occurred_on <= '2025-12-31').toBe(true);
			if (r.decision === 'shared') {
				const delay = dayOf(r.shared_on) - dayOf(r.occurred_on);
				expect(delay >= 0 && delay <= 60).toBe(true);
			} else expect(r.shared_on).toBe('');
			if (r.weighing_documented === 'true')
				expect(r.weighing_ref).toMatch(/^AFW-[A-Z]{2}-\d{4}-\d{4,}$/);
			if (r.subject_ref) expect(r.subject_ref).toMatch(/^P-[0-9A-F]{6}$/);
		}
	});

	it('the Dutch sharing export and the JSON samples use their own formats', () => {
		const bytes = read('sharing-nl-excel.csv');
		const content = decodeCp1252(bytes);
		expect(content.split('\r\n')[0]).toBe(
			'Gebeurtenis-ID;Datum;Lidstaat;Kanaal;Relevant;Besluit;Ontvanger;Categorie;Gedeeld op;Weigeringsgrond;Afweging vastgelegd;Afwegingskenmerk;Terrorisme-markering;Context meegegeven;Subject-ref'
		);
		const rows = records(content, ';');
		expect(rows).toHaveLength(1000);
		expect(rows[0]['Gebeurtenis-ID']).toBe('NLX-000001');
		expect(rows.every((r) => /^\d{2}-\d{2}-\d{4}$/.test(r.Datum))).toBe(true);
		expect(new Set(rows.map((r) => r.Besluit))).toEqual(
			new Set(['gedeeld', 'niet gedeeld', 'in afwachting'])
		);
		expect(new Set(rows.map((r) => r.Relevant))).toEqual(new Set(['ja', 'nee']));

		const ndjson = text('sharing.ndjson')
			.trimEnd()
			.split('\n')
			.map((l) => JSON.parse(l) as Record<string, unknown>);
		expect(ndjson).toHaveLength(500);
		expect(Object.keys(ndjson[0])).toEqual(HEADERS.sharing.split(','));
		expect(typeof ndjson[0].relevant).toBe('boolean');

		const json = JSON.parse(text('retention.json')) as Record<string, unknown>[];
		expect(json).toHaveLength(300);
		expect(Object.keys(json[0])).toEqual(HEADERS.retention.split(','));
	});

	it('retention.csv holds the cases a supervisor looks for', () => {
		const rows = records(text('retention.csv'));
		expect(rows).toHaveLength(50_000);
		const bases: Record<string, string[]> = {
			SIS: ['SIS-36', 'SIS-26', 'SIS-24'],
			CTER: ['WPG-8', 'WPG-9'],
			EIS: ['EUROPOL'],
			PASSPORT: ['PASSPORT-23']
		};
		const D = dayOf('2026-06-30');
		let overdue = 0;
		let pastRetention = 0;
		let missingAssessment = 0;
		let lateDeletion = 0;
		for (const r of rows) {
			expect(bases[r.register]).toContain(r.legal_basis);
			if (r.register === 'SIS') expect(r.kind).toBe('alert');
			const rule = RETENTION_RULES[r.legal_basis as LegalBasis];
			const created = dayOf(r.created_on);
			const deleted = r.deleted_on ? dayOf(r.deleted_on) : null;
			if (r.last_reviewed_on) expect(r.last_reviewed_on >= r.created_on).toBe(true);
			if (
				rule.maxMonths !== null &&
				deleted !== null &&
				deleted > addMonths(created, rule.maxMonths)
			) {
				lateDeletion++;
			}
			if (deleted !== null && deleted <= D) continue;
			const base = r.last_reviewed_on ? dayOf(r.last_reviewed_on) : created;
			if (D > addMonths(base, rule.reviewMonths)) overdue++;
			if (rule.maxMonths !== null && D > addMonths(created, rule.maxMonths)) pastRetention++;
			if (r.kind === 'alert' && r.impact_assessed !== 'true') missingAssessment++;
		}
		expect(overdue).toBeGreaterThan(100);
		expect(pastRetention).toBeGreaterThan(20);
		expect(missingAssessment).toBeGreaterThan(100);
		expect(lateDeletion).toBeGreaterThan(20);
	});

	it('the committed samples are the generator output', () => {
		const samples = join(root, 'data/samples');
		if (!existsSync(samples)) return;
		const committed = new Set(readdirSync(samples));
		for (const w of written) {
			if (!committed.has(w.file)) continue;
			expect(read(w.file).equals(readFileSync(join(samples, w.file))), w.file).toBe(true);
		}
	});
});

describe('command line', () => {
	const tsx = join(root, 'node_modules/.bin/tsx');
	const run = (out: string) =>
		spawnSync(
			tsx,
			['scripts/generate-samples.ts', '--rows', '20000', '--retention-rows', '5000', '--out', out],
			{ cwd: root, encoding: 'utf8' }
		);

	it('is deterministic: two runs give byte-identical files', () => {
		const a = mkdtempSync(join(tmpdir(), 'cosi-gen-a-'));
		const b = mkdtempSync(join(tmpdir(), 'cosi-gen-b-'));
		try {
			for (const out of [a, b]) {
				const result = run(out);
				expect(result.status, result.stderr).toBe(0);
			}
			expect(readdirSync(a).sort()).toEqual(['retention-5000.csv', 'sharing-20000.csv']);
			for (const file of readdirSync(a)) {
				expect(readFileSync(join(a, file)).equals(readFileSync(join(b, file))), file).toBe(true);
			}
			const lines = readFileSync(join(a, 'sharing-20000.csv'), 'utf8').trimEnd().split('\n');
			expect(lines).toHaveLength(20_001);
			expect(lines[0]).toBe(HEADERS.sharing);
		} finally {
			rmSync(a, { recursive: true, force: true });
			rmSync(b, { recursive: true, force: true });
		}
	});

	it('--formats writes the same rows as CSV, XLSX and Arrow IPC', async () => {
		const out = mkdtempSync(join(tmpdir(), 'cosi-gen-formats-'));
		try {
			const result = spawnSync(
				tsx,
				[
					'scripts/generate-samples.ts',
					'--rows',
					'300',
					'--formats',
					'csv,xlsx,arrow',
					'--out',
					out
				],
				{ cwd: root, encoding: 'utf8' }
			);
			expect(result.status, result.stderr).toBe(0);
			expect(readdirSync(out).sort()).toEqual([
				'sharing-300.arrow',
				'sharing-300.csv',
				'sharing-300.xlsx'
			]);
			// Every row as the importer reads it: texts, ISO dates, true/false, empty as ''.
			const text = (v: unknown): string =>
				v === null || v === undefined
					? ''
					: v instanceof Date
						? v.toISOString().slice(0, 10)
						: typeof v === 'string'
							? v
							: typeof v === 'object'
								? JSON.stringify(v)
								: (v as number | boolean | bigint).toString();
			const csv = records(readFileSync(join(out, 'sharing-300.csv'), 'utf8'));
			const fields = HEADERS.sharing.split(',');
			const expected = csv.map((r) => fields.map((f) => r[f]));

			const arrow = tableFromIPC(readFileSync(join(out, 'sharing-300.arrow')));
			expect(arrow.batches.length).toBe(1);
			// DATE columns come back as milliseconds since the epoch.
			const dates = new Set(['occurred_on', 'shared_on']);
			const arrowRows = arrow.toArray() as Record<string, unknown>[];
			expect(
				arrowRows.map((r) =>
					fields.map((f) => text(dates.has(f) && r[f] !== null ? new Date(r[f] as number) : r[f]))
				)
			).toEqual(expected);

			const workbook = new ExcelJS.Workbook();
			await workbook.xlsx.readFile(join(out, 'sharing-300.xlsx'));
			const sheet = workbook.getWorksheet('Sharing')!;
			const rows: string[][] = [];
			sheet.eachRow((row, n) => {
				if (n > 1) rows.push(fields.map((_, i) => text(row.getCell(i + 1).value)));
			});
			expect(sheet.getRow(1).values).toEqual([undefined, ...fields]);
			expect(rows).toEqual(expected);
		} finally {
			rmSync(out, { recursive: true, force: true });
		}
	});

	it('rejects a bad --rows value', () => {
		const result = spawnSync(tsx, ['scripts/generate-samples.ts', '--rows', 'many'], {
			cwd: root,
			encoding: 'utf8'
		});
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('--rows must be a positive whole number');
	});
});
