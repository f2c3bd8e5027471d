// cosi-progress and supervisor-audit on the bundled samples: figures equal the headline metrics
// (`cosi metrics --json`), record lists equal the figures they explain, nothing truncated, the
// caller's scope respected, spreadsheet cells typed, the PDF paginated with its headers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetClock, setClock } from '../clock.ts';
import { closeStore, openStore, withData } from '../data.ts';
import { loadSamples } from '../ingest/samples.ts';
import { headlineMetrics } from '../metrics.ts';
import { fullScope, type Scope } from '../scope.ts';
import { buildReport, reportDefinition } from './engine.ts';
import { tablesOf, type ReportDocument, type TableBlock } from './model.ts';
import { parseReportParams, ReportScopeError, type RawParams } from './params.ts';
import { closePdfBrowser } from './pdf.ts';
import { renderReport } from './render.ts';

const asOf = '2025-06-30';
let dir: string;
let dbPath: string;

beforeAll(async () => {
	setClock(new Date('2026-12-03T10:00:00Z'));
	dir = mkdtempSync(join(tmpdir(), 'cosi-reports-'));
	dbPath = join(dir, 'r.duckdb');
	await loadSamples(await openStore(dbPath));
});

afterAll(async () => {
	resetClock();
	await closePdfBrowser();
	await closeStore(dbPath);
	rmSync(dir, { recursive: true, force: true });
});

function build(id: string, raw: RawParams, scope: Scope = fullScope): Promise<ReportDocument> {
	const def = reportDefinition(id);
	return buildReport(scope, def, parseReportParams(def, raw), { path: dbPath });
}

function table(doc: ReportDocument, id: string): TableBlock {
	const t = tablesOf(doc).find((t) => t.id === id);
	if (!t)
		throw new Error(
			`no table ${id} in ${tablesOf(doc)
				.map((t) => t.id)
				.join(', ')}`
		);
	return t;
}

/** A table's rows as objects by field. */
function objects(t: TableBlock): Record<string, unknown>[] {
	return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c.field, r[i]])));
}

describe('cosi-progress', () => {
	let doc: ReportDocument;
	beforeAll(async () => {
		doc = await build('cosi-progress', { asOf });
	});

	it('its figures are those of cosi metrics --json for the same parameters', async () => {
		const metrics = await withData(fullScope, (d) => headlineMetrics(d, { asOf }), {
			path: dbPath
		});
		expect(objects(table(doc, 'withheld'))).toEqual(
			metrics.withheld.map((w) => ({
				member_state: w.memberState,
				relevant: w.relevant,
				shared: w.shared,
				withheld: w.withheld,
				pending: w.pending,
				unjustified: w.unjustified,
				ratio: w.ratio
			}))
		);
		expect(objects(table(doc, 'retention'))).toEqual(
			metrics.retention.map((r) => ({
				member_state: r.memberState,
				active: r.active,
				overdue_review: r.overdueReview,
				past_retention: r.pastRetention,
				missing_assessment: r.missingAssessment,
				compliant: r.compliant,
				compliance_pct: r.compliancePct
			}))
		);
		const programmes = objects(table(doc, 'programmes'));
		expect(
			programmes.map((p) => [p.programme, p.applicable, p.implemented, p.progress_pct])
		).toEqual(
			metrics.eu.progress.map((p) => [p.programme, p.applicable, p.implemented, p.progressPct])
		);
		const roadmap = metrics.progress.filter((p) => p.programme === 'EU-ROADMAP-2016');
		expect(
			objects(table(doc, 'progress-eu-roadmap-2016')).map((p) => [
				p.actor,
				p.progress_pct,
				p.overdue
			])
		).toEqual(roadmap.map((p) => [p.actor, p.progressPct, p.overdue]));
		// The overdue list is the overdue figure, row for row.
		const overdue = roadmap.reduce((s, p) => s + p.overdue, 0);
		expect(table(doc, 'overdue-eu-roadmap-2016').rows).toHaveLength(overdue);
	});

	it('the annex has every pair; charts are vector SVG', () => {
		const pairs = objects(table(doc, 'programmes')).find((p) => p.programme === 'EU-ROADMAP-2016');
		expect(pairs).toBeTruthy();
		expect(table(doc, 'annex-eu-roadmap-2016').rows.length).toBeGreaterThanOrEqual(
			pairs!.applicable as number
		);
		const charts = doc.blocks.filter((b) => b.kind === 'chart');
		expect(charts.length).toBeGreaterThanOrEqual(4);
		for (const c of charts) expect(c.kind === 'chart' && c.svg.startsWith('<svg')).toBe(true);
	});

	it('xlsx: typed cells, percent formats, frozen header and filters on every table sheet', async () => {
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(await renderReport(doc, 'xlsx')) as unknown as ArrayBuffer);
		expect(wb.worksheets.map((w) => w.name)).toEqual([
			...tablesOf(doc).map((t) => t.id.slice(0, 31)),
			'provenance'
		]);
		const ws = wb.getWorksheet('withheld')!;
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(ws.autoFilter).toBeTruthy();
		expect(ws.rowCount).toBe(28);
		const at = ws.getCell('B2');
		expect(at.type).toBe(ExcelJS.ValueType.Number);
		expect(ws.getCell('G2').type).toBe(ExcelJS.ValueType.Number);
		expect(ws.getCell('G2').numFmt).toBe('0.0%');
		expect(ws.getCell('G2').value).toBe(table(doc, 'withheld').rows[0][6]);
		const rs = wb.getWorksheet('retention')!;
		expect(rs.getCell('G2').numFmt).toBe('0.0" %"');
		const ps = wb.getWorksheet('programmes')!;
		expect(ps.getCell('B2').value).toBeInstanceOf(Date);
		expect(wb.getWorksheet('provenance')!.getColumn(2).values).toContain(doc.fingerprint);
	});

	it('PDF: page X of Y on every page, charts drawn as vectors (no images), English formatting', async () => {
		const file = join(dir, 'cp.pdf');
		writeFileSync(file, await renderReport(doc, 'pdf'));
		const pages = Number(
			/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]
		);
		const text = execFileSync('pdftotext', ['-layout', file, '-'], {
			encoding: 'utf8',
			maxBuffer: 1 << 28
		});
		for (let p = 1; p <= pages; p++) expect(text).toContain(`Page ${p} of ${pages}`);
		expect(text).toContain('Progress report to COSI: all programmes, as of 30 June 2025');
		expect(text).toContain('Retention compliance per member state');
		const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
		expect(images.trim().split('\n')).toHaveLength(2); // the header lines only
	});

	it('a bad parameter names it and the accepted values', () => {
		expect(() => parseReportParams(reportDefinition('cosi-progress'), { lang: 'nl' })).toThrow(
			'invalid --lang: "nl" (accepted: en; report cosi-progress is written in these only)'
		);
	});
});

describe('supervisor-audit', () => {
	const supervisorNL: Scope = { figures: ['NL'], records: ['NL'] };

	it('a supervisor cannot produce it for a state outside their scope; without states, theirs', async () => {
		await expect(
			build('supervisor-audit', { asOf, memberStates: ['BE'] }, supervisorNL)
		).rejects.toThrow(ReportScopeError);
		await expect(
			build('supervisor-audit', { asOf }, { figures: null, records: [] })
		).rejects.toThrow(ReportScopeError);
		await expect(build('supervisor-audit', { asOf, memberStates: ['XX'] })).rejects.toThrow(
			/invalid member state: "XX" \(accepted: AT, BE/
		);
		const own = await build('supervisor-audit', { asOf }, supervisorNL);
		expect(own.params.memberStates).toEqual(['NL']);
		expect(new Set(table(own, 'overdue-review').rows.map((r) => r[1]))).toEqual(new Set(['NL']));
	});

	it('each list is complete: as many records as the figure it explains, per state', async () => {
		const doc = await build('supervisor-audit', { asOf, memberStates: ['NL', 'BE'], lang: 'nl' });
		expect(doc.title).toBe('Toezichtsrapportage: BE, NL, peildatum 30 juni 2025');
		const metrics = await withData(fullScope, (d) => headlineMetrics(d, { asOf }), {
			path: dbPath
		});
		for (const ms of ['BE', 'NL']) {
			const r = metrics.retention.find((x) => x.memberState === ms)!;
			const w = metrics.withheld.find((x) => x.memberState === ms)!;
			const count = (id: string, col: number) =>
				table(doc, id).rows.filter((row) => row[col] === ms).length;
			expect(count('overdue-review', 1)).toBe(r.overdueReview);
			expect(count('past-retention', 1)).toBe(r.pastRetention);
			expect(count('missing-assessment', 1)).toBe(r.missingAssessment);
			expect(count('withheld-unjustified', 2)).toBe(w.unjustified);
		}
		expect(table(doc, 'overdue-review').rows.length).toBeGreaterThan(500);
		// Counts by authority: one row per state and authority, labelled with the state.
		expect(new Set(table(doc, 'by-authority').rows.map((r) => r[0]))).toEqual(
			new Set(['BE', 'NL'])
		);
	});

	it('PDF: every row of a table of over 500 records, page numbers, the header repeated on every page', async () => {
		const doc = await build('supervisor-audit', { asOf, memberStates: ['NL'], lang: 'nl' });
		const list = table(doc, 'overdue-review');
		expect(list.rows.length).toBeGreaterThan(500);
		const file = join(dir, 'sa.pdf');
		writeFileSync(file, await renderReport(doc, 'pdf'));
		const pages = Number(
			/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]
		);
		const text = execFileSync('pdftotext', ['-layout', file, '-'], {
			encoding: 'utf8',
			maxBuffer: 1 << 28
		});
		const perPage = text.split('\f').filter((p) => p.trim());
		expect(perPage).toHaveLength(pages);
		for (let p = 1; p <= pages; p++) expect(perPage[p - 1]).toContain(`Pagina ${p} van ${pages}`);
		const ids = new Set(list.rows.map((r) => String(r[0])));
		const pagesWithList = perPage.filter((p) =>
			[...p.matchAll(/\bR[A-Z]?-\d+/g)].some((m) => ids.has(m[0]))
		);
		// Every record id of the list is printed, and every page that lists them repeats the header.
		for (const id of ids) expect(text).toContain(id);
		for (const p of pagesWithList)
			expect(p).toMatch(/Registratie\s+Lidstaat\s+Register\s+Grondslag\s+Soort/);
		expect(pagesWithList.length).toBeGreaterThan(5);
		// Dutch formatting.
		expect(text).toMatch(/\d+,\d %/);
	});

	it('docx and CSV carry every record of every list', async () => {
		const doc = await build('supervisor-audit', { asOf, memberStates: ['NL'] });
		const zip = await JSZip.loadAsync(await renderReport(doc, 'csv'));
		const tables = tablesOf(doc);
		expect(Object.keys(zip.files).sort()).toEqual(
			[...tables.map((t) => `${t.id}.csv`), 'provenance.csv'].sort()
		);
		const csv = await zip.file('overdue-review.csv')!.async('string');
		expect(csv.trim().split('\r\n')).toHaveLength(table(doc, 'overdue-review').rows.length + 1);
		const docx = await JSZip.loadAsync(await renderReport(doc, 'docx'));
		const xml = await docx.file('word/document.xml')!.async('string');
		for (const r of table(doc, 'past-retention').rows) expect(xml).toContain(`>${r[0]}<`);
	});
});
