// `npm run bench:reports [-- --rows N] [-- --records N] [-- --no-write]`: time the reports on the
// metrics benchmark's data (scripts/bench-metrics.ts builds data/bench/metrics.duckdb: N sharing
// rows, default 10^7, N/10 retention records, two programmes): the cosi-progress PDF for all
// member states, a supervisor-audit PDF of about 5,000 records, measured (the member state and
// as-of date whose audit lists come closest: records accumulate over the years, so an earlier
// as-of date lists fewer), and the same two documents as docx and xlsx; the same state's audit as
// of the progress report's date (the larger) as docx and xlsx too. Each: reading the report
// through the gate (warm), the same named queries straight on a DuckDB connection (the
// baseline), the render (in the render worker, as the server does; PDF: Chromium), the pages, and
// the resident memory of the browser's processes before and after each PDF (released: the
// render's context is closed). Results go to the "## Reports" section of docs/benchmarks.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dateValue, type DuckDBConnection } from '@duckdb/node-api';
import { closeStore, openStore, repoRoot } from '../src/lib/server/db.ts';
import { withData } from '../src/lib/server/data.ts';
import { headlineMetrics } from '../src/lib/server/metrics.ts';
import { buildReport, reportDefinition } from '../src/lib/server/reports/engine.ts';
import { tablesOf, type ReportDocument } from '../src/lib/server/reports/model.ts';
import { parseReportParams } from '../src/lib/server/reports/params.ts';
import { loadQuery } from '../src/lib/server/queries.ts';
import { closePdfBrowser, pdfLoad } from '../src/lib/server/reports/pdf.ts';
import { closeRenderPool } from '../src/lib/server/reports/render-pool.ts';
import {
	renderPreviewBody,
	renderReport,
	type ReportFormat
} from '../src/lib/server/reports/render.ts';
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
	raw: number;
	render: number;
	bytes: number;
	pages: number | null;
	browserBefore: number | null;
	browserAfter: number | null;
	contexts: number | null;
}

const dir = mkdtempSync(join(os.tmpdir(), 'cosi-bench-reports-'));

interface Built {
	label: string;
	doc: ReportDocument;
	/** Reading through the gate, warm (the second of two builds). */
	read: number;
	/** The same named queries straight on a DuckDB connection, warm. */
	raw: number;
}

async function measure(b: Built, format: ReportFormat): Promise<Result> {
	const browserBefore = format === 'pdf' ? browserMemory() : null;
	const t0 = performance.now();
	const bytes = await renderReport(b.doc, format);
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
		label: b.label,
		format,
		read: b.read,
		raw: b.raw,
		render,
		bytes: bytes.length,
		pages,
		browserBefore,
		browserAfter: format === 'pdf' ? browserMemory() : null,
		contexts: format === 'pdf' ? pdfLoad.openContexts() : null
	};
	console.log(JSON.stringify(result));
	return result;
}

/** The records an audit lists (its four lists, not the counts). */
function recordsListed(doc: ReportDocument): number {
	return tablesOf(doc)
		.filter((t) => !t.id.startsWith('by-') && t.id !== 'withheld-by-ground')
		.reduce((s, t) => s + t.rows.length, 0);
}

type Traced = [string, Record<string, string | number | boolean | null>];

/** The baseline: each traced query's SQL and parameters, straight to DuckDB, rows read. */
async function rawQueries(con: DuckDBConnection, traced: Traced[]): Promise<void> {
	await con.run("SET VARIABLE cosi_scope = ['*']");
	for (const [name, params] of traced) {
		const query = loadQuery(name);
		const prepared = await con.prepare(query.sql);
		for (const p of query.params) {
			const v = params[p.name] ?? null;
			const index = prepared.parameterIndex(p.name);
			if (v === null) prepared.bindNull(index);
			else if (p.type === 'DATE') {
				const [year, month, day] = String(v).split('-').map(Number);
				prepared.bindDate(index, dateValue({ year, month, day }));
			} else if (p.type === 'INTEGER') prepared.bindInteger(index, v as number);
			else if (p.type === 'DOUBLE') prepared.bindDouble(index, v as number);
			else if (p.type === 'BOOLEAN') prepared.bindBoolean(index, v as boolean);
			else prepared.bindVarchar(index, String(v));
		}
		(await prepared.runAndReadAll()).getRows();
	}
}

/** Build a report twice through the gate (the second timed), then time its queries raw. */
async function timedBuild(
	label: string,
	id: string,
	raw: Record<string, unknown>,
	con: DuckDBConnection
): Promise<Built> {
	const def = reportDefinition(id);
	const params = parseReportParams(def, raw);
	const traced: Traced[] = [];
	await buildReport(fullScope, def, params, { path: dbPath });
	const t0 = performance.now();
	const doc = await buildReport(fullScope, def, params, {
		path: dbPath,
		trace: (name, p) => traced.push([name, p])
	});
	const read = performance.now() - t0;
	await rawQueries(con, traced);
	const t1 = performance.now();
	await rawQueries(con, traced);
	return { label, doc, read, raw: performance.now() - t1 };
}

/** The last day of each of `months` months, the first being month `month` (1-12) of `year`. */
function monthEnds(year: number, month: number, months: number): string[] {
	return Array.from({ length: months }, (_, i) =>
		new Date(Date.UTC(year, month + i, 0)).toISOString().slice(0, 10)
	);
}

/**
 * The member state and as-of date whose audit lists come closest to `wanted` records, by the
 * headline figures the lists explain: every 30 June first, then the month ends of the year
 * before the first 30 June on which some state lists more.
 */
async function auditChoice(wanted: number): Promise<{ ms: string; asOf: string; listed: number }> {
	let best = { ms: '', asOf: '', listed: Infinity };
	const tryDate = async (date: string) => {
		const metrics = await withData(fullScope, (d) => headlineMetrics(d, { asOf: date }), {
			path: dbPath
		});
		let above = false;
		for (const r of metrics.retention) {
			const w = metrics.withheld.find((x) => x.memberState === r.memberState);
			const listed =
				r.overdueReview + r.pastRetention + r.missingAssessment + (w?.unjustified ?? 0);
			if (Math.abs(listed - wanted) < Math.abs(best.listed - wanted))
				best = { ms: r.memberState, asOf: date, listed };
			above ||= listed >= wanted;
		}
		return above;
	};
	const lastYear = Number(asOf.slice(0, 4));
	for (let year = lastYear - 10; year <= lastYear; year++) {
		if (await tryDate(`${year}-06-30`)) {
			for (const date of monthEnds(year - 1, 7, 11)) await tryDate(date);
			break;
		}
	}
	return best;
}

/** Each target, met or not, from the measured figures. */
function outcome(results: Result[]): string {
	const total = (label: string, format: ReportFormat) => {
		const r = results.find((x) => x.label.startsWith(label) && x.format === format);
		return r ? r.read + r.render : NaN;
	};
	const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
	const verdict = (ok: boolean) => (ok ? 'met' : 'not met');
	const pdfs = results.filter((r) => r.format === 'pdf');
	const grew = pdfs.some(
		(r, i) =>
			i > 1 && r.browserAfter! > Math.max(...pdfs.slice(0, i).map((p) => p.browserAfter!)) * 1.1
	);
	const audit = total('supervisor-audit', 'pdf');
	const progress = total('cosi-progress', 'pdf');
	const office = (label: string) =>
		(['docx', 'xlsx'] as const).map((f) => `${f} ${sec(total(label, f))}`).join(', ');
	const officeMet = ['cosi-progress', 'supervisor-audit'].every((l) =>
		(['docx', 'xlsx'] as const).every((f) => total(l, f) < 5000)
	);
	return [
		`Outcome: cosi-progress PDF ${sec(progress)}, ${verdict(progress < 5000)};`,
		`supervisor-audit PDF (measured on the audit above) ${sec(audit)}, ${verdict(audit < 20000)};`,
		`docx and xlsx under 5 s ${verdict(officeMet)} (cosi-progress: ${office('cosi-progress')}; audit: ${office('supervisor-audit')});`,
		`browser memory ${grew ? 'grew' : 'did not grow'} from one PDF to the next (after each render it returns to the level of the running browser), no context left open.`
	].join(' ');
}

async function main() {
	const loadBefore = os.loadavg()[0];
	prepare();
	const store = await openStore(dbPath);
	const results: Result[] = [];
	let choice: { ms: string; asOf: string; listed: number };
	let records: number;
	let largeRecords: number;
	let memoryBefore: number;
	try {
		choice = await auditChoice(wantedRecords);
		memoryBefore = browserMemory();

		const progress = await timedBuild(
			'cosi-progress, all member states',
			'cosi-progress',
			{ asOf },
			store.connection
		);
		const audit = await timedBuild(
			`supervisor-audit ${choice.ms} as of ${choice.asOf}`,
			'supervisor-audit',
			{ asOf: choice.asOf, memberStates: [choice.ms] },
			store.connection
		);
		records = recordsListed(audit.doc);
		// The render worker started and its code loaded, as in a running server.
		await renderPreviewBody(progress.doc);
		for (const format of ['pdf', 'docx', 'xlsx'] as const) {
			results.push(await measure(progress, format));
			results.push(await measure(audit, format));
		}
		// A second PDF of the same report on the same browser: memory does not grow per render.
		results.push(await measure({ ...audit, label: `${audit.label} (again)` }, 'pdf'));
		// The largest audit of the same member state, as of the progress report's date.
		const large = await timedBuild(
			`larger: supervisor-audit ${choice.ms} as of ${asOf}`,
			'supervisor-audit',
			{ asOf, memberStates: [choice.ms] },
			store.connection
		);
		largeRecords = recordsListed(large.doc);
		for (const format of ['docx', 'xlsx'] as const) results.push(await measure(large, format));
	} finally {
		await closePdfBrowser();
		await closeRenderPool();
		await closeStore(dbPath);
		rmSync(dir, { recursive: true, force: true });
	}

	const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
	const mib = (m: number | null) => (m === null ? '' : `${m.toFixed(0)} MiB`);
	const cpus = os.cpus();
	const section = `## Reports

\`npm run bench:reports\` (scripts/bench-reports.ts), run ${new Date().toISOString().slice(0, 10)}.
On the metrics benchmark's data (${rows.toLocaleString('en')} sharing rows,
${(rows / 10).toLocaleString('en')} retention records, two programmes): the COSI progress report
for all member states and programmes as of ${asOf}, and the supervisory audit of ${choice.ms} as
of ${choice.asOf}, the member state and as-of date whose lists come closest to
${wantedRecords.toLocaleString('en')} records: **${records.toLocaleString('en')} records listed,
measured, not extrapolated** (records accumulate over the years: an earlier as-of date lists
fewer). The same audit as of ${asOf} (${largeRecords.toLocaleString('en')} records) as docx and
xlsx too.

- read: the engine reading every table through the gate (warm: the second of two builds);
- DuckDB: the same named queries with the same parameters straight on a DuckDB connection
  (warm): the baseline; total / DuckDB: the whole document against it;
- render: docx, xlsx and the HTML that Chromium prints are built in the render worker thread, as
  in the server (the document copied to it, the file back); PDF: then Chromium printing the
  HTML, the browser already running except for the first;
- browser memory: the resident memory of the browser's processes just before and just after each
  PDF, every render's context closed after it (${memoryBefore.toFixed(0)} MiB before the first launch).

Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory,
${os.platform()} ${os.release()}, Node ${process.version}. ${
		loadBefore >= cpus.length
			? '**The machine was shared** with other work while it ran'
			: 'Nothing else was meant to run beside it'
	}: load average (1 min) ${loadBefore.toFixed(1)} at the start and ${os.loadavg()[0].toFixed(1)} at the end (the benchmark's own Chromium and
render worker included) on ${cpus.length} cores.${
		loadBefore >= cpus.length
			? ' The times are upper bounds; the ratios against DuckDB, measured in the same minutes, are the steadier figures.'
			: ''
	}

| report | format | read | DuckDB | render | total | total / DuckDB | size | pages | browser before | browser after | open contexts |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${results
	.map(
		(r) =>
			`| ${r.label} | ${r.format} | ${s(r.read)} | ${s(r.raw)} | ${s(r.render)} | ${s(r.read + r.render)} | ${((r.read + r.render) / r.raw).toFixed(1)} | ${(r.bytes / 2 ** 20).toFixed(1)} MiB | ${r.pages ?? ''} | ${mib(r.browserBefore)} | ${mib(r.browserAfter)} | ${r.contexts ?? ''} |`
	)
	.join('\n')}

Targets: cosi-progress PDF under 5 s, supervisor-audit PDF (5,000 records) under 20 s, the
same documents as docx and xlsx under 5 s, Chromium's memory released after each render.
${outcome(results)}
`;
	console.log(section);
	if (!flags['no-write']) writeBenchSection(section);
}

await main();
