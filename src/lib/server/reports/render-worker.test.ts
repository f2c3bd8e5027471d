// The render worker (render-pool.ts): docx and xlsx built in a worker thread equal, cell for cell,
// what the same renderers build in this thread; the main thread goes on while a render runs (an
// ordering, held by the test, not a timing); a render's error and a worker's death reach the
// caller as clear errors, and the pool goes on with a new worker.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetClock, setClock } from '../clock.ts';
import { closeStore, openStore, withData } from '../data.ts';
import { loadSamples } from '../ingest/samples.ts';
import { fullScope } from '../scope.ts';
import { buildReport, reportDefinition } from './engine.ts';
import type { ReportDocument } from './model.ts';
import { parseReportParams, type RawParams } from './params.ts';
import { closeRenderPool, RenderPool, RenderWorkerError } from './render-pool.ts';
import { runTask } from './render-worker.ts';
import { renderPreviewBody, renderReport } from './render.ts';

let dir: string;
let dbPath: string;
let audit: ReportDocument;
let progress: ReportDocument;

function build(id: string, raw: RawParams): Promise<ReportDocument> {
	const def = reportDefinition(id);
	return buildReport(fullScope, def, parseReportParams(def, raw), { path: dbPath });
}

beforeAll(async () => {
	setClock(new Date('2026-12-03T10:00:00Z'));
	dir = mkdtempSync(join(tmpdir(), 'cosi-render-worker-'));
	dbPath = join(dir, 'w.duckdb');
	await loadSamples(await openStore(dbPath));
	audit = await build('supervisor-audit', { asOf: '2025-06-30', memberStates: ['NL'] });
	progress = await build('cosi-progress', { asOf: '2025-06-30' });
});

afterAll(async () => {
	resetClock();
	await closeRenderPool();
	await closeStore(dbPath);
	rmSync(dir, { recursive: true, force: true });
});

/** Every table cell's text of a docx, table by table, row by row. */
async function docxCells(bytes: Uint8Array): Promise<string[][][]> {
	const zip = await JSZip.loadAsync(bytes);
	const xml = await zip.file('word/document.xml')!.async('string');
	const text = (s: string) =>
		[...s.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
	return [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map(([tbl]) =>
		[...tbl.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map(([tr]) =>
			[...tr.matchAll(/<w:tc>.*?<\/w:tc>/gs)].map(([tc]) => text(tc))
		)
	);
}

/** Every sheet's cell values (with their number formats) and views of an xlsx. */
async function xlsxCells(bytes: Uint8Array) {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
	return wb.worksheets.map((ws) => ({
		name: ws.name,
		views: ws.views,
		autoFilter: ws.autoFilter,
		rows: ws
			.getSheetValues()
			.map((r) => (Array.isArray(r) ? r.map((v) => (v instanceof Date ? v.toISOString() : v)) : r)),
		formats: ws.getRow(2).values
	}));
}

describe('render worker', () => {
	it('docx from the worker equals the docx built in this thread, cell for cell', async () => {
		for (const doc of [audit, progress]) {
			const [worker, here] = await Promise.all([renderReport(doc, 'docx'), runTask('docx', doc)]);
			const cells = await docxCells(worker);
			expect(cells.length).toBeGreaterThan(3);
			expect(cells).toEqual(await docxCells(here));
		}
	});

	it('xlsx from the worker equals the xlsx built in this thread, cell for cell', async () => {
		for (const doc of [audit, progress]) {
			const [worker, here] = await Promise.all([renderReport(doc, 'xlsx'), runTask('xlsx', doc)]);
			const sheets = await xlsxCells(worker);
			expect(sheets.length).toBeGreaterThan(3);
			expect(sheets).toEqual(await xlsxCells(here));
		}
	});

	it('the CSV zip, the HTML and the preview body equal those built in this thread', async () => {
		const zipFiles = async (bytes: Uint8Array) => {
			const zip = await JSZip.loadAsync(bytes);
			return Promise.all(
				Object.keys(zip.files)
					.sort()
					.map(async (name) => [name, await zip.file(name)!.async('string')])
			);
		};
		expect(await zipFiles(await renderReport(audit, 'csv'))).toEqual(
			await zipFiles(await runTask('csv', audit))
		);
		const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
		expect(text(await renderReport(audit, 'html'))).toBe(text(await runTask('html', audit)));
		expect(await renderPreviewBody(audit)).toBe(text(await runTask('html-body', audit)));
	});

	it('the main thread answers other work while a render is held in the worker', async () => {
		const pool = new RenderPool({ size: 1 });
		try {
			const hold = new SharedArrayBuffer(4);
			const events: string[] = [];
			const render = pool.run('docx', audit, { hold }).then((bytes) => {
				events.push('render finished');
				return bytes;
			});
			// The worker is blocked (Atomics.wait) until released: had the render been on this
			// thread, nothing below could run and the test would time out.
			const figures = await withData(fullScope, (d) => d.rows('actor_names', {}), {
				path: dbPath
			});
			events.push('query answered');
			expect(figures.length).toBeGreaterThan(0);
			Atomics.store(new Int32Array(hold), 0, 1);
			Atomics.notify(new Int32Array(hold), 0);
			const bytes = await render;
			expect(events).toEqual(['query answered', 'render finished']);
			expect(await docxCells(bytes)).toEqual(await docxCells(await runTask('docx', audit)));
		} finally {
			await pool.close();
		}
	});

	it('a render that throws rejects with an error naming the format and the reason', async () => {
		const broken = { ...audit, blocks: null } as unknown as ReportDocument;
		await expect(renderReport(broken, 'xlsx')).rejects.toThrow(RenderWorkerError);
		await expect(renderReport(broken, 'docx')).rejects.toThrow(/^docx render failed: .+/);
		// The worker lives on.
		expect((await renderReport(audit, 'csv')).length).toBeGreaterThan(0);
	});

	it('closing the pool rejects the render running and those waiting', async () => {
		const pool = new RenderPool({ size: 1 });
		const hold = new SharedArrayBuffer(4);
		const running = pool.run('csv', audit, { hold });
		const waiting = pool.run('csv', audit);
		// Started: the worker holds the first task.
		await expect.poll(() => pool.started).toBe(1);
		const outcomes = Promise.allSettled([running, waiting]);
		await pool.close();
		for (const outcome of await outcomes) {
			expect(outcome.status).toBe('rejected');
			expect(String((outcome as PromiseRejectedResult).reason)).toBe(
				'RenderWorkerError: csv render failed: the render pool was closed'
			);
		}
		await expect(pool.run('csv', audit)).rejects.toThrow(RenderWorkerError);
	});

	it('a worker that dies (out of memory) rejects its task; the next task gets a new worker', async () => {
		const pool = new RenderPool({ size: 1, resourceLimits: { maxOldGenerationSizeMb: 48 } });
		try {
			const long = 'x'.repeat(2000);
			const huge: ReportDocument = {
				...audit,
				blocks: [
					{
						kind: 'table',
						id: 'huge',
						title: 'huge',
						note: null,
						columns: [1, 2, 3, 4].map((i) => ({
							field: `c${i}`,
							label: `c${i}`,
							type: 'text' as const,
							width: 1
						})),
						rows: Array.from({ length: 40_000 }, (_, i) => [`${i}${long}`, long, long, long]),
						groupBy: null,
						empty: '',
						compact: false
					}
				]
			};
			await expect(pool.run('xlsx', huge)).rejects.toThrow(
				/^xlsx render failed: the render worker stopped/
			);
			const small = await pool.run('csv', audit);
			expect(small.length).toBeGreaterThan(0);
			expect(pool.started).toBe(2);
		} finally {
			await pool.close();
		}
	});
});
