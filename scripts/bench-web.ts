// `npm run bench:web [-- --no-build] [-- --no-write] [-- --duration 30] [-- --rows N]
// [-- --server DIR] [-- --port 4180]`: time the built web app on N sharing rows (default 10^7) and N/10 retention
// records, signed in.
//
// 1. The data: scripts/bench-metrics.ts builds data/bench/metrics.duckdb (and reuses it while its
//    row counts match); this script runs it when the file is missing, then copies it to
//    data/bench/web.duckdb, because the server holds its database file locked.
// 2. The baseline: the SQL of the queries behind the overview, run straight on DuckDB.
// 3. The server: `node build` (or --server DIR, e.g. an earlier commit built elsewhere) on that
//    copy (PORT 4180), signed in as an admin user `bench` added to the copy (when the server has
//    /login). The overview (/?asOf=2025-06-30) and a member-state page, cold (first request) and
//    warm (50 sequential requests: p50, p95), then autocannon with 20 connections for 30 s against
//    the overview, with the server's resident memory (VmRSS) sampled before, during and after.
// Results go to the "## Web" section of docs/benchmarks.md.
import { dateValue, type DuckDBConnection } from '@duckdb/node-api';
import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { closeStore, openStore, repoRoot } from '../src/lib/server/db.ts';
import { loadQuery } from '../src/lib/server/queries.ts';
import { benchCookie, benchPassword } from './bench-auth.ts';
import { benchDocPath, writeBenchSection } from './bench-doc.ts';

const sourceDb = join(repoRoot, 'data/bench/metrics.duckdb');
const webDb = join(repoRoot, 'data/bench/web.duckdb');
const asOf = '2025-06-30';
const overviewPath = `/?asOf=${asOf}`;
const memberStatePath = `/member-states/FR?asOf=${asOf}`;
const warmRuns = 50;
const connections = 20;

const { values: flags } = parseArgs({
	options: {
		'no-build': { type: 'boolean', default: false },
		'no-write': { type: 'boolean', default: false },
		duration: { type: 'string', default: '30' },
		rows: { type: 'string', default: '10000000' },
		server: { type: 'string', default: 'build' },
		port: { type: 'string', default: '4180' }
	}
});
const port = Number(flags.port);
const base = `http://127.0.0.1:${port}`;
const sharingRows = Number(flags.rows);
if (!Number.isInteger(sharingRows) || sharingRows < 1000) {
	throw new Error(
		`invalid --rows: ${JSON.stringify(flags.rows)} (expected a whole number >= 1000)`
	);
}
const retentionRows = Math.round(sharingRows / 10);
const serverDir = join(repoRoot, flags.server as string);
const duration = Number(flags.duration);
if (!Number.isInteger(duration) || duration < 1) {
	throw new Error(`invalid --duration: ${JSON.stringify(flags.duration)} (expected whole seconds)`);
}

function run(command: string, args: string[]): void {
	console.log(`$ ${command} ${args.join(' ')}`);
	const r = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
	if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status})`);
}

async function count(con: DuckDBConnection, table: string): Promise<number> {
	return Number((await con.runAndReadAll(`SELECT count(*) FROM ${table}`)).getRows()[0][0]);
}

/** The rows of the web database, or null when it cannot be opened. */
async function rowCounts(path: string): Promise<{ sharing: number; retention: number } | null> {
	if (!existsSync(path)) return null;
	const store = await openStore(path);
	try {
		return {
			sharing: await count(store.connection, 'sharing_event'),
			retention: await count(store.connection, 'retention_record')
		};
	} finally {
		await closeStore(path);
	}
}

/** data/bench/web.duckdb with 10^7 sharing and 10^6 retention rows. */
async function prepareDatabase(): Promise<void> {
	const ok = (c: { sharing: number; retention: number } | null) =>
		c !== null && c.sharing === sharingRows && c.retention === retentionRows;
	if (ok(await rowCounts(webDb))) return;
	if (!ok(await rowCounts(sourceDb))) {
		// Builds (or reuses) data/bench/metrics.duckdb; --no-write leaves docs/benchmarks.md alone.
		run(process.execPath, [
			'--import',
			'tsx',
			'scripts/bench-metrics.ts',
			'--no-write',
			'--rows',
			String(sharingRows)
		]);
	}
	for (const suffix of ['', '.wal']) rmSync(webDb + suffix, { force: true });
	copyFileSync(sourceDb, webDb);
	if (existsSync(`${sourceDb}.wal`)) copyFileSync(`${sourceDb}.wal`, `${webDb}.wal`);
	const counts = await rowCounts(webDb);
	if (!ok(counts)) {
		throw new Error(
			`${webDb}: ${JSON.stringify(counts)}, expected ${sharingRows} sharing and ${retentionRows} retention rows (run npm run bench:metrics -- --fresh)`
		);
	}
}

const lastDayOfPreviousMonth = (iso: string) => {
	const [y, m] = iso.split('-').map(Number);
	const d = new Date(0);
	d.setUTCFullYear(y, m - 1, 0);
	return d.toISOString().slice(0, 10);
};

const previousEnd = lastDayOfPreviousMonth(asOf);
// What headlineMetrics() reads: the per-state figures, each query with its EU total row.
const headlineQueries: [string, Record<string, string | null>][] = [
	['progress_by_actor', { as_of: asOf, programme: null, actor: null }],
	['withheld_by_member_state', { as_of: asOf, from: null, to: null, member_state: null }],
	['retention_by_member_state', { as_of: asOf, member_state: null }],
	['progress_summary', { as_of: asOf, programme: null, compare_on: null }]
];
/** Everything the overview reads when nothing is cached: the headline, "previous" and trend. */
const overviewQueries: [string, Record<string, string | null>][] = [
	...headlineQueries,
	['actor_names', {}],
	['withheld_by_member_state', { as_of: previousEnd, from: null, to: null, member_state: null }],
	['retention_trend', { as_of: asOf, from: `${previousEnd.slice(0, 8)}01`, member_state: null }],
	['withheld_by_month', { as_of: asOf, from: null, to: null, member_state: null, channel: null }]
];

function toValues(params: Record<string, string | null>) {
	return Object.fromEntries(
		Object.entries(params).map(([k, v]) => {
			if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
				const [year, month, day] = v.split('-').map(Number);
				return [k, dateValue({ year, month, day })];
			}
			return [k, v];
		})
	);
}

async function rawSql(
	con: DuckDBConnection,
	queries: [string, Record<string, string | null>][]
): Promise<number> {
	const t0 = performance.now();
	// As the data gate does for a caller who sees every state.
	await con.run("SET VARIABLE cosi_scope = ['*']");
	for (const [name, params] of queries) {
		(await con.runAndReadAll(loadQuery(name).sql, toValues(params))).getRows();
	}
	return performance.now() - t0;
}

let cookie: string | null = null;
const headers = (): Record<string, string> => (cookie ? { cookie } : {});

/** The baseline, in this process, before the server takes the file. */
async function baseline() {
	const store = await openStore(webDb);
	try {
		const con = store.connection;
		const coldHeadline = await rawSql(con, headlineQueries);
		const coldOverview = await rawSql(con, overviewQueries);
		const headline: number[] = [];
		const overview: number[] = [];
		for (let i = 0; i < 5; i++) {
			headline.push(await rawSql(con, headlineQueries));
			overview.push(await rawSql(con, overviewQueries));
		}
		const duckdb = String((await con.runAndReadAll('SELECT version()')).getRows()[0][0]);
		return {
			coldHeadline,
			coldOverview,
			warmHeadline: percentile(headline, 50),
			warmOverview: percentile(overview, 50),
			duckdb
		};
	} finally {
		await closeStore(webDb);
	}
}

function percentile(xs: number[], p: number): number {
	const sorted = [...xs].sort((a, b) => a - b);
	const rank = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
	return sorted[Math.max(0, rank)];
}

function rssMiB(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
	return kb / 1024;
}

async function startServer(): Promise<ChildProcess> {
	const server = spawn(process.execPath, [serverDir], {
		cwd: repoRoot,
		stdio: ['ignore', 'inherit', 'inherit'],
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: base,
			COSI_DB: webDb,
			NODE_ENV: 'production'
		}
	});
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`);
		try {
			// A redirect that does not touch the database.
			const r = await fetch(`${base}/lang?to=en&back=/`, { redirect: 'manual' });
			if (r.status === 303) return server;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error('the server did not start within 30 s');
		await new Promise((r) => setTimeout(r, 200));
	}
}

async function get(path: string): Promise<{ ms: number; bytes: number }> {
	const t0 = performance.now();
	const r = await fetch(base + path, { headers: headers(), redirect: 'manual' });
	const body = await r.arrayBuffer();
	const ms = performance.now() - t0;
	if (r.status !== 200) throw new Error(`GET ${path}: ${r.status}`);
	return { ms, bytes: body.byteLength };
}

async function warm(path: string) {
	const times: number[] = [];
	for (let i = 0; i < warmRuns; i++) times.push((await get(path)).ms);
	return { p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) };
}

interface LoadResult {
	requestsPerSecond: number;
	total: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
	errors: number;
	timeouts: number;
	non2xx: number;
	rssDuringMax: number;
}

async function load(pid: number): Promise<LoadResult> {
	const times: number[] = [];
	let rssDuringMax = 0;
	const sampler = setInterval(() => {
		rssDuringMax = Math.max(rssDuringMax, rssMiB(pid));
	}, 1000);
	const instance = autocannon({
		url: base + overviewPath,
		connections,
		duration,
		headers: headers()
	});
	instance.on('response', (_client: unknown, _status: number, _bytes: number, time: number) => {
		times.push(time);
	});
	const result = await instance;
	clearInterval(sampler);
	return {
		requestsPerSecond: result.requests.average,
		total: result.requests.total,
		p50: percentile(times, 50),
		p95: percentile(times, 95),
		p99: percentile(times, 99),
		max: Math.max(...times),
		errors: result.errors,
		timeouts: result.timeouts,
		non2xx: result.non2xx,
		rssDuringMax
	};
}

const ms = (x: number) => (x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x)} ms`);
const mib = (x: number) => `${Math.round(x)} MiB`;

function report(r: {
	base: Awaited<ReturnType<typeof baseline>>;
	coldOverview: number;
	coldMemberState: number;
	openMs: number;
	overviewBytes: number;
	memberStateBytes: number;
	warmOverview: { p50: number; p95: number; max: number };
	warmMemberState: { p50: number; p95: number; max: number };
	load: LoadResult;
	rssStart: number;
	rssWarm: number;
	rssAfter: number;
	rssAfterIdle: number;
}): string {
	const cpus = os.cpus();
	const ratio = (a: number, b: number) => (a / b).toFixed(2);
	const met =
		r.warmOverview.p95 < 100 && r.load.errors === 0 && r.load.non2xx === 0 && r.load.timeouts === 0
			? 'met'
			: 'NOT met';
	return `## Web

\`npm run bench:web\` (scripts/bench-web.ts), run ${new Date().toISOString().slice(0, 10)}: the built
server (\`node ${flags.server}\`, adapter-node${cookie ? ', signed in as an admin' : ', no sign-in'}) on a copy of the bench:metrics database
(${sharingRows.toLocaleString('en')} sharing rows, ${retentionRows.toLocaleString('en')} retention records, two synthetic programmes).
Pages: the overview \`${overviewPath}\` (${Math.round(r.overviewBytes / 1024)} KiB of HTML, three server-rendered charts)
and the member-state page \`${memberStatePath}\` (${Math.round(r.memberStateBytes / 1024)} KiB; France has about a third of all rows).

Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory,
${os.platform()} ${os.release()}, Node ${process.version}, DuckDB ${r.base.duckdb}.

| request | cold (first) | warm p50 (${warmRuns} sequential) | warm p95 | warm max |
| --- | ---: | ---: | ---: | ---: |
| overview | ${ms(r.coldOverview)} | ${ms(r.warmOverview.p50)} | ${ms(r.warmOverview.p95)} | ${ms(r.warmOverview.max)} |
| member state (FR) | ${ms(r.coldMemberState)} | ${ms(r.warmMemberState.p50)} | ${ms(r.warmMemberState.p95)} | ${ms(r.warmMemberState.max)} |

"Cold" is the first request for the page after the database was opened (by an earlier request to
/imports, ${ms(r.openMs)}, which applies migrations and reference data): DuckDB's buffers hold
little and nothing is cached. Warm requests find every aggregate in the cache (per query,
parameters and data version) and only check the data version and render.

Baseline, the same SQL straight on DuckDB in one process (no HTTP, no rendering):

| SQL | cold | warm (median of 5) | overview / SQL, cold |
| --- | ---: | ---: | ---: |
| the three headline queries | ${ms(r.base.coldHeadline)} | ${ms(r.base.warmHeadline)} | ${ratio(r.coldOverview, r.base.coldHeadline)} |
| all ${overviewQueries.length} queries behind the overview | ${ms(r.base.coldOverview)} | ${ms(r.base.warmOverview)} | ${ratio(r.coldOverview, r.base.coldOverview)} |

Load: autocannon, ${connections} connections for ${duration} s against the overview:
${Math.round(r.load.requestsPerSecond)} requests/s (${r.load.total.toLocaleString('en')} in all), latency p50 ${ms(r.load.p50)}, p95 ${ms(r.load.p95)},
p99 ${ms(r.load.p99)}, max ${ms(r.load.max)}; ${r.load.errors} errors, ${r.load.timeouts} timeouts, ${r.load.non2xx} non-2xx responses.

Server memory (VmRSS): ${mib(r.rssStart)} after start, ${mib(r.rssWarm)} after the warm runs,
at most ${mib(r.load.rssDuringMax)} during the load, ${mib(r.rssAfter)} right after it and ${mib(r.rssAfterIdle)} 5 s later.

Target (warm overview p95 < 100 ms, no errors): ${met}.
`;
}

async function main() {
	if (!flags['no-build'] || !existsSync(join(repoRoot, 'build/index.js'))) {
		run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build']);
	}
	await prepareDatabase();
	const password = benchPassword(webDb);
	console.log('baseline: the SQL straight on DuckDB');
	const base = await baseline();

	const server = await startServer();
	const pid = server.pid as number;
	try {
		const rssStart = rssMiB(pid);
		cookie = await benchCookie(`http://127.0.0.1:${port}`, password);
		console.log(cookie ? 'signed in as bench (admin)' : 'this server has no sign-in');
		const open = await get('/imports');
		const cold = await get(overviewPath);
		const coldMs = await get(memberStatePath);
		console.log(`cold: overview ${ms(cold.ms)}, member state ${ms(coldMs.ms)}`);
		const warmOverview = await warm(overviewPath);
		const warmMemberState = await warm(memberStatePath);
		const rssWarm = rssMiB(pid);
		console.log(
			`warm: overview p50 ${ms(warmOverview.p50)} p95 ${ms(warmOverview.p95)}; member state p50 ${ms(warmMemberState.p50)} p95 ${ms(warmMemberState.p95)}`
		);
		console.log(`load: ${connections} connections, ${duration} s`);
		const loadResult = await load(pid);
		const rssAfter = rssMiB(pid);
		await new Promise((r) => setTimeout(r, 5000));
		const rssAfterIdle = rssMiB(pid);
		const section = report({
			base,
			coldOverview: cold.ms,
			coldMemberState: coldMs.ms,
			openMs: open.ms,
			overviewBytes: cold.bytes,
			memberStateBytes: coldMs.bytes,
			warmOverview,
			warmMemberState,
			load: loadResult,
			rssStart,
			rssWarm,
			rssAfter,
			rssAfterIdle
		});
		console.log(section);
		if (!flags['no-write']) {
			writeBenchSection(section);
			console.log(`written to ${benchDocPath}`);
		}
	} finally {
		server.kill('SIGTERM');
	}
}

await main().catch((e) => {
	console.error(e instanceof Error ? e.stack : e);
	process.exit(1);
});
