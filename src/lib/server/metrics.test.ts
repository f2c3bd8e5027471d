// The metric definitions of docs/metrics.md, one small hand-built dataset per rule, with the
// expected figures worked out by hand in each test.
import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { metricsCommand } from '../../cli/metrics.ts';
import { closeStore, openStore } from './db.ts';
import { apiNames, checkMetricsParams, headlineMetrics, type HeadlineMetrics } from './metrics.ts';
import { resetClock, setClock, todayIso } from './clock.ts';
import { withData, type Data, type QueryName } from './data.ts';
import { ingestFile } from './ingest/index.ts';
import type { Scope } from './scope.ts';
import { loadQuery, type ParamValue } from './queries.ts';

/** A row as the tests read it: its columns are plain values (text, numbers, flags, NULL). */
type Cells = Record<string, string | number | boolean | null>;
import { fullScope } from './scope.ts';
import {
	addBatch,
	addRecord,
	addRule,
	addSharing,
	addStatus,
	insertRow,
	type Extra,
	type Kind
} from '../../../tests/helpers/fixtures.ts';

const D = '2026-06-30';
let dir: string;
let openPaths: string[] = [];
let dbCount = 0;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'cosi-metrics-'));
});

afterEach(async () => {
	for (const path of openPaths) await closeStore(path);
	openPaths = [];
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh database file with the schema and reference data, and nothing else. */
async function freshDb(): Promise<{ con: DuckDBConnection; path: string }> {
	const path = join(dir, `t${++dbCount}.duckdb`);
	openPaths.push(path);
	const store = await openStore(path);
	pathOf.set(store.connection, path);
	return { con: store.connection, path };
}

/** The file of each test database's connection: reads go through the data gate, by path. */
const pathOf = new Map<DuckDBConnection, string>();

/** A fresh database with batches 1 .. count of one kind, imported on 1 Jan 2026. */
async function dbWithBatches(
	kind: Kind,
	count = 1
): Promise<{ con: DuckDBConnection; path: string }> {
	const db = await freshDb();
	for (let batchId = 1; batchId <= count; batchId++) await addBatch(db.con, batchId, kind);
	return db;
}

async function headline(con: DuckDBConnection, asOf = D, from?: string, to?: string) {
	return withData(fullScope, (d) => headlineMetrics(d, { asOf, from, to }), {
		path: pathOf.get(con)
	});
}

function progressOf(m: HeadlineMetrics, actor: string, programme = 'ROADMAP') {
	const row = m.progress.find((p) => p.programme === programme && p.actor === actor);
	if (!row) throw new Error(`no progress row for ${programme}/${actor}`);
	return row;
}

function withheldOf(m: HeadlineMetrics, memberState: string) {
	const row = m.withheld.find((w) => w.memberState === memberState);
	if (!row) throw new Error(`no withheld row for ${memberState}`);
	return row;
}

function retentionOf(m: HeadlineMetrics, memberState: string) {
	const row = m.retention.find((r) => r.memberState === memberState);
	if (!row) throw new Error(`no retention row for ${memberState}`);
	return row;
}

/**
 * Run a named query on a test database (its connection or file) passing every declared
 * parameter: the given ones, else as_of D, the first page of 10 rows, and NULL (all) for each
 * filter; as a caller who sees every state unless `scope` says otherwise.
 */
async function query(
	db: DuckDBConnection | string,
	name: string,
	params: Record<string, ParamValue> = {},
	scope: Scope = fullScope
) {
	const defaults: Record<string, ParamValue> = { as_of: D, limit: 10, offset: 0 };
	const all = loadQuery(name).params.map((p): [string, ParamValue] => [
		p.name,
		defaults[p.name] ?? null
	]);
	// Any query by its name as a string, its rows as plain records.
	const read = (d: Data) =>
		d.rows(name as QueryName, { ...Object.fromEntries(all), ...params }) as Promise<unknown[]>;
	const path = typeof db === 'string' ? db : pathOf.get(db);
	return withData(scope, read, { path }) as Promise<Cells[]>;
}

describe('implementation progress', () => {
	it('takes the latest status of a pair (larger batch on the same date)', async () => {
		const { con } = await dbWithBatches('actions', 2);
		await addStatus(con, '1', 'NL', '2026-01-01', 'not_started', { responsible: 'NL' });
		await addStatus(con, '1', 'NL', '2026-05-01', 'implemented');
		await addStatus(con, '1', 'NL', '2026-03-01', 'in_progress');
		// Same date, two batches: the larger batch id wins.
		await addStatus(con, '2', 'NL', '2026-05-01', 'implemented', { responsible: 'NL' });
		await addStatus(con, '2', 'NL', '2026-05-01', 'not_started', { batch_id: 2 });
		const nl = progressOf(await headline(con), 'NL');
		// Action 1 implemented, action 2 not started: 1 of 2.
		expect(nl).toMatchObject({
			pairs: 2,
			applicable: 2,
			implemented: 1,
			notStarted: 1,
			progressPct: 50
		});
	});

	it('ignores a status reported after D', async () => {
		const { con } = await dbWithBatches('actions');
		await addStatus(con, '1', 'NL', '2026-03-01', 'in_progress', {
			completion_pct: 40,
			responsible: 'NL'
		});
		await addStatus(con, '1', 'NL', '2026-05-01', 'implemented');
		// As of 1 April only the March report exists: in progress at 40 %.
		expect(progressOf(await headline(con, '2026-04-01'), 'NL')).toMatchObject({
			implemented: 0,
			inProgress: 1,
			progressPct: 0,
			weightedPct: 40
		});
	});

	it('does not judge a programme before its first reporting round', async () => {
		const { con } = await dbWithBatches('actions');
		await addStatus(con, '1', 'NL', '2026-03-01', 'in_progress', { responsible: 'NL BE' });
		await addStatus(con, '1', 'FR', '2025-06-30', 'implemented', {
			programme: 'OLD',
			responsible: 'FR'
		});
		// As of 1 February ROADMAP has had no round yet: no pairs, no figures (not 0 %), while
		// OLD, whose first round was in 2025, is judged.
		const before = await headline(con, '2026-02-01');
		expect(before.progress.filter((p) => p.programme === 'ROADMAP')).toEqual([]);
		expect(progressOf(before, 'FR', 'OLD')).toMatchObject({ pairs: 1, implemented: 1 });
		// From its first round on, a responsible actor without a report is no_report.
		expect(progressOf(await headline(con, '2026-03-01'), 'BE')).toMatchObject({
			pairs: 1,
			noReport: 1,
			progressPct: 0
		});
	});

	it('counts the applicable pairs without a status row on the latest round', async () => {
		const { con } = await dbWithBatches('actions', 2);
		// Rounds 1 March and 1 May. NL reported action 1 on both rounds; action 2 only on the
		// first (carried forward, skipped the latest); BE never reported action 1 (no_report);
		// FR's action 3 is not applicable from an old round (not counted: not applicable).
		await addStatus(con, '1', 'NL', '2026-03-01', 'in_progress', { responsible: 'NL BE' });
		await addStatus(con, '1', 'NL', '2026-05-01', 'implemented', { batch_id: 2 });
		await addStatus(con, '2', 'NL', '2026-03-01', 'implemented', { responsible: 'NL' });
		await addStatus(con, '3', 'FR', '2026-03-01', 'not_applicable', { responsible: 'FR' });
		// Action 4: DE reported on the latest round in a later, superseding file: on the round.
		await addStatus(con, '4', 'DE', '2026-05-01', 'not_started', {
			responsible: 'DE',
			superseded_by: 2
		});
		await addStatus(con, '4', 'DE', '2026-05-01', 'in_progress', {
			batch_id: 2,
			responsible: 'DE'
		});
		const m = await headline(con);
		// The domain rule is kept: action 2 still counts as implemented from March.
		expect(progressOf(m, 'NL')).toMatchObject({ implemented: 2, notInLatestRound: 1 });
		expect(progressOf(m, 'BE')).toMatchObject({ noReport: 1, notInLatestRound: 1 });
		expect(progressOf(m, 'FR')).toMatchObject({ applicable: 0, notInLatestRound: 0 });
		expect(progressOf(m, 'DE')).toMatchObject({ inProgress: 1, notInLatestRound: 0 });
		expect(m.eu.progress).toMatchObject([{ programme: 'ROADMAP', notInLatestRound: 2 }]);
		// As of April the latest round is 1 March: NL reported both actions on it; BE's action 1
		// and DE's action 4 (a pair from the catalogue, which ignores D) have no report at all.
		const april = await headline(con, '2026-04-01');
		expect(progressOf(april, 'NL')).toMatchObject({ notInLatestRound: 0 });
		expect(progressOf(april, 'BE')).toMatchObject({ notInLatestRound: 1 });
		expect(progressOf(april, 'DE')).toMatchObject({ noReport: 1, notInLatestRound: 1 });
		// The drill-down lists exactly those pairs, and the missing-reports list is the same.
		const pairs = await query(con, 'progress_pairs', {
			category: 'not_in_latest_round',
			limit: 100
		});
		expect(pairs.map((p) => `${p.action_id}/${p.actor}`)).toEqual(['1/BE', '2/NL']);
		const missing = await query(con, 'progress_missing_reports', { limit: 100 });
		expect(missing).toMatchObject([
			{ action_id: '1', actor: 'BE', latest_round: '2026-05-01', last_reported_on: null },
			{ action_id: '2', actor: 'NL', latest_round: '2026-05-01', last_reported_on: '2026-03-01' }
		]);
		// Each round of the trend counts the pairs without a row dated on that round.
		const trend = await query(con, 'progress_trend', { programme: null, actor: null });
		const total = (round: string) =>
			trend.find((t) => t.round_on === round && t.actor === null)?.not_in_latest_round;
		expect(total('2026-03-01')).toBe(2); // BE 1, DE 4
		expect(total('2026-05-01')).toBe(2); // BE 1, NL 2
	});

	it('has no not-in-latest-round figure before the first round of a programme', async () => {
		const { con } = await dbWithBatches('actions');
		await addStatus(con, '1', 'NL', '2026-03-01', 'implemented', { responsible: 'NL BE' });
		const before = await headline(con, '2026-02-28');
		expect(before.progress).toEqual([]);
		expect(before.eu.progress).toEqual([]);
		expect(await query(con, 'progress_missing_reports', { as_of: '2026-02-28' })).toEqual([]);
		expect(
			await query(con, 'progress_pairs_count', {
				as_of: '2026-02-28',
				category: 'not_in_latest_round'
			})
		).toEqual([{ total: 0 }]);
		// On the first round itself, BE's missing report counts.
		expect(progressOf(await headline(con, '2026-03-01'), 'BE')).toMatchObject({
			notInLatestRound: 1
		});
	});

	it('expands MS to the 27 member states, next to other codes and aliases', async () => {
		const { con } = await dbWithBatches('actions');
		await addStatus(con, '1', 'NL', '2026-03-01', 'implemented', { responsible: 'MS, Europol' });
		await addStatus(con, '2', 'COM', '2026-03-01', 'in_progress', { responsible: 'COM GR' });
		const m = await headline(con);
		const actors = m.progress.map((p) => p.actor);
		// 27 member states (EL twice: from MS and from the alias GR, once as a pair per action)
		// plus EUROPOL and COM; never MS or GR themselves.
		expect(actors).toHaveLength(29);
		expect(actors).not.toContain('MS');
		expect(actors).not.toContain('GR');
		expect(progressOf(m, 'EL')).toMatchObject({ pairs: 2, noReport: 2 });
		expect(progressOf(m, 'NL')).toMatchObject({ pairs: 1, implemented: 1, progressPct: 100 });
		expect(progressOf(m, 'DE')).toMatchObject({ pairs: 1, noReport: 1, progressPct: 0 });
		expect(progressOf(m, 'EUROPOL')).toMatchObject({ pairs: 1, noReport: 1 });
	});

	it('leaves not_applicable out of the denominator and weighs in-progress work', async () => {
		const { con } = await dbWithBatches('actions');
		const responsibleNl = { responsible: 'NL' };
		await addStatus(con, '1', 'NL', '2026-03-01', 'implemented', responsibleNl);
		await addStatus(con, '2', 'NL', '2026-03-01', 'ongoing', responsibleNl);
		await addStatus(con, '3', 'NL', '2026-03-01', 'not_applicable', responsibleNl);
		await addStatus(con, '4', 'NL', '2026-03-01', 'in_progress', responsibleNl); // 0.5
		await addStatus(con, '5', 'NL', '2026-03-01', 'in_progress', {
			...responsibleNl,
			completion_pct: 20
		});
		await addStatus(con, '6', 'NL', '2026-03-01', 'not_started', responsibleNl);
		const nl = progressOf(await headline(con), 'NL');
		// 6 pairs, 5 applicable; implemented 2 (implemented + ongoing): 40 %;
		// weighted (1 + 1 + 0.5 + 0.2 + 0) / 5 = 54 %.
		expect(nl).toMatchObject({
			pairs: 6,
			applicable: 5,
			implemented: 2,
			inProgress: 2,
			notStarted: 1
		});
		expect(nl.progressPct).toBeCloseTo(40, 10);
		expect(nl.weightedPct).toBeCloseTo(54, 10);
	});

	it('counts a responsible actor without a report as no_report, and a ratio of nothing as null', async () => {
		const { con } = await dbWithBatches('actions');
		await addStatus(con, '1', 'NL', '2026-03-01', 'implemented', { responsible: 'NL BE' });
		await addStatus(con, '2', 'FR', '2026-03-01', 'not_applicable', { responsible: 'FR' });
		const m = await headline(con);
		expect(progressOf(m, 'BE')).toMatchObject({
			pairs: 1,
			applicable: 1,
			noReport: 1,
			implemented: 0,
			progressPct: 0
		});
		// FR's only pair is not applicable: zero denominator.
		expect(progressOf(m, 'FR')).toMatchObject({
			pairs: 1,
			applicable: 0,
			progressPct: null,
			weightedPct: null
		});
	});

	it('counts a pair reported by an actor outside the responsible list', async () => {
		const { con } = await dbWithBatches('actions');
		await addStatus(con, '1', 'NL', '2026-01-01', 'not_started', { responsible: 'NL' });
		await addStatus(con, '1', 'NL', '2026-03-01', 'implemented', { responsible: 'NL' });
		await addStatus(con, '1', 'DE', '2026-03-01', 'in_progress');
		// DE's pair exists only from its first report on (the programme's first round was 1 January).
		expect((await headline(con)).progress.map((p) => p.actor)).toEqual(['DE', 'NL']);
		expect((await headline(con, '2026-02-01')).progress.map((p) => p.actor)).toEqual(['NL']);
	});

	it('is overdue only when the deadline is before D and the pair is not implemented', async () => {
		const { con } = await dbWithBatches('actions');
		const due = (deadline: string) => ({ responsible: 'NL', deadline });
		await addStatus(con, '1', 'NL', '2026-03-01', 'in_progress', due('2026-06-29')); // overdue
		await addStatus(con, '2', 'NL', '2026-03-01', 'in_progress', due(D)); // due today: not yet
		await addStatus(con, '3', 'NL', '2026-03-01', 'not_started', due('2026-07-01'));
		await addStatus(con, '4', 'NL', '2026-03-01', 'implemented', due('2020-01-01'));
		await addStatus(con, '5', 'NL', '2026-03-01', 'not_applicable', due('2020-01-01'));
		await addStatus(con, '6', 'NL', '2026-03-01', 'not_started', { responsible: 'NL' }); // no deadline
		// Action 7: BE never reported, deadline passed: overdue and no report.
		await addStatus(con, '7', 'NL', '2026-03-01', 'ongoing', {
			deadline: '2025-12-31',
			responsible: 'NL BE'
		});
		const m = await headline(con);
		expect(progressOf(m, 'NL').overdue).toBe(1);
		expect(progressOf(m, 'BE')).toMatchObject({ noReport: 1, overdue: 1 });
		const overdue = await query(con, 'progress_pairs', { category: 'overdue', limit: 100 });
		expect(overdue.map((p) => `${p.action_id}/${p.actor}`)).toEqual(['1/NL', '7/BE']);
	});

	it('takes the catalogue from the latest row, whatever D', async () => {
		const { con } = await dbWithBatches('actions');
		await addStatus(con, '1', 'NL', '2026-03-01', 'in_progress', {
			responsible: 'NL',
			deadline: '2026-12-31',
			chapter: 'A'
		});
		// A report after D widens the responsible list and brings the deadline forward; it
		// leaves chapter empty, which keeps the earlier chapter.
		await addStatus(con, '1', 'NL', '2026-09-01', 'implemented', {
			responsible: 'NL, BE',
			deadline: '2026-05-31'
		});
		const m = await headline(con);
		expect(progressOf(m, 'NL')).toMatchObject({ inProgress: 1, overdue: 1 });
		expect(progressOf(m, 'BE')).toMatchObject({ noReport: 1, overdue: 1 });
		const [action] = await query(con, 'progress_by_action');
		expect(action).toMatchObject({
			chapter: 'A',
			deadline: '2026-05-31',
			responsible: 'NL, BE',
			pairs: 2
		});
	});

	it('counts a superseded status once, in its latest version', async () => {
		const { con } = await dbWithBatches('actions', 2);
		await addStatus(con, '1', 'NL', '2026-03-01', 'implemented', {
			responsible: 'NL',
			superseded_by: 2
		});
		await addStatus(con, '1', 'NL', '2026-03-01', 'in_progress', {
			batch_id: 2,
			responsible: 'NL'
		});
		expect(progressOf(await headline(con), 'NL')).toMatchObject({
			pairs: 1,
			implemented: 0,
			inProgress: 1
		});
	});

	it('gives one trend point per reporting round of the programme', async () => {
		const { con } = await dbWithBatches('actions');
		await addStatus(con, '1', 'NL', '2025-06-30', 'in_progress', { responsible: 'NL BE' });
		await addStatus(con, '1', 'NL', '2025-12-31', 'implemented');
		await addStatus(con, '1', 'BE', '2025-12-31', 'not_started');
		await addStatus(con, '1', 'BE', '2026-09-30', 'implemented'); // after D
		const trend = await query(con, 'progress_trend');
		const totals = trend.filter((t) => t.actor === null);
		// Round 1: NL in progress, BE no report: 0 of 2. Round 2: NL implemented, BE not started.
		expect(
			totals.map((t) => [t.round_on, t.implemented, t.in_progress, t.no_report, t.progress_pct])
		).toEqual([
			['2025-06-30', 0, 1, 1, 0],
			['2025-12-31', 1, 0, 0, 50]
		]);
		expect(trend.filter((t) => t.actor === 'BE').map((t) => t.no_report)).toEqual([1, 0]);
	});

	it('drills down to each pair with its latest status and its file', async () => {
		const { con } = await dbWithBatches('actions');
		await addStatus(con, '1', 'NL', '2026-03-01', 'implemented', {
			responsible: 'NL BE',
			title: 'One'
		});
		const pairs = await query(con, 'progress_pairs', { programme: 'ROADMAP', action_id: '1' });
		expect(pairs).toMatchObject([
			{
				actor: 'BE',
				status: null,
				category: 'no_report',
				batch_id: null,
				responsible_batch_id: 1,
				responsible_file_name: 'actions-1.csv'
			},
			{
				actor: 'NL',
				status: 'implemented',
				category: 'implemented',
				reported_on: '2026-03-01',
				batch_id: 1,
				file_name: 'actions-1.csv',
				title: 'One'
			}
		]);
	});
});

describe('withheld-information ratio', () => {
	it('keeps pending rows out of the ratio but counts them as relevant', async () => {
		const { con } = await dbWithBatches('sharing');
		for (let i = 0; i < 3; i++) await addSharing(con, 'NL', 'shared');
		await addSharing(con, 'NL', 'withheld', {
			withholding_ground: 'legal',
			weighing_documented: true
		});
		await addSharing(con, 'NL', 'pending');
		await addSharing(con, 'NL', 'pending');
		// Only pending: nothing decided, so no ratio.
		await addSharing(con, 'BE', 'pending');
		const m = await headline(con);
		expect(withheldOf(m, 'NL')).toEqual({
			memberState: 'NL',
			relevant: 6,
			shared: 3,
			withheld: 1,
			pending: 2,
			unjustified: 0,
			ratio: 0.25
		});
		expect(withheldOf(m, 'BE')).toMatchObject({ relevant: 1, pending: 1, ratio: null });
		// A member state without rows is listed with zeros.
		expect(withheldOf(m, 'DE')).toEqual({
			memberState: 'DE',
			relevant: 0,
			shared: 0,
			withheld: 0,
			pending: 0,
			unjustified: 0,
			ratio: null
		});
		expect(m.withheld).toHaveLength(27);
	});

	it('finds each way a withholding is unjustified', async () => {
		const { con } = await dbWithBatches('sharing');
		const withhold = (ground: string | null, documented: boolean | null) =>
			addSharing(con, 'NL', 'withheld', {
				withholding_ground: ground,
				weighing_documented: documented
			});
		await withhold(null, true); // no ground
		await withhold(' ', true); // blank ground
		await withhold('legal', false); // weighing not documented
		await withhold('safety_of_persons', null); // unknown
		await withhold('other', true); // justified
		// A shared row without ground or weighing is never unjustified.
		await addSharing(con, 'NL', 'shared');
		expect(withheldOf(await headline(con), 'NL')).toMatchObject({
			withheld: 5,
			unjustified: 4,
			ratio: 5 / 6
		});
		const byGround = await query(con, 'withheld_by_ground', { member_state: 'NL' });
		expect(byGround.map((g) => [g.ground, g.withheld, g.unjustified])).toEqual([
			['(none)', 2, 2],
			['legal', 1, 1],
			['other', 1, 0],
			['safety_of_persons', 1, 1]
		]);
		const rows = await query(con, 'withheld_rows', {
			member_state: 'NL',
			ground: '(none)',
			only_unjustified: true
		});
		expect(rows).toHaveLength(2);
		expect(rows[0]).toMatchObject({ unjustified: true, batch_id: 1, file_name: 'sharing-1.csv' });
	});

	it('counts only relevant rows on or before D, inside the period', async () => {
		const { con } = await dbWithBatches('sharing');
		await addSharing(con, 'NL', 'withheld', { relevant: false });
		await addSharing(con, 'NL', 'withheld', { occurred_on: '2026-07-01' }); // after D
		await addSharing(con, 'NL', 'shared', { occurred_on: '2026-01-01' });
		await addSharing(con, 'NL', 'withheld', { occurred_on: '2026-03-31' });
		await addSharing(con, 'NL', 'shared', { occurred_on: D });
		expect(withheldOf(await headline(con), 'NL')).toMatchObject({
			relevant: 3,
			shared: 2,
			withheld: 1
		});
		// The period's ends are inclusive; either end may be open.
		expect(withheldOf(await headline(con, D, '2026-03-31', D), 'NL')).toMatchObject({
			relevant: 2,
			withheld: 1
		});
		expect(withheldOf(await headline(con, D, '2026-04-01'), 'NL')).toMatchObject({
			relevant: 1,
			shared: 1
		});
		expect(withheldOf(await headline(con, D, undefined, '2026-01-01'), 'NL')).toMatchObject({
			relevant: 1,
			shared: 1
		});
		// A period end after D still stops at D.
		expect(withheldOf(await headline(con, D, '2026-01-01', '2026-12-31'), 'NL')).toMatchObject({
			relevant: 3
		});
		// The row marked not relevant counts nowhere, but ?relevant=false reaches it (and only it).
		const notRelevant = await query(con, 'withheld_rows', { relevant: 'false' });
		expect(notRelevant).toHaveLength(1);
		expect(notRelevant[0]).toMatchObject({ member_state: 'NL', decision: 'withheld' });
		expect(await query(con, 'withheld_rows_count', { relevant: 'false' })).toEqual([{ total: 1 }]);
		expect(await query(con, 'withheld_rows_count', { relevant: 'true' })).toEqual([{ total: 3 }]);
		await expect(query(con, 'withheld_rows', { relevant: 'maybe' })).rejects.toThrow(
			/invalid relevant: "maybe" \(expected true or false\)/
		);
	});

	it('counts a superseded sharing row once, in its latest version', async () => {
		const { con } = await dbWithBatches('sharing', 2);
		await addSharing(con, 'NL', 'pending', { event_id: 'X', superseded_by: 2 });
		await addSharing(con, 'NL', 'withheld', {
			batch_id: 2,
			event_id: 'X',
			withholding_ground: 'legal',
			weighing_documented: true
		});
		expect(withheldOf(await headline(con), 'NL')).toMatchObject({
			relevant: 1,
			withheld: 1,
			pending: 0,
			ratio: 1
		});
	});

	it('fills every month of the trend and measures the sharing delay', async () => {
		const { con } = await dbWithBatches('sharing');
		const shared = (occurredOn: string, sharedOn: string | null) =>
			addSharing(con, 'NL', 'shared', { occurred_on: occurredOn, shared_on: sharedOn });
		await shared('2026-01-10', '2026-01-11'); // 1 day
		await shared('2026-01-10', '2026-01-13'); // 3 days
		await addSharing(con, 'NL', 'withheld', { occurred_on: '2026-03-05' });
		await shared('2026-06-01', '2026-07-02'); // after D
		await shared('2026-06-01', null); // no date
		const months = await query(con, 'withheld_by_month', { member_state: 'NL' });
		expect(months.map((m) => [m.month, m.relevant, m.ratio])).toEqual([
			['2026-01-01', 2, 0],
			['2026-02-01', 0, null],
			['2026-03-01', 1, 1],
			['2026-04-01', 0, null],
			['2026-05-01', 0, null],
			['2026-06-01', 2, 0]
		]);
		const [delay] = await query(con, 'withheld_delay', { member_state: 'NL' });
		expect(delay).toMatchObject({
			shared: 4,
			measured: 2,
			median_days: 2,
			max_days: 3,
			missing_shared_on: 1,
			shared_after_as_of: 1
		});
	});
});

describe('retention compliance', () => {
	it('ignores a review after D', async () => {
		const { con } = await dbWithBatches('retention');
		// SIS-36: review every 12 months. Created 15 Jan 2025, so due 15 Jan 2026 unless reviewed.
		await addRecord(con, 'NL', 'SIS-36', '2025-01-15', { last_reviewed_on: '2026-07-15' });
		await addRecord(con, 'BE', 'SIS-36', '2025-01-15', { last_reviewed_on: '2025-08-01' });
		const m = await headline(con);
		expect(retentionOf(m, 'NL')).toMatchObject({
			active: 1,
			overdueReview: 1,
			compliant: 0,
			compliancePct: 0
		});
		// Reviewed 1 Aug 2025: next review due 1 Aug 2026.
		expect(retentionOf(m, 'BE')).toMatchObject({
			active: 1,
			overdueReview: 0,
			compliant: 1,
			compliancePct: 100
		});
	});

	it('clamps month arithmetic to the end of the month', async () => {
		const { con } = await dbWithBatches('retention');
		const [clamp] = (
			await con.runAndReadAll(`SELECT (DATE '2024-01-31' + INTERVAL 1 MONTH)::DATE::VARCHAR AS leap,
				(DATE '2025-01-31' + INTERVAL 1 MONTH)::DATE::VARCHAR AS common`)
		).getRowObjectsJson();
		expect(clamp).toEqual({ leap: '2024-02-29', common: '2025-02-28' });
		await addRule(con, 'TEST-1M', 1, null);
		await addRecord(con, 'NL', 'TEST-1M', '2024-01-31'); // due 29 Feb 2024
		await addRecord(con, 'BE', 'TEST-1M', '2025-01-31'); // due 28 Feb 2025
		expect(retentionOf(await headline(con, '2024-02-29'), 'NL').overdueReview).toBe(0);
		expect(retentionOf(await headline(con, '2024-03-01'), 'NL').overdueReview).toBe(1);
		expect(retentionOf(await headline(con, '2025-02-28'), 'BE').overdueReview).toBe(0);
		expect(retentionOf(await headline(con, '2025-03-01'), 'BE').overdueReview).toBe(1);
		const [record] = await query(con, 'retention_records', {
			as_of: '2024-03-01',
			member_state: 'NL',
			flag: 'overdue_review'
		});
		expect(record).toMatchObject({
			review_due: '2024-02-29',
			batch_id: 1,
			file_name: 'retention-1.csv'
		});
	});

	it('compares dates as DuckDB adds months, for every day of four years', async () => {
		const { con } = await dbWithBatches('retention');
		await addRule(con, 'TEST-1M', 1, 1);
		await addRule(con, 'TEST-13M', 13, 25);
		// Every day of 2022-2025 under both rules; every third record reviewed 17 days later.
		await con.run(`INSERT INTO retention_record (batch_id, source_row, record_id, member_state,
				register, legal_basis, created_on, last_reviewed_on)
			SELECT 1, i + 2, 'K' || i, 'NL', 'SIS', CASE WHEN i % 2 = 0 THEN 'TEST-1M' ELSE 'TEST-13M' END,
				DATE '2022-01-01' + (i // 2)::INTEGER,
				CASE WHEN i % 3 = 0 THEN DATE '2022-01-01' + (i // 2)::INTEGER + 17 END
			FROM range(2 * 1461) t(i)`);
		const direct = `SELECT
				count(*) FILTER (WHERE $d::DATE > (coalesce(CASE WHEN last_reviewed_on <= $d::DATE
					THEN last_reviewed_on END, created_on) + INTERVAL (review_months) MONTH)::DATE)::INTEGER AS overdue_review,
				count(*) FILTER (WHERE $d::DATE > (created_on + INTERVAL (max_retention_months) MONTH)::DATE)::INTEGER AS past_retention
			FROM retention_record JOIN retention_rule USING (legal_basis)
			WHERE created_on <= $d::DATE`;
		for (const d of [
			'2023-02-28',
			'2024-02-28',
			'2024-02-29',
			'2024-03-01',
			'2024-03-30',
			'2024-03-31',
			'2024-04-30',
			'2025-02-28',
			'2025-03-01',
			'2025-12-31'
		]) {
			const [expected] = (await con.runAndReadAll(direct, { d })).getRowObjectsJson();
			const [nl] = await query(con, 'retention_by_member_state', { as_of: d, member_state: 'NL' });
			expect({ overdue_review: nl.overdue_review, past_retention: nl.past_retention }, d).toEqual(
				expected
			);
		}
	});

	it('no longer counts a record deleted on D as active', async () => {
		const { con } = await dbWithBatches('retention');
		await addRecord(con, 'NL', 'SIS-36', '2026-01-01', { deleted_on: D });
		await addRecord(con, 'NL', 'SIS-36', '2026-01-01', { deleted_on: '2026-07-01' });
		await addRecord(con, 'NL', 'SIS-36', '2026-07-01'); // created after D
		expect(retentionOf(await headline(con), 'NL')).toMatchObject({ active: 1, compliant: 1 });
		expect(retentionOf(await headline(con, '2026-06-29'), 'NL')).toMatchObject({ active: 2 });
	});

	it('flags past retention only where the rule has a maximum', async () => {
		const { con } = await dbWithBatches('retention');
		// WPG-9: maximum 60 months, review 12 months (reviewed recently, so not overdue).
		const reviewed = { last_reviewed_on: '2026-06-01' };
		await addRecord(con, 'NL', 'WPG-9', '2021-06-29', reviewed); // ends 29 Jun 2026: past
		await addRecord(con, 'NL', 'WPG-9', '2021-06-30', reviewed); // ends on D: not yet
		await addRecord(con, 'NL', 'SIS-36', '2010-01-01', reviewed);
		// An unknown legal basis: active but neither compliant nor flagged.
		await addRecord(con, 'NL', 'UNKNOWN', '2026-01-01');
		const nl = retentionOf(await headline(con), 'NL');
		expect(nl).toMatchObject({
			active: 4,
			pastRetention: 1,
			overdueReview: 0,
			compliant: 2,
			compliancePct: 50
		});
	});

	it('flags active alerts without an impact assessment', async () => {
		const { con } = await dbWithBatches('retention');
		const record = (kind: string | null, assessed: boolean | null, extra: Extra = {}) =>
			addRecord(con, 'NL', 'SIS-36', '2026-01-01', { kind, impact_assessed: assessed, ...extra });
		await record('alert', null); // missing
		await record('alert', false); // missing
		await record('alert', true);
		await record('registration', null);
		await record(null, null);
		await record('alert', null, { deleted_on: '2026-02-01' }); // not active
		expect(retentionOf(await headline(con), 'NL')).toMatchObject({
			active: 5,
			missingAssessment: 2,
			compliant: 3,
			compliancePct: 60
		});
	});

	it('finds late deletions with the grace days of the rule', async () => {
		const { con } = await dbWithBatches('retention');
		await addRule(con, 'TEST-MAX', 12, 12, 10);
		// Maximum ends 1 Jan 2025; with 10 grace days deletion is due by 11 Jan 2025.
		const deleted = (on: string) =>
			addRecord(con, 'NL', 'TEST-MAX', '2024-01-01', { deleted_on: on });
		await deleted('2025-01-11');
		await deleted('2025-01-12'); // late
		await deleted('2026-07-01'); // late, but after D: still active
		const [nl] = await query(con, 'retention_by_member_state', { member_state: 'NL' });
		expect(nl).toMatchObject({
			records: 3,
			active: 1,
			deleted: 2,
			late_deletion: 1,
			past_retention: 1
		});
	});

	it('counts a superseded record once, in its latest version', async () => {
		const { con } = await dbWithBatches('retention', 2);
		await addRecord(con, 'NL', 'SIS-36', '2020-01-01', { record_id: 'A', superseded_by: 2 });
		await addRecord(con, 'NL', 'SIS-36', '2020-01-01', {
			batch_id: 2,
			record_id: 'A',
			last_reviewed_on: '2026-01-01'
		});
		expect(retentionOf(await headline(con), 'NL')).toMatchObject({
			active: 1,
			overdueReview: 0,
			compliant: 1
		});
	});

	it('gives a trend point at every month end and at D', async () => {
		const { con } = await dbWithBatches('retention');
		await addRecord(con, 'NL', 'SIS-36', '2025-04-15'); // due 15 Apr 2026
		const trend = await query(con, 'retention_trend', { as_of: '2026-06-15', from: '2026-03-01' });
		const totals = trend.filter((t) => t.member_state === null);
		expect(totals.map((t) => [t.point_on, t.active, t.overdue_review])).toEqual([
			['2026-03-31', 1, 0],
			['2026-04-30', 1, 1],
			['2026-05-31', 1, 1],
			['2026-06-15', 1, 1]
		]);
	});
});

describe('data quality', () => {
	it('counts rejected, superseded, empty and late rows per batch and sender', async () => {
		const { con } = await freshDb();
		await addBatch(con, 1, 'actions', { imported_at: '2026-01-31 09:00:00' });
		await addBatch(con, 2, 'actions', { imported_at: '2026-02-01 09:00:00' });
		for (const [column, message] of [
			['status', 'unknown status'],
			['actor', 'unknown actor']
		]) {
			await insertRow(con, 'reject', { batch_id: 2, row_number: 7, column_name: column, message });
		}
		// Batch 1: reported 1 Jan, imported 31 Jan: 30 days, on time. Superseded by batch 2.
		await addStatus(con, '1', 'NL', '2026-01-01', 'in_progress', { superseded_by: 2 });
		// Batch 2: imported 1 Feb, 31 days after 1 Jan: late.
		await addStatus(con, '1', 'NL', '2026-01-01', 'implemented', { batch_id: 2 });
		const [sender] = await query(con, 'quality_by_sender', { kind: 'actions' });
		expect(sender).toMatchObject({
			sender: 'NL',
			batches: 2,
			rows_stored: 2,
			rows_current: 1,
			rows_superseded: 1,
			rows_rejected: 1,
			late_reports: 1,
			late_pct: 50
		});
		const late = await query(con, 'quality_late_reports');
		expect(late).toMatchObject([{ batch_id: 2, days_after_round: 31, file_name: 'actions-2.csv' }]);
	});
	it('does not call an archive late: only rounds due after the first file are judged', async () => {
		const { path } = await freshDb();
		const store = await openStore(path);
		const header = 'programme,action_id,actor,reported_on,status,responsible';
		/** Import a canonical actions file at `at` by the injected clock, as the app does. */
		const importAt = async (at: string, name: string, rows: string[]) => {
			const file = join(dir, name);
			writeFileSync(file, [header, ...rows].join('\n') + '\n');
			setClock(new Date(at));
			try {
				const result = await ingestFile(store, file, { kind: 'actions' });
				expect(result.rowsRejected, name).toBe(0);
			} finally {
				resetClock();
			}
		};
		const quality = async (asOf: string, sender: string) =>
			(await query(path, 'quality_by_sender', { as_of: asOf, kind: 'actions' })).find(
				(q) => q.sender === sender
			);
		// Today (by the injected clock) an archive of two rounds of 2016 and 2017 is loaded:
		// thousands of days after those rounds, but the programme was not monitored here yet.
		await importAt('2031-03-15T10:00:00Z', 'archive.csv', [
			'ARCH,1,NL,2016-10-31,in_progress,NL BE',
			'ARCH,1,BE,2016-10-31,not_started,NL BE',
			'ARCH,1,NL,2017-06-30,implemented,NL BE'
		]);
		expect(await quality('2031-03-15', 'NL')).toMatchObject({
			rows_stored: 2,
			late_reports: 0,
			late_judged: 0,
			late_pct: null
		});
		expect(await query(path, 'quality_late_reports', { as_of: '2031-03-15' })).toEqual([]);
		// From then on the programme is monitored: a round of 30 April 2031 sent on 20 June (51
		// days) is late, one of 31 May (20 days) is not, and a forgotten 2017 report sent with
		// them is still history (its round was due long before the first file).
		await importAt('2031-06-20T08:00:00Z', 'nl-2031.csv', [
			'ARCH,1,NL,2031-04-30,implemented,NL BE',
			'ARCH,1,NL,2031-05-31,implemented,NL BE',
			'ARCH,1,BE,2017-06-30,in_progress,NL BE'
		]);
		expect(await quality('2031-06-20', 'NL')).toMatchObject({
			rows_stored: 4,
			late_reports: 1,
			late_judged: 2,
			late_pct: 50
		});
		expect(await quality('2031-06-20', 'BE')).toMatchObject({ late_reports: 0, late_judged: 0 });
		expect(await query(path, 'quality_late_reports', { as_of: '2031-06-20' })).toMatchObject([
			{ actor: 'NL', reported_on: '2031-04-30', imported_on: '2031-06-20', days_after_round: 51 }
		]);
		// As of a day before the second import, only the archive counts: still nothing late.
		expect(await quality('2031-06-19', 'NL')).toMatchObject({ late_reports: 0, late_judged: 0 });
	});

	it("counts a sender's own files apart from the files it shares with other senders", async () => {
		const { con, path } = await freshDb();
		await addBatch(con, 1, 'actions', { file_name: 'catalogue.csv' });
		await addBatch(con, 2, 'actions', { file_name: 'nl.csv' });
		await addBatch(con, 3, 'sharing', { file_name: 'nl-sharing.csv' });
		// Batch 1: a programme's catalogue with the reports of NL and BE; batch 2: NL's own.
		await addStatus(con, '1', 'NL', '2026-01-01', 'in_progress', { responsible: 'MS' });
		await addStatus(con, '1', 'BE', '2026-01-01', 'implemented', { responsible: 'MS' });
		await addStatus(con, '2', 'NL', '2026-01-01', 'implemented', { batch_id: 2 });
		await addSharing(con, 'NL', 'shared', { batch_id: 3 });
		const figures = await query(path, 'quality_by_sender', {});
		const of = (kind: string, sender: string) =>
			figures.find((f) => f.kind === kind && f.sender === sender);
		expect(of('actions', 'NL')).toMatchObject({ batches: 1, shared_batches: 1, rows_stored: 2 });
		expect(of('actions', 'BE')).toMatchObject({ batches: 0, shared_batches: 1, rows_stored: 1 });
		expect(of('sharing', 'NL')).toMatchObject({ batches: 1, shared_batches: 0 });
		// Each figure equals its rows: the drill-down with shared false, then true.
		const files = async (sender: string, shared: boolean, scope: Scope = fullScope) => {
			const params = { as_of: D, kind: 'actions', sender, batch_id: null, shared };
			const rows = await query(path, 'quality_sender_batches', params, scope);
			const [{ total }] = await query(path, 'quality_sender_batches_count', params, scope);
			expect(total).toBe(rows.length);
			return rows.map((r) => `${String(r.file_name)} ${String(r.shared)}`);
		};
		expect(await files('NL', false)).toEqual(['nl.csv false']);
		expect(await files('NL', true)).toEqual(['catalogue.csv true']);
		expect(await files('BE', false)).toEqual([]);
		expect(await files('BE', true)).toEqual(['catalogue.csv true']);
		// A caller who sees NL only still sees the catalogue as a shared file, not as NL's own.
		const nlOnly: Scope = { figures: ['NL'], records: ['NL'] };
		const scoped = await query(path, 'quality_by_sender', {}, nlOnly);
		expect(scoped.filter((f) => f.kind === 'actions')).toMatchObject([
			{ sender: 'NL', batches: 1, shared_batches: 1 }
		]);
		expect(await files('NL', false, nlOnly)).toEqual(['nl.csv false']);
	});
});

describe('headline shape and parameters', () => {
	it('returns exactly the documented keys, sorted', async () => {
		const { con } = await dbWithBatches('actions');
		await addStatus(con, '1', 'NL', '2026-03-01', 'implemented', {
			programme: 'B',
			responsible: 'NL BE'
		});
		await addStatus(con, '1', 'NL', '2026-03-01', 'implemented', { programme: 'A' });
		const m = await headline(con);
		expect(Object.keys(m)).toEqual(['asOf', 'progress', 'withheld', 'retention', 'eu']);
		expect(Object.keys(m.eu)).toEqual(['progress', 'withheld', 'retention']);
		// The EU rows: one per programme over its actors, and the totals over every state.
		expect(m.eu.progress.map((p) => [p.programme, p.pairs, p.implemented])).toEqual([
			['A', 1, 1],
			['B', 2, 1]
		]);
		expect(Object.keys(m.eu.progress[0])).toEqual([
			'programme',
			'pairs',
			'applicable',
			'implemented',
			'inProgress',
			'notStarted',
			'noReport',
			'overdue',
			'progressPct',
			'weightedPct',
			'notInLatestRound'
		]);
		expect(m.eu.withheld.relevant).toBe(0);
		expect(m.eu.retention.compliancePct).toBeNull();
		expect(m.asOf).toBe(D);
		expect(m.progress.map((p) => `${p.programme}/${p.actor}`)).toEqual(['A/NL', 'B/BE', 'B/NL']);
		expect(Object.keys(m.progress[0])).toEqual([
			'programme',
			'actor',
			'pairs',
			'applicable',
			'implemented',
			'inProgress',
			'notStarted',
			'noReport',
			'overdue',
			'progressPct',
			'weightedPct',
			'notInLatestRound'
		]);
		expect(Object.keys(m.withheld[0])).toEqual([
			'memberState',
			'relevant',
			'shared',
			'withheld',
			'pending',
			'unjustified',
			'ratio'
		]);
		expect(Object.keys(m.retention[0])).toEqual([
			'memberState',
			'active',
			'overdueReview',
			'pastRetention',
			'missingAssessment',
			'compliant',
			'compliancePct'
		]);
		expect(m.retention.map((r) => r.memberState)).toEqual(
			[...m.retention.map((r) => r.memberState)].sort()
		);
		expect(m.retention[0]).toEqual({
			memberState: 'AT',
			active: 0,
			overdueReview: 0,
			pastRetention: 0,
			missingAssessment: 0,
			compliant: 0,
			compliancePct: null
		});
	});

	it('rejects a bad date, showing it, and a period that ends before it starts', () => {
		expect(() => checkMetricsParams({ asOf: '2026-13-01' })).toThrow(
			'invalid --as-of: "2026-13-01" (expected YYYY-MM-DD from 1900 to 2100)'
		);
		expect(() => checkMetricsParams({ asOf: D, from: '30-06-2026' })).toThrow(
			'invalid --from: "30-06-2026" (expected YYYY-MM-DD from 1900 to 2100)'
		);
		expect(() => checkMetricsParams({ asOf: D, to: '2026-02-30' }, apiNames)).toThrow(
			'invalid to: "2026-02-30" (expected YYYY-MM-DD from 1900 to 2100)'
		);
		expect(() => checkMetricsParams({ asOf: D, from: '2026-02-01', to: '2026-01-31' })).toThrow(
			/invalid period: --from 2026-02-01 is after --to 2026-01-31/
		);
		expect(checkMetricsParams({ asOf: D, from: '2026-01-01' })).toEqual({
			asOf: D,
			from: '2026-01-01',
			to: null
		});
		// Today by the clock, not by the day the test runs.
		setClock(new Date('2031-02-28T23:59:59Z'));
		try {
			expect(checkMetricsParams({}).asOf).toBe('2031-02-28');
		} finally {
			resetClock();
		}
	});

	it('takes today in UTC, whatever the time zone', () => {
		// 23:30 in UTC is already the next day in Amsterdam: the as-of date is the UTC one.
		expect(todayIso(new Date('2026-01-05T23:30:00Z'))).toBe('2026-01-05');
		expect(todayIso(new Date('2026-01-05T23:30:00-02:00'))).toBe('2026-01-06');
	});

	it('refuses dates outside 1900 to 2100, naming the range', () => {
		for (const asOf of ['0000-01-01', '1899-12-31', '2101-01-01']) {
			expect(() => checkMetricsParams({ asOf }, apiNames)).toThrow(
				`invalid asOf: "${asOf}" (expected YYYY-MM-DD from 1900 to 2100)`
			);
		}
		expect(checkMetricsParams({ asOf: '1900-01-01' }).asOf).toBe('1900-01-01');
	});
});

describe('cosi metrics', () => {
	it('prints the headline object as JSON and readable tables', async () => {
		const { con, path } = await dbWithBatches('sharing');
		await addSharing(con, 'NL', 'withheld');
		const expected = await headline(con);
		await closeStore(path);
		const printed: string[] = [];
		expect(await metricsCommand({ asOf: D, db: path, json: true }, (s) => printed.push(s))).toBe(0);
		expect(JSON.parse(printed[0])).toEqual(expected);
		expect(printed[0]).toContain('\n  "asOf": "2026-06-30"');
		printed.length = 0;
		expect(await metricsCommand({ asOf: D, db: path, json: false }, (s) => printed.push(s))).toBe(
			0
		);
		expect(printed[0]).toMatch(/^Metrics as of 2026-06-30/);
		expect(printed[0]).toMatch(/^NL +1 +0 +1 +0 +1 +1$/m);
	});

	it('exits 1 on a bad date, naming it', async () => {
		const errors: string[] = [];
		const code = await metricsCommand(
			{ asOf: '2026-13-01', db: join(dir, 'unused.duckdb'), json: true },
			() => {},
			(s) => errors.push(s)
		);
		expect(code).toBe(1);
		expect(errors).toEqual([
			'cosi metrics: invalid --as-of: "2026-13-01" (expected YYYY-MM-DD from 1900 to 2100)'
		]);
	});
});

describe('GET /api/v1/metrics', () => {
	it('serves the headline object, and 400 on a bad date', async () => {
		const { con, path } = await dbWithBatches('retention');
		await addRecord(con, 'NL', 'SIS-36', '2026-01-01');
		const expected = await headline(con, D, '2026-01-01');
		process.env.COSI_DB = path;
		const { GET } = await import('../../routes/api/v1/metrics/+server.ts');
		const call = (query: string) =>
			GET({
				url: new URL(`http://localhost/api/v1/metrics?${query}`),
				locals: { scope: fullScope }
			} as Parameters<typeof GET>[0]);
		const ok = await call(`asOf=${D}&from=2026-01-01`);
		expect(ok.status).toBe(200);
		expect(await ok.json()).toEqual(expected);
		const bad = await call('asOf=2026-06-31');
		expect(bad.status).toBe(400);
		expect(await bad.json()).toEqual({
			error: 'invalid asOf: "2026-06-31" (expected YYYY-MM-DD from 1900 to 2100)'
		});
		delete process.env.COSI_DB;
	});
});
