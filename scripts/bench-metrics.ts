// `npm run bench:metrics [-- --rows N] [-- --fresh] [-- --no-write]`: time the headline metrics
// (progress, withheld ratio, retention compliance) on N sharing rows (default 10^7), N/10
// retention records and two synthetic programmes, through headlineMetrics() and as the same SQL
// run directly on the connection, cold (first run after opening) and warm (median of 5).
// Results go to the "## Metrics" section of docs/benchmarks.md.
//
// The data is generated with SQL from range() and hash(i, seed), so it is deterministic and
// loads in seconds; data/bench/metrics.duckdb is reused while its row counts match.
import { dateValue, type DuckDBConnection } from '@duckdb/node-api';
import { rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { closeStore, openStore, repoRoot } from '../src/lib/server/db.ts';
import { withData } from '../src/lib/server/data.ts';
import { headlineMetrics } from '../src/lib/server/metrics.ts';
import { fullScope } from '../src/lib/server/scope.ts';
import { loadQuery } from '../src/lib/server/queries.ts';
import { benchDocPath, writeBenchSection } from './bench-doc.ts';

const dbPath = join(repoRoot, 'data/bench/metrics.duckdb');
const asOf = '2026-06-30';
const warmRuns = 5;
const coldRuns = 3;

const { values: flags } = parseArgs({
	options: {
		rows: { type: 'string', default: '10000000' },
		fresh: { type: 'boolean', default: false },
		'no-write': { type: 'boolean', default: false }
	}
});
const sharingRows = Number(flags.rows);
if (!Number.isInteger(sharingRows) || sharingRows < 1000) {
	throw new Error(
		`invalid --rows: ${JSON.stringify(flags.rows)} (expected a whole number >= 1000)`
	);
}
const retentionRows = Math.round(sharingRows / 10);

// Member states from the largest to the smallest sender: u^3 picks FR a third of the time and
// MT almost never, like the heavy-tailed national volumes in docs.
const memberStates =
	"['FR','DE','ES','IT','NL','BE','AT','SE','PL','EL','PT','DK','FI','IE','CZ','RO','HU','BG','SK','HR','LT','SI','LV','EE','LU','CY','MT']";

/** A uniform number in [0, 1) from row i and a seed. */
const u = (seed: number) => `((hash(i, ${seed}) % 1000000) / 1000000.0)`;

const sharingSql = `
INSERT INTO sharing_event (batch_id, source_row, event_id, occurred_on, member_state, channel,
	relevant, decision, recipient, category, shared_on, withholding_ground, weighing_documented,
	weighing_ref, terrorism_marker, context_provided, subject_ref)
SELECT 1, i + 2, 'E' || i, occurred_on, member_state, channel, relevant, decision,
	CASE WHEN ${u(10)} < 0.8 THEN list_element(${memberStates}, 1 + (hash(i, 11) % 27)::INTEGER) END,
	CASE WHEN ${u(12)} < 0.7 THEN 'terrorism' END,
	CASE WHEN decision = 'shared' AND ${u(13)} > 0.02
		THEN occurred_on + floor(60 * pow(${u(14)}, 4))::INTEGER END,
	CASE WHEN decision = 'withheld' AND ${u(15)} > 0.05
		THEN list_element(['legal', 'operational', 'ongoing_investigation', 'safety_of_persons',
			'third_party_consent', 'other'], 1 + (hash(i, 16) % 6)::INTEGER) END,
	CASE WHEN decision = 'withheld' THEN
		CASE WHEN ${u(17)} < 0.85 THEN true WHEN ${u(17)} < 0.95 THEN false END END,
	CASE WHEN decision = 'withheld' AND ${u(18)} < 0.8 THEN 'W-' || i END,
	${u(19)} < 0.3, ${u(20)} < 0.6, 'S' || (hash(i, 21) % 1000000)
FROM (
	SELECT i,
		DATE '2016-01-01' + (hash(i, 1) % 3834)::INTEGER AS occurred_on,
		list_element(${memberStates}, 1 + floor(27 * pow(${u(2)}, 3))::INTEGER) AS member_state,
		list_element(['SIS', 'SIENA', 'EIS', 'PNR', 'BILATERAL', 'CTG', 'INTERPOL'],
			1 + floor(7 * pow(${u(3)}, 2))::INTEGER) AS channel,
		${u(4)} < 0.9 AS relevant,
		CASE WHEN ${u(5)} < 0.8 THEN 'shared' WHEN ${u(5)} < 0.95 THEN 'withheld' ELSE 'pending' END
			AS decision
	FROM range(${sharingRows}) t(i)
)`;

const retentionSql = `
INSERT INTO retention_record (batch_id, source_row, record_id, member_state, register,
	legal_basis, created_on, kind, authority, last_reviewed_on, review_outcome, deleted_on,
	impact_assessed)
SELECT 2, i + 2, 'R' || i, member_state, basis[1], basis[2], created_on,
	CASE WHEN ${u(33)} < 0.6 THEN 'alert' ELSE 'registration' END,
	CASE WHEN ${u(34)} < 0.9 THEN list_element(['Politie', 'KMar', 'AIVD', 'NCTV'], 1 + (hash(i, 35) % 4)::INTEGER) END,
	reviewed_on, CASE WHEN reviewed_on IS NOT NULL THEN 'retain' END,
	CASE WHEN ${u(36)} < 0.2 THEN created_on + floor((DATE '2026-06-30' - created_on) * ${u(37)})::INTEGER END,
	CASE WHEN ${u(38)} < 0.7 THEN true WHEN ${u(38)} < 0.9 THEN false END
FROM (
	SELECT i,
		list_element(${memberStates}, 1 + floor(27 * pow(${u(30)}, 3))::INTEGER) AS member_state,
		list_element([['SIS', 'SIS-36'], ['SIS', 'SIS-26'], ['SIS', 'SIS-24'], ['EIS', 'EUROPOL'],
			['CTER', 'WPG-8'], ['CTER', 'WPG-9'], ['PASSPORT', 'PASSPORT-23']],
			1 + (hash(i, 31) % 7)::INTEGER) AS basis,
		DATE '2010-01-01' + (hash(i, 32) % 6025)::INTEGER AS created_on,
		CASE WHEN ${u(39)} < 0.7
			THEN DATE '2010-01-01' + (hash(i, 32) % 6025)::INTEGER
				+ floor((DATE '2026-06-30' - (DATE '2010-01-01' + (hash(i, 32) % 6025)::INTEGER)) * ${u(40)})::INTEGER
		END AS reviewed_on
	FROM range(${retentionRows}) t(i)
)`;

// Two programmes like the samples: an EU roadmap of 50 actions for member states and EU bodies,
// reported every six months since October 2016, and a national programme of 38 measures.
const actionsSql = `
INSERT INTO action_status (batch_id, source_row, programme, action_id, actor, reported_on,
	status, title, chapter, deadline, responsible, completion_pct)
WITH
action AS (
	SELECT 'EU-ROADMAP' AS programme, n, 20 AS rounds, 6 AS months, DATE '2016-10-31' AS first_round,
		['MS', 'EUROPOL', 'COM EULISA', 'MS FRONTEX', 'MS, EUROPOL'][1 + n % 5] AS responsible,
		['1. Information management', '2. SIS', '3. Europol', '4. Borders'][1 + n % 4] AS chapter
	FROM range(1, 51) t(n)
	UNION ALL
	SELECT 'AIAJ', n, 10, 12, DATE '2015-06-30', 'NL',
		['1. Risicoreductie', '2. Interventies uitreis', '3. Radicalisering', '6. Informatie-uitwisseling'][1 + n % 4]
	FROM range(1, 39) t(n)
),
token AS (
	SELECT *, unnest(regexp_split_to_array(responsible, '[\\s,]+')) AS token FROM action
),
pair AS (
	SELECT t.*, coalesce(ms.code, t.token) AS actor
	FROM token t
	LEFT JOIN ref_actor ms ON t.token = 'MS' AND ms.kind = 'member_state'
),
progress AS (
	SELECT *, hash(programme, n, actor, 1) % 10 AS start_round,
		hash(programme, n, actor, 1) % 10 + 1 + hash(programme, n, actor, 2) % 12 AS done_round
	FROM pair
),
report AS (
	SELECT p.*, r, (first_round + INTERVAL (months * r) MONTH)::DATE AS reported_on
	FROM progress p, range(0, 20) t(r)
	WHERE r < rounds AND hash(programme, n, actor, r) % 10 <> 0
)
SELECT 3, (row_number() OVER (ORDER BY programme, n, actor, r) + 1)::INTEGER, programme,
	n::VARCHAR, actor, reported_on,
	CASE
		WHEN hash(programme, n, actor, 3) % 33 = 0 THEN 'not_applicable'
		WHEN r >= done_round THEN CASE WHEN n % 7 = 0 THEN 'ongoing' ELSE 'implemented' END
		WHEN r >= start_round THEN 'in_progress'
		ELSE 'not_started'
	END,
	'Action ' || n, chapter, (first_round + INTERVAL (months * (2 + n % 8)) MONTH)::DATE, responsible,
	CASE WHEN r >= start_round AND r < done_round AND n % 3 <> 0
		THEN round(100.0 * (r - start_round + 1) / (done_round - start_round + 1)) END
FROM report`;

const batchSql = `
INSERT INTO batch (batch_id, kind, file_name, file_format, sha256, profile, imported_at,
	imported_by, rows_read, rows_accepted, rows_rejected)
SELECT * FROM (VALUES
	(1, 'sharing', 'bench-sharing.csv', 'csv', 'bench-1', 'canonical', TIMESTAMP '2026-06-30 12:00:00', 'bench', 0, 0, 0),
	(2, 'retention', 'bench-retention.csv', 'csv', 'bench-2', 'canonical', TIMESTAMP '2026-06-30 12:00:00', 'bench', 0, 0, 0),
	(3, 'actions', 'bench-actions.csv', 'csv', 'bench-3', 'canonical', TIMESTAMP '2026-06-30 12:00:00', 'bench', 0, 0, 0))`;

async function count(con: DuckDBConnection, table: string): Promise<number> {
	return Number((await con.runAndReadAll(`SELECT count(*) FROM ${table}`)).getRows()[0][0]);
}

/** Build the bench database unless one with the same row counts is there already. */
async function prepareDatabase(): Promise<number | null> {
	if (flags.fresh) removeDatabase();
	const store = await openStore(dbPath);
	const con = store.connection;
	try {
		if (
			(await count(con, 'sharing_event')) === sharingRows &&
			(await count(con, 'retention_record')) === retentionRows
		) {
			return null;
		}
		await closeStore(dbPath);
		removeDatabase();
		const fresh = (await openStore(dbPath)).connection;
		const t0 = performance.now();
		for (const sql of [batchSql, sharingSql, retentionSql, actionsSql]) await fresh.run(sql);
		await fresh.run('CHECKPOINT');
		return performance.now() - t0;
	} finally {
		await closeStore(dbPath);
	}
}

/** Fail loudly if the database does not hold the rows this run is about. */
async function checkRowCounts(when: string): Promise<void> {
	const store = await openStore(dbPath);
	try {
		const sharing = await count(store.connection, 'sharing_event');
		const retention = await count(store.connection, 'retention_record');
		if (sharing !== sharingRows || retention !== retentionRows) {
			throw new Error(
				`${dbPath} ${when}: ${sharing} sharing rows and ${retention} retention records, expected ${sharingRows} and ${retentionRows} (did another process remove data/bench?)`
			);
		}
	} finally {
		await closeStore(dbPath);
	}
}

function removeDatabase() {
	for (const suffix of ['', '.wal']) rmSync(dbPath + suffix, { force: true });
}

// The queries headlineMetrics() runs: the per-state figures, each query with its EU total row.
const headlineQueries = [
	['progress_by_actor', { as_of: asOf, programme: null, actor: null }],
	['withheld_by_member_state', { as_of: asOf, from: null, to: null, member_state: null }],
	['retention_by_member_state', { as_of: asOf, member_state: null }],
	['progress_summary', { as_of: asOf, programme: null, compare_on: null }]
] as const;

/**
 * The project path: the data gate (a connection of its own, the scope set per query),
 * validation, named queries, typed rows, camelCase objects. `con` is only the baseline's.
 */
async function viaProject(con: DuckDBConnection): Promise<void> {
	void con;
	await withData(fullScope, (data) => headlineMetrics(data, { asOf }), { path: dbPath });
}

/** The baseline: the same SQL text and parameters, straight to DuckDB (every state in scope). */
async function viaRawSql(con: DuckDBConnection): Promise<void> {
	await con.run("SET VARIABLE cosi_scope = ['*']");
	const [year, month, day] = asOf.split('-').map(Number);
	for (const [name, params] of headlineQueries) {
		const values = Object.fromEntries(
			Object.entries(params).map(([k, v]) => [
				k,
				k === 'as_of' ? dateValue({ year, month, day }) : v
			])
		);
		(await con.runAndReadAll(loadQuery(name).sql, values)).getRows();
	}
}

async function time(fn: () => Promise<void>): Promise<number> {
	const t0 = performance.now();
	await fn();
	return performance.now() - t0;
}

/** First run on a freshly opened store (DuckDB's buffers empty; the OS file cache is not). */
async function cold(fn: (con: DuckDBConnection) => Promise<void>): Promise<number> {
	const store = await openStore(dbPath);
	try {
		return await time(() => fn(store.connection));
	} finally {
		await closeStore(dbPath);
	}
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function warm(): Promise<{ project: number; raw: number; perQuery: Record<string, number> }> {
	const store = await openStore(dbPath);
	const con = store.connection;
	try {
		await viaProject(con);
		await viaRawSql(con);
		const project: number[] = [];
		const raw: number[] = [];
		// Interleaved, so that neither path profits from running second.
		for (let i = 0; i < warmRuns; i++) {
			project.push(await time(() => viaProject(con)));
			raw.push(await time(() => viaRawSql(con)));
		}
		const perQuery: Record<string, number> = {};
		for (const [name, params] of headlineQueries) {
			const runs: number[] = [];
			for (let i = 0; i < warmRuns; i++) {
				runs.push(
					await time(async () => {
						await withData(fullScope, (data) => data.rows(name, params), { path: dbPath });
					})
				);
			}
			perQuery[name] = median(runs);
		}
		return { project: median(project), raw: median(raw), perQuery };
	} finally {
		await closeStore(dbPath);
	}
}

async function duckdbVersion(): Promise<string> {
	const store = await openStore(dbPath);
	try {
		return String((await store.connection.runAndReadAll('SELECT version()')).getRows()[0][0]);
	} finally {
		await closeStore(dbPath);
	}
}

const ms = (x: number) => `${Math.round(x)} ms`;

function report(r: {
	loadMs: number | null;
	coldProject: number;
	coldRaw: number;
	warmProject: number;
	warmRaw: number;
	perQuery: Record<string, number>;
	duckdb: string;
}): string {
	const cpus = os.cpus();
	const ratio = (a: number, b: number) => (a / b).toFixed(2);
	const target = r.warmProject <= 1.2 * r.warmRaw && r.warmProject < 1000 ? 'met' : 'NOT met';
	return `## Metrics

\`npm run bench:metrics\` (scripts/bench-metrics.ts), run ${new Date().toISOString().slice(0, 10)}.
All headline metrics as of ${asOf} (progress per programme and actor, withheld ratio and
retention compliance per member state) on ${sharingRows.toLocaleString('en')} sharing rows,
${retentionRows.toLocaleString('en')} retention records and two synthetic programmes (50 roadmap
actions for member states and EU bodies over 20 rounds, 38 national measures over 10; about
16,000 status rows). Member states are heavy-tailed (France about a third of all rows).

Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory,
${os.platform()} ${os.release()}, Node ${process.version}, DuckDB ${r.duckdb}.
${r.loadMs === null ? 'The database was reused from an earlier run.' : `Generating the data took ${(r.loadMs / 1000).toFixed(1)} s.`}

| path | cold (first run after opening, median of ${coldRuns}) | warm (median of ${warmRuns}) |
| --- | ---: | ---: |
| headlineMetrics() (project) | ${ms(r.coldProject)} | ${ms(r.warmProject)} |
| same SQL on the connection (baseline) | ${ms(r.coldRaw)} | ${ms(r.warmRaw)} |
| project / baseline | ${ratio(r.coldProject, r.coldRaw)} | ${ratio(r.warmProject, r.warmRaw)} |

Warm, per query through the data gate: ${Object.entries(r.perQuery)
		.map(([name, t]) => `${name} ${ms(t)}`)
		.join(', ')}.

Target (project <= 1.2 × baseline and < 1 s warm): ${target}. "Cold" opens a new DuckDB
instance, so DuckDB's buffer pool is empty but the operating system's file cache is not.
`;
}

async function main() {
	console.log(
		`bench: ${sharingRows} sharing rows, ${retentionRows} retention records -> ${dbPath}`
	);
	const loadMs = await prepareDatabase();
	if (loadMs !== null) console.log(`generated in ${(loadMs / 1000).toFixed(1)} s`);
	await checkRowCounts('before timing');
	// Cold runs alternate between the paths, three each; the median is reported.
	const coldProjectRuns: number[] = [];
	const coldRawRuns: number[] = [];
	for (let i = 0; i < coldRuns; i++) {
		coldProjectRuns.push(await cold(viaProject));
		coldRawRuns.push(await cold(viaRawSql));
	}
	const coldProject = median(coldProjectRuns);
	const coldRaw = median(coldRawRuns);
	const { project: warmProject, raw: warmRaw, perQuery } = await warm();
	// data/bench is shared scratch space: make sure nobody replaced the file while we measured.
	await checkRowCounts('after timing');
	const section = report({
		loadMs,
		coldProject,
		coldRaw,
		warmProject,
		warmRaw,
		perQuery,
		duckdb: await duckdbVersion()
	});
	console.log(section);
	if (!flags['no-write']) {
		writeBenchSection(section);
		console.log(`written to ${benchDocPath}`);
	}
}

await main();
