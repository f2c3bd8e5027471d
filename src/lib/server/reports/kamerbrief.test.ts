// The kamerbrief-bijlage (seed 004's table) end to end on the sample Actieprogramma: the
// document, every format read back (pdftotext, the docx XML, exceljs, the CSV zip), escaping,
// and the fingerprint (same on regeneration; changed by a batch that changes rows the report
// reads, not by one that does not; `verify` says which).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AIAJ_MEASURES, AIAJ_THEMES } from '../../../../scripts/samples/aiaj.ts';
import { setClock, resetClock } from '../clock.ts';
import { closeStore, openStore, repoRoot, type Store } from '../db.ts';
import { ingestFile } from '../ingest/index.ts';
import { samplesDir } from '../ingest/samples.ts';
import { fullScope } from '../scope.ts';
import { buildReport, reportDefinition } from './engine.ts';
import { tablesOf, type ReportDocument, type TableBlock } from './model.ts';
import { parseReportParams, ReportParamError } from './params.ts';
import {
	ChromiumMissingError,
	chromiumPath,
	closePdfBrowser,
	MAX_PDF_RENDERS,
	pdfLoad
} from './pdf.ts';
import { renderReport } from './render.ts';
import { verifyReport } from './verify.ts';

let dir: string;
let dbPath: string;
let store: Store;
const def = reportDefinition('kamerbrief-bijlage');
const params = () => parseReportParams(def, { asOf: '2016-06-30', classification: 'LIMITE' });
const build = () => buildReport(fullScope, def, params(), { path: dbPath });
let doc: ReportDocument;

async function ingestAiaj(file: string, peildatum: string) {
	return ingestFile(store, join(samplesDir, file), {
		kind: 'actions',
		profile: 'nl-voortgang',
		options: { programme: 'AIAJ', peildatum }
	});
}

beforeAll(async () => {
	setClock(new Date('2026-12-03T10:00:00Z'));
	dir = mkdtempSync(join(tmpdir(), 'cosi-kamerbrief-'));
	dbPath = join(dir, 'k.duckdb');
	store = await openStore(dbPath);
	await ingestAiaj('actions-aiaj-2016-06-30-nl-voortgang.csv', '2016-06-30');
	doc = await build();
});

afterAll(async () => {
	resetClock();
	await closePdfBrowser();
	await closeStore(dbPath);
	rmSync(dir, { recursive: true, force: true });
});

const table = (d: ReportDocument) => d.blocks.find((b): b is TableBlock => b.kind === 'table')!;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('kamerbrief-bijlage: the document', () => {
	it('has the peildatum in the title and all 38 measures under their six headings, full texts', () => {
		expect(doc.title).toBe('Voortgangsrapportage AIAJ, peildatum 30 juni 2016');
		const t = table(doc);
		expect(t.columns.map((c) => c.label)).toEqual([
			'Thema',
			'Nr',
			'Omschrijving',
			'Planning',
			'Stand van zaken',
			'Recente ontwikkelingen'
		]);
		expect(t.rows).toHaveLength(38);
		expect([...new Set(t.rows.map((r) => r[0]))]).toEqual([...AIAJ_THEMES]);
		expect(t.rows).toEqual(
			AIAJ_MEASURES.map((m) => [
				m.theme,
				String(m.nr),
				m.description,
				m.planning,
				m.standVanZaken,
				m.recenteOntwikkelingen || null
			])
		);
	});

	it('lists the batch it read with its SHA-256, and regenerates with the same fingerprint', async () => {
		expect(doc.batches).toHaveLength(1);
		expect(doc.batches[0]).toMatchObject({
			fileName: 'actions-aiaj-2016-06-30-nl-voortgang.csv',
			kind: 'actions',
			rowsAccepted: 38
		});
		expect(doc.batches[0].sha256).toMatch(/^[0-9a-f]{64}$/);
		const again = await build();
		expect(again.fingerprint).toBe(doc.fingerprint);
		expect(doc.fingerprint).toMatch(/^[0-9a-f]{64}$/);
	});

	it('a bad parameter names it and the accepted values', () => {
		expect(() => parseReportParams(def, { lang: 'en' })).toThrow(
			/invalid --lang: "en" \(accepted: nl/
		);
		expect(() => parseReportParams(def, { asOf: '2016-02-30' })).toThrow(/invalid --as-of/);
		expect(() => parseReportParams(def, { memberStates: ['NL'] })).toThrow(
			/takes no --member-state \(accepted: --as-of, --programme, --lang, --classification, --annex\)/
		);
		expect(() => reportDefinition('nope')).toThrow(ReportParamError);
	});
});

describe('kamerbrief-bijlage: every format read back', () => {
	it('PDF: every measure, page X of Y, the header on every page of the table, the fingerprint', async () => {
		const file = join(dir, 'k.pdf');
		writeFileSync(file, await renderReport(doc, 'pdf'));
		const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
		expect(info).toMatch(/Page size:\s+842\.\d+ x 595\.\d+ pts \(A4\)/);
		expect(info).toContain(`Subject:         cosi-fingerprint ${doc.fingerprint}`);
		const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
		expect(pages).toBeGreaterThan(5);
		// -raw: the text in the order Chromium drew it, cell by cell.
		const text = execFileSync('pdftotext', ['-raw', file, '-'], {
			encoding: 'utf8',
			maxBuffer: 1 << 28
		});
		// pdftotext joins a word hyphenated at a line end: compare without spaces and hyphens.
		const bare = (s: string) => s.replace(/[\s\-\u2010]+/g, '');
		const flat = bare(text);
		for (let p = 1; p <= pages; p++) expect(text).toContain(`Pagina ${p} van ${pages}`);
		for (const theme of AIAJ_THEMES) expect(flat).toContain(bare(theme));
		// Every text of every measure, whole: no line of a long cell is cut off.
		for (const m of AIAJ_MEASURES)
			for (const cell of [m.description, m.planning, m.standVanZaken, m.recenteOntwikkelingen])
				expect(flat).toContain(bare(cell));
		// The running header on every page; the table header repeated on the pages it spans.
		const perPage = text.split('\f').filter((p) => p.trim());
		expect(perPage).toHaveLength(pages);
		for (const page of perPage) expect(page).toContain('peildatum 30 juni 2016');
		const withTable = perPage.filter((p) => /Stand van zaken/.test(p));
		expect(withTable.length).toBeGreaterThanOrEqual(pages - 2);
		expect(text).toContain('LIMITE');
		expect(flat).toContain(doc.fingerprint);
		expect(text).toContain(`Gegenereerd op 3 december 2026 10:00 UTC`);
	});

	it('PDF renders: at most two at once, one browser reused, each render’s context closed', async () => {
		const launches = pdfLoad.launches;
		pdfLoad.peak = 0;
		const pdfs = await Promise.all([1, 2, 3, 4, 5].map(() => renderReport(doc, 'pdf')));
		for (const pdf of pdfs) expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
		expect(pdfLoad.peak).toBe(MAX_PDF_RENDERS);
		expect(pdfLoad.launches).toBe(launches);
		expect(pdfLoad.openContexts()).toBe(0);
		expect(pdfLoad.running() + pdfLoad.waiting()).toBe(0);
	});

	it('without Chromium, a clear error that says what to install', () => {
		const saved = process.env.COSI_CHROMIUM;
		process.env.COSI_CHROMIUM = join(dir, 'no-such-chromium');
		try {
			expect(() => chromiumPath()).toThrow(ChromiumMissingError);
			expect(() => chromiumPath()).toThrow(
				/npx playwright install chromium.*apt-get install -y chromium/
			);
		} finally {
			if (saved === undefined) delete process.env.COSI_CHROMIUM;
			else process.env.COSI_CHROMIUM = saved;
		}
	});

	it('docx: headings with heading styles, Word tables with a repeated header row, the fingerprint in the properties', async () => {
		const zip = await JSZip.loadAsync(await renderReport(doc, 'docx'));
		const xml = await zip.file('word/document.xml')!.async('string');
		expect(xml).toContain('<w:pStyle w:val="Title"/>');
		expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
		expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
		// Six theme tables and the batches table, each with a header row.
		expect(xml.match(/<w:tbl>/g)).toHaveLength(7);
		expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(7);
		const texts = squash(
			[...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
				.map((m) => m[1])
				.join(' ')
				.replace(/&amp;/g, '&')
		);
		for (const m of AIAJ_MEASURES) expect(texts).toContain(squash(m.description));
		const custom = await zip.file('docProps/custom.xml')!.async('string');
		expect(custom).toContain(doc.fingerprint);
		const core = await zip.file('docProps/core.xml')!.async('string');
		expect(core).toContain(`<dc:subject>${doc.fingerprint}</dc:subject>`);
	});

	it('xlsx: one sheet for the table, frozen header, filters, the provenance sheet with the fingerprint', async () => {
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(await renderReport(doc, 'xlsx')) as unknown as ArrayBuffer);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['voortgang', 'provenance']);
		const ws = wb.getWorksheet('voortgang')!;
		expect(ws.rowCount).toBe(39);
		expect(ws.getRow(1).values).toEqual([
			undefined,
			'Thema',
			'Nr',
			'Omschrijving',
			'Planning',
			'Stand van zaken',
			'Recente ontwikkelingen'
		]);
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(ws.autoFilter).toBeTruthy();
		expect(ws.getCell('E2').value).toBe(AIAJ_MEASURES[0].standVanZaken);
		const ps = wb.getWorksheet('provenance')!;
		const fp = ps.getColumn(1).values.indexOf('fingerprint');
		expect(ps.getCell(fp, 2).value).toBe(doc.fingerprint);
	});

	it('CSV: a zip with one file per table and the provenance', async () => {
		const zip = await JSZip.loadAsync(await renderReport(doc, 'csv'));
		expect(Object.keys(zip.files).sort()).toEqual(['provenance.csv', 'voortgang.csv']);
		const csv = await zip.file('voortgang.csv')!.async('string');
		expect(
			csv.startsWith(
				'\uFEFFThema,Nr,Omschrijving,Planning,Stand van zaken,Recente ontwikkelingen\r\n'
			)
		).toBe(true);
		for (const m of AIAJ_MEASURES) expect(csv).toContain(m.description);
		expect(await zip.file('provenance.csv')!.async('string')).toContain(doc.fingerprint);
	});
});

describe('kamerbrief-bijlage: imported text and a new batch', () => {
	it('a batch that does not change the rows read keeps the fingerprint; verify says current', async () => {
		const pdf = await renderReport(doc, 'docx');
		await ingestAiaj('actions-aiaj-2016-12-31-nl-voortgang.csv', '2016-12-31');
		const after = await build();
		expect(after.fingerprint).toBe(doc.fingerprint);
		const result = await verifyReport(fullScope, pdf, { path: dbPath });
		expect(result).toMatchObject({ status: 'current', fingerprint: doc.fingerprint });
	});

	it('a batch that changes a row read changes it; verify names the batch; markup and formulas stay text', async () => {
		const before = await renderReport(doc, 'xlsx');
		const evil = '=HYPERLINK("http://example.org","x") <script>alert(1)</script> & <b>vet</b>';
		const file = join(dir, 'correction.csv');
		writeFileSync(
			file,
			`Thema;Nr;Omschrijving;Planning;Stand van zaken;Recente ontwikkelingen\r\n1. Risicoreductie jihadgangers;1;${AIAJ_MEASURES[0].description};doorlopend toegepast;"${evil.replace(/"/g, '""')}";\r\n`
		);
		const r = await ingestFile(store, file, {
			kind: 'actions',
			profile: 'nl-voortgang',
			options: { programme: 'AIAJ', peildatum: '2016-06-30' }
		});
		expect(r.status).toBe('accepted');
		const after = await build();
		expect(after.fingerprint).not.toBe(doc.fingerprint);
		expect(table(after).rows[0][4]).toBe(evil);
		const result = await verifyReport(fullScope, before, { path: dbPath });
		expect(result.status).toBe('outdated');
		if (result.status !== 'outdated') return;
		expect(result.currentFingerprint).toBe(after.fingerprint);
		expect(result.batchesAdded.map((b) => b.fileName)).toContain('correction.csv');

		const html = new TextDecoder().decode(await renderReport(after, 'html'));
		expect(html).not.toContain('<script>alert');
		expect(html).not.toContain('<b>vet</b>');
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt;');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(await renderReport(after, 'xlsx')) as unknown as ArrayBuffer);
		const cell = wb.getWorksheet('voortgang')!.getCell('E2');
		expect(cell.type).toBe(ExcelJS.ValueType.String);
		expect(cell.value).toBe(evil);
		const zip = await JSZip.loadAsync(await renderReport(after, 'docx'));
		const xml = await zip.file('word/document.xml')!.async('string');
		expect(xml).toContain('&lt;script&gt;');
		expect(xml).not.toContain('<script>');
		const csv = await (
			await JSZip.loadAsync(await renderReport(after, 'csv'))
		)
			.file('voortgang.csv')!
			.async('string');
		expect(csv).toContain(`"'=HYPERLINK(`);
	});

	it('the optional annex of open motions and commitments (profile nl-toezeggingen): Omschrijving | Vindplaats | Stand van zaken', async () => {
		const r = await ingestFile(store, join(repoRoot, 'tests/fixtures/toezeggingen-nl.csv'), {
			kind: 'actions',
			profile: 'nl-toezeggingen',
			options: { programme: 'AIAJ-TOEZEGGINGEN', peildatum: '2016-06-30' }
		});
		expect(r.status).toBe('accepted');
		const p = parseReportParams(def, { asOf: '2016-06-30', annex: 'AIAJ-TOEZEGGINGEN' });
		const withAnnex = await buildReport(fullScope, def, p, { path: dbPath });
		const annex = tablesOf(withAnnex).find((t) => t.id === 'moties-toezeggingen')!;
		expect(annex.columns.map((c) => c.label)).toEqual([
			'Omschrijving',
			'Vindplaats',
			'Stand van zaken'
		]);
		expect(annex.rows).toHaveLength(2);
		expect(annex.rows[0][1]).toBe('Kamerstuk 29 754, nr. 267 (motie Pechtold)');
		expect(annex.rows[1][2]).toContain('=SOM(A1:A2) <b>blijft</b> tekst.');
		// Without the parameter there is no annex; with it the fingerprint differs.
		expect(tablesOf(await build()).map((t) => t.id)).toEqual(['voortgang']);
		expect(withAnnex.fingerprint).not.toBe((await build()).fingerprint);
		expect(withAnnex.batches.map((b) => b.fileName)).toContain('toezeggingen-nl.csv');
		const docx = await JSZip.loadAsync(await renderReport(withAnnex, 'docx'));
		const xml = await docx.file('word/document.xml')!.async('string');
		expect(xml).toContain('>Vindplaats<');
		expect(xml).toContain('&lt;b&gt;blijft&lt;/b&gt;');
		await expect(
			buildReport(fullScope, def, parseReportParams(def, { annex: 'NOPE' }), { path: dbPath })
		).rejects.toThrow(/invalid annex: "NOPE" \(accepted: AIAJ, AIAJ-TOEZEGGINGEN\)/);
	});

	it('a file that is not a report of ours', async () => {
		expect(
			await verifyReport(fullScope, new TextEncoder().encode('%PDF-1.4\nhello'), { path: dbPath })
		).toMatchObject({ status: 'not_a_report' });
	});
});
