// The page modules on the samples: the programmes page's figures come from SQL
// (progress_by_programme) and are those of its actors' pairs together, within the caller's
// scope; the member-state page's figures are all as of its date, data quality included.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREVIOUS_ROUND, type Filters } from '$lib/filters';
import type { ActorProgressRow, ProgressCounts } from '$lib/records/rows';
import { closeStore, openStore, withData } from './data.ts';
import { loadSamples } from './ingest/samples.ts';
import { memberStatePage } from './member-state.ts';
import { headlineMetrics } from './metrics.ts';
import { overviewPage } from './overview.ts';
import { todayIso } from './clock.ts';
import { programmesPage } from './programme.ts';
import { fullScope, type Scope } from './scope.ts';

const asOf = '2025-06-30';
const counts = [
	'pairs',
	'applicable',
	'implemented',
	'ongoing',
	'in_progress',
	'not_started',
	'no_report',
	'not_applicable',
	'overdue',
	'not_in_latest_round'
] as const satisfies readonly (keyof ProgressCounts)[];

let dir: string;
let dbPath: string;
const savedDb = process.env.COSI_DB;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cosi-programme-'));
	dbPath = join(dir, 'programme.duckdb');
	const store = await openStore(dbPath);
	await loadSamples(store);
	// A programme whose only status row is reported after asOf and names no one responsible: in
	// the catalogue as of asOf, without a pair.
	await store.connection.run(`INSERT INTO batch (batch_id, kind, file_name, file_format, sha256,
		profile, imported_at, imported_by, rows_read, rows_accepted, rows_rejected) VALUES
		(900001, 'actions', 'later.csv', 'csv', 'l1', 'canonical', TIMESTAMP '2026-01-05 10:00:00',
		'test', 1, 1, 0)`);
	await store.connection.run(`INSERT INTO action_status (batch_id, source_row, programme,
		action_id, actor, reported_on, status) VALUES
		(900001, 2, 'LATER', '1', 'NL', DATE '2026-01-01', 'implemented')`);
	// The page modules read the app's database.
	process.env.COSI_DB = dbPath;
});

afterAll(async () => {
	if (savedDb === undefined) delete process.env.COSI_DB;
	else process.env.COSI_DB = savedDb;
	await closeStore(dbPath);
	rmSync(dir, { recursive: true, force: true });
});

/** progress_by_actor of every programme, as `scope` sees it. */
function byActor(scope: Scope, date = asOf): Promise<ActorProgressRow[]> {
	return withData(scope, (data) =>
		data.rows('progress_by_actor', { as_of: date, programme: null, actor: null })
	);
}

describe('programmesPage', () => {
	it.each([
		['every member state', fullScope],
		['two member states', { figures: ['NL', 'BE'], records: null }]
	])("gives each programme its actors' figures together (%s)", async (_, scope) => {
		const { programmes } = await programmesPage(scope, asOf);
		const actors = await byActor(scope);
		expect(programmes.length).toBeGreaterThan(0);
		for (const p of programmes) {
			const rows = actors.filter((r) => r.programme === p.programme);
			expect(p.actors, p.programme).toBe(rows.length);
			for (const key of counts) {
				expect(p[key], `${p.programme} ${key}`).toBe(rows.reduce((n, r) => n + r[key], 0));
			}
			expect(p.progress_pct).toBe(p.applicable ? (100 * p.implemented) / p.applicable : null);
		}
		if (scope.figures) {
			expect(new Set(actors.map((r) => r.actor))).toEqual(new Set(scope.figures));
		}
	});

	it('gives zeros to a programme without pairs as of its date', async () => {
		const { programmes } = await programmesPage(fullScope, asOf);
		expect(programmes.find((p) => p.programme === 'LATER')).toMatchObject({
			actions: 1,
			rounds: 0,
			actors: 0,
			pairs: 0,
			applicable: 0,
			progress_pct: null,
			weighted_pct: null
		});
	});
});

describe('memberStatePage', () => {
	const filters = (date: string): Filters => ({
		asOf: date,
		from: null,
		to: null,
		programme: null,
		ms: null,
		channel: null,
		register: null,
		legalBasis: null
	});
	const page = (ms: string, date: string) =>
		memberStatePage(fullScope, {
			ms,
			filters: filters(date),
			page: 1,
			onAlias: (code) => {
				throw new Error(`alias of ${code}`);
			}
		});

	it('gives the data quality of the files imported up to its date', async () => {
		// The samples were imported today, after asOf.
		expect((await page('NL', asOf)).quality).toEqual([]);
		const today = todayIso();
		const quality = await withData(fullScope, (data) =>
			data.rows('quality_by_sender', {
				as_of: today,
				kind: null,
				late_after_days: null
			})
		);
		const nl = quality.filter((q) => q.sender === 'NL');
		expect(nl.length).toBeGreaterThan(0);
		expect((await page('NL', today)).quality).toEqual(nl);
	});

	it('leads an alias or a lower-case code to the canonical code', async () => {
		await expect(page('gr', asOf)).rejects.toThrow('alias of EL');
		await expect(page('nl', asOf)).rejects.toThrow('alias of NL');
	});
});

describe('the EU totals of the API and the overview', () => {
	const filters: Filters = {
		asOf,
		from: null,
		to: null,
		programme: null,
		ms: null,
		channel: null,
		register: null,
		legalBasis: null
	};
	const sum = <T>(rows: T[], key: keyof T) => rows.reduce((n, r) => n + Number(r[key]), 0);

	it.each([
		['every member state', fullScope],
		['two member states', { figures: ['NL', 'BE'], records: null }]
	])('are the overview’s EU row and the sums of the rows (%s)', async (_, scope: Scope) => {
		const api = await withData(scope, (data) => headlineMetrics(data, { asOf }));
		const overview = await overviewPage(scope, filters, PREVIOUS_ROUND, 'en');
		if (!overview) throw new Error('no overview');
		// The overview's EU row is the API's eu object.
		// (Each cell also carries the figure at the previous month end, prev*.)
		const ew = overview.eu.withheld;
		expect({ ...api.eu.withheld, prevRatio: ew.prevRatio }).toEqual(ew);
		const er = overview.eu.retention;
		expect({ ...er, compliancePct: er.pct }).toEqual({
			...api.eu.retention,
			pct: er.pct,
			prevPct: er.prevPct
		});
		expect(
			overview.eu.progress.map((p) => [p.programme, p.pairs, p.applicable, p.implemented, p.pct])
		).toEqual(
			api.eu.progress.map((p) => [p.programme, p.pairs, p.applicable, p.implemented, p.progressPct])
		);
		expect(overview.eu.progress.map((p) => p.notInLatestRound)).toEqual(
			api.eu.progress.map((p) => p.notInLatestRound)
		);
		// Sums: the counts of the EU rows are those of the rows per member state or actor, the
		// percentages are computed from the summed counts.
		for (const key of ['relevant', 'shared', 'withheld', 'pending', 'unjustified'] as const) {
			expect(api.eu.withheld[key], key).toBe(sum(api.withheld, key));
		}
		const w = api.eu.withheld;
		expect(w.ratio).toBe(w.shared + w.withheld ? w.withheld / (w.shared + w.withheld) : null);
		for (const key of [
			'active',
			'overdueReview',
			'pastRetention',
			'missingAssessment',
			'compliant'
		] as const) {
			expect(api.eu.retention[key], key).toBe(sum(api.retention, key));
		}
		const r = api.eu.retention;
		expect(r.compliancePct).toBe(r.active ? (100 * r.compliant) / r.active : null);
		expect(api.eu.progress.length).toBeGreaterThan(0);
		for (const p of api.eu.progress) {
			const rows = api.progress.filter((a) => a.programme === p.programme);
			for (const key of [
				'pairs',
				'applicable',
				'implemented',
				'inProgress',
				'notStarted',
				'noReport',
				'overdue',
				'notInLatestRound'
			] as const) {
				expect(p[key], `${p.programme} ${key}`).toBe(sum(rows, key));
			}
			expect(p.progressPct).toBe(p.applicable ? (100 * p.implemented) / p.applicable : null);
		}
	});
});
