// `npm run bench:reports [-- --rows N] [-- --records N] [-- --no-write]`: time the reports on the
// metrics benchmark's data (scripts/bench-metrics.ts builds data/bench/metrics.duckdb: N sharing
// rows, default 10^7, N/10 retention records, two programmes): the cosi-progress PDF for all
// member states, a supervisor-audit PDF of about 5,000 records (the member state whose audit lists
// come closest), and the same two documents as docx and xlsx. Each: the time to read the report
// through the gate and to render it, the pages, and the memory of the browser's processes after
// the render (Chromium's memory released: the render's context is closed). Results go to the
// "## Reports" section of docs/benchmarks.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { closeStore, openStore, repoRoot } from '../src/lib/server/db.ts';
import { withData } from '../src/lib/server/data.ts';
import { headlineMetrics } from '../src/lib/server/metrics.ts';
import { buildReport, reportDefinition } from '../src/lib/server/reports/engine.ts';
import { tablesOf, type ReportDocument } from '../src/lib/server/reports/model.ts';
import { parseReportParams } from '../src/lib/server/reports/params.ts';
import { closePdfBrowser, pdfLoad } from '../src/lib/server/reports/pdf.ts';
import { renderReport, type ReportFormat } from '../src/lib/server/reports/render.ts';
import { fullScope } from '../src/lib/server/scope.ts';
import { writeBenchSection } from './bench-doc.ts';

const dbPath = join(repoRoot, 'data/bench/metrics.duckdb');
const asOf = '2026-06-30';

const { values: flags } = parseArgs({
	options: {
		rows: { type: 'string', default: '10000000' },
		records: { type: 'string', default: '5000' },
		'no-write': { type: 'boolean', default: false }
	}
});
const rows = Number(flags.rows);
const wantedRecords = Number(flags.records);

/** The metrics benchmark's database, built by it unless one with these row counts is there. */
function prepare(): void {
	const run = spawnSync(
		process.execPath,
		[
			join(repoRoot, 'node_modules/tsx/dist/cli.mjs'),
			join(repoRoot, 'scripts/bench-metrics.ts'),
			'--rows',
			String(rows),
			'--no-write'
		],
		{ stdio: ['ignore', 'ignore', 'inherit'], cwd: repoRoot }
	);
	if (run.status !== 0 || !existsSync(dbPath))
		throw new Error(`bench-metrics could not prepare ${dbPath}`);
}

/** Resident memory (MiB) of this process's descendants: the browser's processes. */
function browserMemory(): number {
	const ps = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' });
	const procs = ps
		.trim()
		.split('\n')
		.map((l) => l.trim().split(/\s+/).map(Number));
	const children = new Map<number, number[]>();
	for (const [pid, ppid] of procs) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
	const rss = new Map(procs.map(([pid, , r]) => [pid, r]));
	let total = 0;
	const walk = (pid: number) => {
		for (const c of children.get(pid) ?? []) {
			total += rss.get(c) ?? 0;
			walk(c);
		}
	};
	walk(process.pid);
	return total / 1024;
}

interface Result {
	label: string;
	format: ReportFormat;
	read: number;
	render: number;
	bytes: number;
	pages: number | null;
	browserMiB: number | null;
	contexts: number | null;
}

const dir = mkdtempSync(join(os.tmpdir(), 'cosi-bench-reports-'));

async function measure(label: string, doc: ReportDocument, read: number, format: ReportFormat) {
	const t0 = performance.now();
	const bytes = await renderReport(doc, format);
	const render = performance.now() - t0;
	let pages: number | null = null;
	if (format === 'pdf') {
		const file = join(dir, 'r.pdf');
		writeFileSync(file, bytes);
		pages = Number(
			/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]
		);
	}
	const result: Result = {
		label,
		format,
		read,
		render,
		bytes: bytes.length,
		pages,
		browserMiB: format === 'pdf' ? browserMemory() : null,
		contexts: format === 'pdf' ? pdfLoad.openContexts() : null
	};
	console.log(JSON.stringify(result));
	return result;
}

/** Each target, met or not, from the figures above (the audit scaled to 5,000 records). */
function outcome(results: Result[], records: number): string {
	const total = (label: string, format: ReportFormat) => {
		const r = results.find((x) => x.label.startsWith(label) && x.format === format);
		return r ? r.read + r.render : NaN;
	};
	const per5000 = (total('supervisor-audit', 'pdf') * 5000) / records;
	const verdict = (ok: boolean) => (ok ? 'met' : 'not met');
	const pdfs = results.filter((r) => r.format === 'pdf');
	const grew = pdfs.length > 1 && pdfs.at(-1)!.browserMiB! > pdfs[1].browserMiB! * 1.1;
	return [
		`Outcome: cosi-progress PDF ${(total('cosi-progress', 'pdf') / 1000).toFixed(1)} s, ${verdict(total('cosi-progress', 'pdf') < 5000)};`,
		`supervisor-audit PDF ${(per5000 / 1000).toFixed(1)} s per 5,000 records (scaled from ${records.toLocaleString('en')}), ${verdict(per5000 < 20000)};`,
		`docx and xlsx ${verdict(['docx', 'xlsx'].every((f) => total('cosi-progress', f as ReportFormat) < 5000))} for cosi-progress,`,
		`${(total('supervisor-audit', 'docx') / 1000).toFixed(1)} s and ${(total('supervisor-audit', 'xlsx') / 1000).toFixed(1)} s for the audit;`,
		`browser memory ${grew ? 'grew' : 'did not grow'} from one audit PDF to the next, no context left open.`
	].join(' ');
}

async function timedBuild(id: string, raw: Record<string, unknown>) {
	const def = reportDefinition(id);
	const t0 = performance.now();
	const doc = await buildReport(fullScope, def, parseReportParams(def, raw), { path: dbPath });
	return { doc, read: performance.now() - t0 };
}

async function main() {
	prepare();
	await openStore(dbPath);
	const results: Result[] = [];
	let audited: string;
	let records: number;
	let memoryBefore: number;
	try {
		// The member state whose audit lists come closest to the number of records wanted.
		const metrics = await withData(fullScope, (d) => headlineMetrics(d, { asOf }), {
			path: dbPath
		});
		const listed = (ms: string) => {
			const r = metrics.retention.find((x) => x.memberState === ms);
			const w = metrics.withheld.find((x) => x.memberState === ms);
			return (
				(r ? r.overdueReview + r.pastRetention + r.missingAssessment : 0) + (w?.unjustified ?? 0)
			);
		};
		audited = metrics.retention
			.map((r) => r.memberState)
			.sort((a, b) => Math.abs(listed(a) - wantedRecords) - Math.abs(listed(b) - wantedRecords))[0];
		memoryBefore = browserMemory();

		const progress = await timedBuild('cosi-progress', { asOf });
		const audit = await timedBuild('supervisor-audit', { asOf, memberStates: [audited] });
		records = tablesOf(audit.doc)
			.filter((t) => !t.id.startsWith('by-') && t.id !== 'withheld-by-ground')
			.reduce((s, t) => s + t.rows.length, 0);
		for (const format of ['pdf', 'docx', 'xlsx'] as const) {
			results.push(
				await measure('cosi-progress, all member states', progress.doc, progress.read, format)
			);
			results.push(await measure(`supervisor-audit ${audited}`, audit.doc, audit.read, format));
		}
		// A second PDF of the same report on the same browser: memory does not grow per render.
		results.push(
			await measure(`supervisor-audit ${audited} (again)`, audit.doc, audit.read, 'pdf')
		);
	} finally {
		await closePdfBrowser();
		await closeStore(dbPath);
		rmSync(dir, { recursive: true, force: true });
	}

	const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
	const cpus = os.cpus();
	const section = `## Reports

\`npm run bench:reports\` (scripts/bench-reports.ts), run ${new Date().toISOString().slice(0, 10)}.
On the metrics benchmark's data (${rows.toLocaleString('en')} sharing rows,
${(rows / 10).toLocaleString('en')} retention records, two programmes), as of ${asOf}: the COSI
progress report for all member states and programmes, and the supervisory audit of ${audited}
(the member state whose lists come closest to ${wantedRecords.toLocaleString('en')} records:
${records.toLocaleString('en')} records listed). "Read" is the engine reading every table through
the gate; "render" the format's renderer (PDF: Chromium printing the HTML, the browser already
running except for the first). Browser memory: the resident memory of the browser's processes
after the render, with every render's context closed (${memoryBefore.toFixed(0)} MiB before the
first launch).

Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory,
${os.platform()} ${os.release()}, Node ${process.version}; shared with other work while it ran.

| report | format | read | render | total | size | pages | browser memory after | open contexts |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${results
	.map(
		(r) =>
			`| ${r.label} | ${r.format} | ${s(r.read)} | ${s(r.render)} | ${s(r.read + r.render)} | ${(r.bytes / 2 ** 20).toFixed(1)} MiB | ${r.pages ?? ''} | ${r.browserMiB === null ? '' : `${r.browserMiB.toFixed(0)} MiB`} | ${r.contexts ?? ''} |`
	)
	.join('\n')}

Targets: cosi-progress PDF under 5 s, supervisor-audit PDF (5,000 records) under 20 s, the
same documents as docx and xlsx under 5 s, Chromium's memory released after each render.
${outcome(results, records)}
`;
	console.log(section);
	if (!flags['no-write']) writeBenchSection(section);
}

await main();
