// Every named query in queries/ runs against the sample database, so none rots unnoticed; drill-
// down queries are paged; and each drill-down count matches the figure it explains.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withData, type QueryName } from './data.ts';
import { closeStore, openStore, repoRoot, type Store } from './db.ts';
import {
	listQueries,
	loadQuery,
	parseQuery,
	resultColumns,
	type ParamSpec,
	type ParamValue
} from './queries.ts';
import { QUERY_COLUMNS } from './query-rows.ts';
import { fullScope, type Scope } from './scope.ts';
import {
	addBatch,
	addRecord,
	addReject,
	addSharing,
	addStatus,
	type Extra
} from '../../../tests/helpers/fixtures.ts';

const asOf = '2026-06-30';
let dir: string;
let dbPath: string;
let store: Store;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cosi-queries-'));
	dbPath = join(dir, 'queries.duckdb');
	store = await openStore(dbPath);
	await loadSampleData(store);
	await insertFixture(store);
});

afterAll(async () => {
	await closeStore(dbPath);
	rmSync(dir, { recursive: true, force: true });
});

/** A named query read through the data gate, by default as a caller who sees every state. */
/** A row as most tests read it: its columns are plain values (text, numbers, flags, NULL). */
type Cells = Record<string, string | number | boolean | null>;

function gated<T = Cells>(
	name: string,
	params: Record<string, ParamValue>,
	scope: Scope = fullScope
): Promise<T[]> {
	// Any query by its name as a string: the tests go through every query file.
	return withData(scope, (d) => d.rows(name as QueryName, params) as Promise<unknown[]>, {
		path: dbPath
	}) as Promise<T[]>;
}

/** The bundled samples, when the ingest module and the generated files are there. */
async function loadSampleData(s: Store): Promise<void> {
	const module = join(repoRoot, 'src/lib/server/ingest/samples.ts');
	if (!existsSync(module)) return;
	const samples = (await import(/* @vite-ignore */ module)) as {
		loadSamples?: (store: Store) => Promise<unknown>;
	};
	await samples.loadSamples?.(s);
}

/**
 * A few rows of every kind, so each query has something to chew on even without samples.
 * Batch ids are far above the sequence the ingest uses, so they never collide with samples.
 */
async function insertFixture(s: Store): Promise<void> {
	const con = s.connection;
	const at = (imported_at: string, counts: Extra) => ({ imported_at, ...counts });
	await addBatch(con, 900001, 'actions', {
		file_name: 'fixture-actions.csv',
		...at('2026-05-20 10:00:00', { rows_read: 4, rows_accepted: 3, rows_rejected: 1 })
	});
	await addBatch(con, 900002, 'sharing', {
		file_name: 'fixture-sharing.csv',
		...at('2026-06-01 10:00:00', { rows_read: 4, rows_accepted: 4, rows_rejected: 0 })
	});
	await addBatch(con, 900003, 'retention', {
		file_name: 'fixture-retention.csv',
		...at('2026-06-02 10:00:00', { rows_read: 3, rows_accepted: 3, rows_rejected: 0 })
	});
	await addReject(con, 900001, 5, 'status', 'bogus', 'unknown status');
	const fixture = { programme: 'FIXTURE', batch_id: 900001 };
	await addStatus(con, '1', 'NL', '2026-03-31', 'implemented', {
		...fixture,
		source_row: 2,
		title: 'One',
		chapter: '1. First',
		deadline: '2025-12-31',
		responsible: 'MS EUROPOL'
	});
	await addStatus(con, '2', 'EUROPOL', '2026-03-31', 'in_progress', {
		...fixture,
		source_row: 3,
		title: 'Two',
		chapter: '2. Second',
		deadline: '2026-12-31',
		responsible: 'EUROPOL',
		completion_pct: 40
	});
	await addStatus(con, '3', 'COM', '2026-03-31', 'not_applicable', {
		...fixture,
		source_row: 4,
		title: 'Three',
		responsible: 'COM'
	});
	const sharing = (row: number, id: string, on: string, extra: Extra = {}) => ({
		batch_id: 900002,
		source_row: row,
		event_id: id,
		occurred_on: on,
		...extra
	});
	await addSharing(
		con,
		'NL',
		'shared',
		sharing(2, 'FX-1', '2026-01-10', { shared_on: '2026-01-12' })
	);
	await addSharing(con, 'NL', 'withheld', {
		...sharing(3, 'FX-2', '2026-02-10', { channel: 'SIENA' }),
		withholding_ground: 'operational',
		weighing_documented: true
	});
	await addSharing(
		con,
		'BE',
		'withheld',
		sharing(4, 'FX-3', '2026-03-10', { weighing_documented: false })
	);
	await addSharing(con, 'BE', 'pending', sharing(5, 'FX-4', '2026-04-10', { channel: 'EIS' }));
	const record = (row: number, id: string, extra: Extra) => ({
		batch_id: 900003,
		source_row: row,
		record_id: id,
		...extra
	});
	await addRecord(
		con,
		'NL',
		'SIS-36',
		'2024-01-31',
		record(2, 'FX-R1', {
			kind: 'alert',
			authority: 'Politie',
			last_reviewed_on: '2025-06-01',
			impact_assessed: true
		})
	);
	await addRecord(con, 'NL', 'WPG-9', '2019-01-15', record(3, 'FX-R2', { register: 'CTER' }));
	await addRecord(
		con,
		'BE',
		'SIS-36',
		'2023-03-01',
		record(4, 'FX-R3', {
			kind: 'alert',
			authority: 'Police',
			deleted_on: '2026-01-01',
			impact_assessed: false
		})
	);
	// Data quality: a sharing batch of NL rows only, so its rejected rows (one with two problems)
	// are NL's, that supersedes FX-1; and a retention batch imported after 30 June 2026 that
	// supersedes FX-R1, which is therefore superseded as of a later date but not as of asOf. Each
	// records, as the ingest does, how many earlier rows it superseded.
	await addBatch(con, 900004, 'sharing', {
		file_name: 'fixture-sharing-2.csv',
		...at('2026-06-10 10:00:00', { rows_read: 4, rows_accepted: 2, rows_rejected: 2 }),
		rows_superseded: 1
	});
	await addBatch(con, 900005, 'retention', {
		file_name: 'fixture-retention-2.csv',
		...at('2026-07-15 10:00:00', { rows_read: 1, rows_accepted: 1, rows_rejected: 0 }),
		rows_superseded: 1
	});
	await addReject(con, 900004, 4, 'decision', 'maybe', 'unknown decision');
	await addReject(con, 900004, 4, 'occurred_on', '2026-02-30', 'invalid date');
	await addReject(con, 900004, 5, null, null, 'row has too many cells');
	const second = { batch_id: 900004, recipient: null };
	await addSharing(con, 'NL', 'shared', {
		...second,
		source_row: 2,
		event_id: 'FX-1',
		occurred_on: '2026-01-10',
		recipient: 'BE'
	});
	await addSharing(con, 'NL', 'withheld', {
		...second,
		source_row: 3,
		event_id: 'FX-5',
		occurred_on: '2026-05-10',
		channel: 'EIS'
	});
	await con.run(`UPDATE sharing_event SET superseded_by = 900004
		WHERE batch_id = 900002 AND event_id = 'FX-1'`);
	await addRecord(
		con,
		'NL',
		'SIS-36',
		'2024-01-31',
		record(2, 'FX-R1', {
			batch_id: 900005,
			kind: 'alert',
			authority: 'Politie'
		})
	);
	await con.run(`UPDATE retention_record SET superseded_by = 900005
		WHERE batch_id = 900003 AND record_id = 'FX-R1'`);
}

/** A value for each declared parameter that any query should accept. */
function sampleValue(p: ParamSpec): ParamValue {
	if (p.optional) return null;
	if (p.name === 'limit') return 10;
	if (p.name === 'offset') return 0;
	switch (p.type) {
		case 'DATE':
			return asOf;
		case 'INTEGER':
			return 1;
		case 'DOUBLE':
			return 1;
		case 'BOOLEAN':
			return false;
		case 'VARCHAR':
			return 'NL';
	}
}

function sampleParams(name: string): Record<string, ParamValue> {
	return Object.fromEntries(loadQuery(name).params.map((p) => [p.name, sampleValue(p)]));
}

/** Named queries that return rows behind a figure, and so must be paged. */
const drillDown = /_(rows|pairs|records|list|late_reports|batches)$/;
/** Queries of the metric areas (docs/metrics.md); others' queries only have to run. */
const metricArea = /^(progress|withheld|retention|quality)_/;

describe('every named query', () => {
	const names = listQueries();

	it('finds the metric queries', () => {
		for (const name of [
			'progress_by_actor',
			'withheld_by_member_state',
			'retention_by_member_state',
			'quality_by_sender'
		]) {
			expect(names).toContain(name);
		}
	});

	it('has a row type for each query file, and none for a query that is not there', () => {
		expect(Object.keys(QUERY_COLUMNS).sort()).toEqual([...names].sort());
	});

	it.each(names)('%s returns exactly the columns of its row type (query-rows.ts)', async (name) => {
		const con = await store.instance.connect();
		try {
			await con.run("SET VARIABLE cosi_scope = ['*']");
			const declared = Object.keys(QUERY_COLUMNS[name as QueryName]);
			expect(await resultColumns(con, name, sampleParams(name))).toEqual(declared);
		} finally {
			con.closeSync();
		}
	});

	it.each(names)('%s runs with sample parameters', async (name) => {
		const rows = await gated(name, sampleParams(name));
		expect(Array.isArray(rows)).toBe(true);
	});

	it.each(names)('%s is paged if it declares a limit or is a drill-down', (name) => {
		const query = loadQuery(name);
		const declaresLimit = query.params.some((p) => p.name === 'limit');
		if (drillDown.test(name)) expect(declaresLimit, `${name} must declare $limit`).toBe(true);
		if (declaresLimit) {
			expect(query.sql.replace(/--.*$/gm, ''), `${name} must use $limit`).toMatch(
				/\bLIMIT\b[^\n]*\$limit/i
			);
			expect(query.params.find((p) => p.name === 'limit')?.optional).toBe(false);
		}
	});

	it.each(
		names.filter((n) => (metricArea.test(n) || n.startsWith('batch_')) && n.endsWith('_count'))
	)('%s counts what its drill-down returns', async (name) => {
		const list = name.replace(/_count$/, '');
		if (!names.includes(list)) return;
		const params = sampleParams(name);
		const [{ total }] = await gated<{ total: number }>(name, params);
		const rows = await gated(list, { ...params, limit: 10000, offset: 0 });
		// A page holds at most 10000 rows.
		expect(rows.length).toBe(Math.min(total, 10000));
	});
});

describe('drill-downs lead to the rows behind each figure', () => {
	/** Every row of a paged drill-down, page by page. */
	async function allPages(name: string, params: Record<string, ParamValue>) {
		const rows: Record<string, unknown>[] = [];
		for (let offset = 0; ; offset += 10000) {
			const page = await gated(name, { ...params, limit: 10000, offset });
			rows.push(...page);
			if (page.length < 10000) return rows;
		}
	}

	it('progress: each category count equals its pairs', async () => {
		const figures = await gated('progress_by_actor', {
			as_of: asOf,
			programme: null,
			actor: null
		});
		expect(figures.length).toBeGreaterThan(0);
		for (const category of [
			'applicable',
			'implemented',
			'no_report',
			'overdue',
			'not_in_latest_round'
		]) {
			const pairs = await allPages('progress_pairs', {
				as_of: asOf,
				programme: null,
				actor: null,
				action_id: null,
				chapter: null,
				category
			});
			const counted = new Map<string, number>();
			for (const p of pairs) {
				const key = `${String(p.programme)}/${String(p.actor)}`;
				counted.set(key, (counted.get(key) ?? 0) + 1);
			}
			for (const f of figures) {
				const key = `${f.programme}/${f.actor}`;
				expect(counted.get(key) ?? 0, `${key} ${category}`).toBe(f[category]);
			}
		}
	});

	it('progress: the missing reports are the pairs behind not_in_latest_round', async () => {
		const figures = await gated('progress_by_actor', {
			as_of: asOf,
			programme: null,
			actor: null
		});
		const missing = await allPages('progress_missing_reports', {
			as_of: asOf,
			programme: null
		});
		const total = figures.reduce((sum, f) => sum + Number(f.not_in_latest_round), 0);
		expect(total).toBeGreaterThan(0);
		expect(missing.length).toBe(total);
		for (const f of figures) {
			const of = missing.filter((r) => r.programme === f.programme && r.actor === f.actor);
			expect(of.length, `${f.programme}/${f.actor}`).toBe(f.not_in_latest_round);
		}
	});

	it("progress: the previous round's pairs equal progress_trend's figures at that round", async () => {
		const trend = await gated('progress_trend', {
			as_of: asOf,
			programme: null,
			actor: null
		});
		const rounds = new Map<string, string[]>();
		for (const t of trend) {
			const list = rounds.get(String(t.programme)) ?? [];
			if (!list.includes(String(t.round_on))) list.push(String(t.round_on));
			rounds.set(String(t.programme), list.sort());
		}
		const previous = [...rounds].filter(([, list]) => list.length >= 2);
		expect(previous.length).toBeGreaterThan(1);
		for (const category of ['applicable', 'implemented']) {
			const pairs = await allPages('progress_pairs', {
				as_of: asOf,
				programme: null,
				actor: null,
				action_id: null,
				chapter: null,
				category,
				previous_round: true
			});
			const counted = new Map<string, number>();
			for (const p of pairs) {
				const key = `${String(p.programme)}/${String(p.actor)}`;
				counted.set(key, (counted.get(key) ?? 0) + 1);
			}
			for (const [programme, list] of previous) {
				const round = list.at(-2);
				expect(
					pairs.filter((p) => p.programme === programme).every((p) => p.judged_on === round)
				).toBe(true);
				for (const t of trend.filter((t) => t.programme === programme && t.round_on === round)) {
					const key = `${programme}/${t.actor ?? '*'}`;
					const expected = t[category] as number;
					const got =
						t.actor === null
							? pairs.filter((p) => p.programme === programme).length
							: (counted.get(key) ?? 0);
					expect(got, `${key} ${category} at ${round}`).toBe(expected);
				}
			}
		}
	});

	it('progress changes: each count equals its pairs (every programme, actor and group)', async () => {
		const filter = { as_of: asOf, programme: null, from_round: null, to_round: null };
		const counts = await gated('progress_changes', { ...filter, actor: null });
		expect(counts.length).toBeGreaterThan(0);
		for (const group of [
			'improved',
			'regressed',
			'newly_reported',
			'stopped_reporting',
			'reclassified',
			'newly_overdue',
			'changed',
			null
		]) {
			const pairs = await allPages('progress_changes_pairs', { ...filter, actor: null, group });
			const counted = new Map<string, number>();
			for (const p of pairs) {
				for (const key of [`${String(p.programme)}/${String(p.actor)}`, `${String(p.programme)}/*`])
					counted.set(key, (counted.get(key) ?? 0) + 1);
			}
			for (const c of counts) {
				const key = `${String(c.programme)}/${c.actor === null ? '*' : String(c.actor)}`;
				expect(counted.get(key) ?? 0, `${key} ${group}`).toBe(c[group ?? 'pairs']);
			}
		}
	});

	it('withheld: withheld and unjustified counts equal their rows', async () => {
		const figures = await gated('withheld_by_member_state', {
			as_of: asOf,
			from: null,
			to: null,
			member_state: null
		});
		for (const f of figures) {
			const count = async (decision: string | null, onlyUnjustified: boolean | null) => {
				const [{ total }] = await gated<{ total: number }>('withheld_rows_count', {
					as_of: asOf,
					from: null,
					to: null,
					member_state: f.member_state,
					channel: null,
					ground: null,
					decision,
					only_unjustified: onlyUnjustified,
					month: null,
					relevant: null
				});
				return total;
			};
			expect(await count(null, null)).toBe(f.relevant);
			expect(await count('withheld', null)).toBe(f.withheld);
			expect(await count(null, true)).toBe(f.unjustified);
		}
	});

	it('retention: each flag count equals its records', async () => {
		const figures = await gated('retention_by_member_state', {
			as_of: asOf,
			member_state: null
		});
		for (const f of figures) {
			for (const flag of [
				'active',
				'overdue_review',
				'past_retention',
				'missing_assessment',
				'compliant'
			]) {
				const [{ total }] = await gated<{ total: number }>('retention_records_count', {
					as_of: asOf,
					member_state: f.member_state,
					register: null,
					legal_basis: null,
					authority: null,
					flag
				});
				expect(total, `${f.member_state} ${flag}`).toBe(f[flag]);
			}
		}
	});

	describe.each([asOf, '2100-12-31'])('data quality as of %s', (qualityAsOf) => {
		type Figure = Record<string, unknown> & { kind: string; sender: string };
		/** Rows per key, e.g. per "kind|sender". */
		function tally<T>(rows: T[], key: (r: T) => string, weight: (r: T) => number = () => 1) {
			const counts = new Map<string, number>();
			for (const r of rows) counts.set(key(r), (counts.get(key(r)) ?? 0) + weight(r));
			return counts;
		}
		const all = { as_of: qualityAsOf, kind: null, sender: null, batch_id: null };
		const bySender = (r: Record<string, unknown>) => `${String(r.kind)}|${String(r.sender)}`;
		const byBatch = (r: Record<string, unknown>) =>
			`${String(r.kind)}|${String(r.sender)}|${String(r.batch_id)}`;

		it('each figure of quality_by_sender equals the rows of its drill-down', async () => {
			const figures = await gated<Figure>('quality_by_sender', {
				as_of: qualityAsOf,
				kind: null,
				late_after_days: null
			});
			expect(figures.length).toBeGreaterThan(0);
			const stored = await allPages('quality_stored_rows', { ...all, only_superseded: null });
			const superseded = await allPages('quality_stored_rows', { ...all, only_superseded: true });
			const rejected = await allPages('quality_rejected_rows', all);
			const empty = await allPages('quality_empty_rows', { ...all, field: null });
			const batches = await allPages('quality_sender_batches', {
				...all,
				shared: null,
				late_after_days: null
			});
			const late = await allPages('quality_late_reports', {
				as_of: qualityAsOf,
				programme: null,
				actor: null,
				batch_id: null,
				late_after_days: null
			});
			expect(superseded).toEqual(stored.filter((r) => r.superseded));
			const counted = {
				rows_stored: tally(stored, bySender),
				rows_superseded: tally(superseded, bySender),
				rows_rejected: tally(rejected, bySender),
				optional_empty: tally(empty, bySender),
				// A file is the sender's own, or shared with other senders.
				batches: tally(
					batches.filter((b) => b.shared === false),
					bySender
				),
				shared_batches: tally(
					batches.filter((b) => b.shared === true),
					bySender
				),
				late_reports: tally(late, (r) => `actions|${String(r.actor)}`)
			};
			// The same empty cells, counted on the stored rows.
			const emptyOnRows = tally(stored, bySender, (r) => (r.empty_fields as string[]).length);
			for (const f of figures) {
				const key = bySender(f);
				for (const [figure, rows] of Object.entries(counted)) {
					if (figure === 'late_reports' && f.kind !== 'actions') continue;
					expect(rows.get(key) ?? 0, `${key} ${figure}`).toBe(f[figure]);
				}
				expect(emptyOnRows.get(key) ?? 0, `${key} empty cells of stored rows`).toBe(
					f.optional_empty
				);
			}
			// No drill-down has rows of a sender without figures.
			const senders = new Set(figures.map(bySender));
			for (const rows of [stored, rejected, empty, batches])
				for (const r of rows) expect(senders, bySender(r)).toContain(bySender(r));
			if (qualityAsOf === asOf) {
				// The fixture: NL's own sharing batch, with two rejected rows (three problems), and a
				// supersession as of asOf; the retention supersession comes after asOf.
				// The first fixture sharing batch also holds BE's rows: a shared file.
				const nl = figures.find((f) => f.kind === 'sharing' && f.sender === 'NL');
				expect(nl).toMatchObject({
					batches: 1,
					shared_batches: 1,
					rows_stored: 4,
					rows_rejected: 2,
					rows_superseded: 1
				});
				expect(figures.find((f) => f.kind === 'retention' && f.sender === 'NL')).toMatchObject({
					rows_superseded: 0
				});
				expect(rejected.find((r) => r.batch_id === 900004 && r.row_number === 4)).toMatchObject({
					sender: 'NL',
					problems: [
						{ column_name: 'decision', value: 'maybe', message: 'unknown decision' },
						{ column_name: 'occurred_on', value: '2026-02-30', message: 'invalid date' }
					]
				});
				expect(superseded.find((r) => r.record_key === 'FX-1')).toMatchObject({
					batch_id: 900002,
					superseded_by: 900004,
					superseded_by_file: 'fixture-sharing-2.csv'
				});
			} else {
				expect(
					figures.find((f) => f.kind === 'retention' && f.sender === 'NL')?.rows_superseded
				).toBeGreaterThan(0);
			}
		});

		it('each figure of a sender per batch equals the rows of that batch', async () => {
			const batches = await allPages('quality_sender_batches', {
				...all,
				shared: null,
				late_after_days: null
			});
			expect(batches.length).toBeGreaterThan(0);
			const stored = await allPages('quality_stored_rows', { ...all, only_superseded: null });
			const counted = {
				rows_stored: tally(stored, byBatch),
				rows_superseded: tally(
					stored.filter((r) => r.superseded),
					byBatch
				),
				rows_rejected: tally(await allPages('quality_rejected_rows', all), byBatch),
				optional_empty: tally(
					await allPages('quality_empty_rows', { ...all, field: null }),
					byBatch
				)
			};
			for (const b of batches) {
				for (const [figure, rows] of Object.entries(counted))
					expect(rows.get(byBatch(b)) ?? 0, `${byBatch(b)} ${figure}`).toBe(b[figure]);
			}
			// The batch filter of each drill-down gives the same rows, with its count.
			for (const b of batches.slice(0, 5)) {
				const one = {
					as_of: qualityAsOf,
					kind: b.kind as string,
					sender: b.sender as string,
					batch_id: b.batch_id as number
				};
				for (const [name, extra, figure] of [
					['quality_stored_rows_count', { only_superseded: null }, 'rows_stored'],
					['quality_stored_rows_count', { only_superseded: true }, 'rows_superseded'],
					['quality_rejected_rows_count', {}, 'rows_rejected'],
					['quality_empty_rows_count', { field: null }, 'optional_empty'],
					['quality_sender_batches_count', { shared: null }, null]
				] as const) {
					const [{ total }] = await gated<{ total: number }>(name, { ...one, ...extra });
					expect(total, `${byBatch(b)} ${name}`).toBe(figure ? b[figure] : 1);
				}
			}
		});

		it('each field of the breakdown counts the rows where it is empty', async () => {
			const figures = await gated<Figure>('quality_by_sender', {
				as_of: qualityAsOf,
				kind: null,
				late_after_days: null
			});
			const fields = await gated<{ kind: string; field: string }>('quality_optional_fields', {
				kind: null
			});
			// Every optional field names one of the row's cells (a misspelt one leaves them NULL).
			// A macro read directly: the scope set as the gate sets it for every state.
			await store.connection.run("SET VARIABLE cosi_scope = ['*']");
			const unnamed = await store.connection.runAndReadAll(
				'SELECT count(*)::INTEGER FROM quality_row_cells(NULL) WHERE cells IS NULL'
			);
			await store.connection.run('RESET VARIABLE cosi_scope');
			expect(unnamed.getRows()[0][0]).toBe(0);
			const emptyRows = new Map<string, number>();
			const applicableRows = new Map<string, number>();
			for (const { kind, field } of fields) {
				const rows = await allPages('quality_empty_rows', { ...all, kind, field });
				for (const [sender, n] of tally(rows, (r) => String(r.sender)))
					emptyRows.set(`${kind}|${sender}|${field}`, n);
				// Over the samples, for one sender only: listing every row once per field is slow.
				const applies = await allPages('quality_stored_rows', {
					...all,
					kind,
					sender: qualityAsOf === asOf ? null : 'NL',
					field,
					only_superseded: null
				});
				for (const [sender, n] of tally(applies, (r) => String(r.sender)))
					applicableRows.set(`${kind}|${sender}|${field}`, n);
			}
			for (const f of figures.filter((x) => x.sender !== '(unattributed)')) {
				const breakdown = await gated<{ field: string; applicable: number; empty: number }>(
					'quality_empty_fields',
					{ as_of: qualityAsOf, kind: f.kind, batch_id: null, sender: f.sender }
				);
				const sum = (k: 'applicable' | 'empty') => breakdown.reduce((n, b) => n + b[k], 0);
				expect(sum('empty'), `${bySender(f)} empty`).toBe(f.optional_empty);
				expect(sum('applicable'), `${bySender(f)} applicable`).toBe(f.optional_cells);
				for (const b of breakdown) {
					const key = `${f.kind}|${f.sender}|${b.field}`;
					expect(emptyRows.get(key) ?? 0, `${key} empty`).toBe(b.empty);
					if (qualityAsOf === asOf || f.sender === 'NL')
						expect(applicableRows.get(key) ?? 0, `${key} applicable`).toBe(b.applicable);
				}
			}
		});
	});

	it('every drill-down row names its batch and file', async () => {
		const rows = await gated('withheld_rows', {
			...sampleParams('withheld_rows'),
			member_state: null
		});
		expect(rows.length).toBeGreaterThan(0);
		for (const r of rows) {
			expect(r.batch_id).toEqual(expect.any(Number));
			expect(r.file_name).toEqual(expect.any(String));
		}
	});

	it('rejects an unknown category, decision or flag with the accepted values', async () => {
		await expect(
			gated('progress_pairs', { ...sampleParams('progress_pairs'), category: 'done' })
		).rejects.toThrow(/invalid category: "done" \(expected implemented/);
		await expect(
			gated('withheld_rows', { ...sampleParams('withheld_rows'), decision: 'kept' })
		).rejects.toThrow(/invalid decision: "kept"/);
		await expect(
			gated('retention_records', { ...sampleParams('retention_records'), flag: 'late' })
		).rejects.toThrow(/invalid flag: "late"/);
		for (const name of [
			'quality_stored_rows',
			'quality_stored_rows_count',
			'quality_rejected_rows',
			'quality_empty_rows_count',
			'quality_sender_batches'
		]) {
			await expect(gated(name, { ...sampleParams(name), kind: 'events' }), name).rejects.toThrow(
				/invalid kind: "events" \(expected sharing, actions or retention\)/
			);
		}
		await expect(
			gated('quality_empty_rows', {
				...sampleParams('quality_empty_rows'),
				kind: 'sharing',
				sender: null,
				field: 'title'
			})
		).rejects.toThrow(/invalid field: "title" \(expected recipient, category/);
	});

	it('caps a page at 10000 rows', async () => {
		const rows = await gated('withheld_rows', {
			...sampleParams('withheld_rows'),
			member_state: null,
			limit: 1_000_000
		});
		expect(rows.length).toBeLessThanOrEqual(10000);
	});
});

describe('import batches: each figure of a batch equals the rows of its view', () => {
	interface Batch {
		batch_id: number;
		kind: string;
		file_name: string;
		imported_at: string;
		rows_read: number;
		rows_accepted: number;
		rows_rejected: number;
		rows_superseded: number;
	}

	/** Every row of a paged query, `size` at a time. */
	async function allPages(name: string, params: Record<string, ParamValue>, size = 10000) {
		const rows: Record<string, unknown>[] = [];
		for (let offset = 0; ; offset += size) {
			const page = await gated(name, { ...params, limit: size, offset });
			rows.push(...page);
			if (page.length < size) return rows;
		}
	}

	/** The views of /imports/[id] for one batch, as its page asks for them. */
	function views(b: Batch, asOf: string) {
		return {
			read: ['batch_read_rows', { as_of: asOf, kind: b.kind, batch_id: b.batch_id }],
			accepted: [
				'quality_stored_rows',
				{
					as_of: asOf,
					kind: b.kind,
					sender: null,
					batch_id: b.batch_id,
					only_superseded: null,
					field: null
				}
			],
			rejected: ['batch_rejected_rows', { batch_id: b.batch_id }],
			superseded: ['batch_replaced_rows', { kind: b.kind, batch_id: b.batch_id }]
		} satisfies Record<string, [string, Record<string, ParamValue>]>;
	}

	it('rows read, accepted, rejected and superseded of every batch list exactly their rows', async () => {
		const batches = await allPages('batch_list', {});
		expect(batches.length).toBeGreaterThan(3);
		// The fixture: a batch with rejects and batches that superseded rows are among them.
		const ids = batches.map((b) => b.batch_id);
		expect(ids).toEqual(expect.arrayContaining([900001, 900002, 900004, 900005]));
		expect(batches.some((b) => (b.rows_rejected as number) > 0)).toBe(true);
		expect(batches.some((b) => (b.rows_superseded as number) > 0)).toBe(true);

		for (const listed of batches as unknown as Batch[]) {
			const what = `batch ${listed.batch_id} (${listed.file_name})`;
			// The page of a batch shows batch_get's figures: the same as the list's.
			const [b] = await gated<Batch>('batch_get', { batch_id: listed.batch_id });
			expect(b, what).toMatchObject({
				rows_read: listed.rows_read,
				rows_accepted: listed.rows_accepted,
				rows_rejected: listed.rows_rejected,
				rows_superseded: listed.rows_superseded
			});
			expect(b.rows_accepted + b.rows_rejected, `${what}: accepted + rejected = read`).toBe(
				b.rows_read
			);
			// The earliest as-of date that includes the batch: its import date.
			const asOf = b.imported_at.slice(0, 10);
			const figure = {
				read: b.rows_read,
				accepted: b.rows_accepted,
				rejected: b.rows_rejected,
				superseded: b.rows_superseded
			};
			const listedRows: Record<string, Record<string, unknown>[]> = {};
			for (const [view, [name, params]] of Object.entries(views(b, asOf))) {
				const [{ total }] = await gated<{ total: number }>(`${name}_count`, params);
				expect(total, `${what}: ${view} count`).toBe(figure[view as keyof typeof figure]);
				const rows = await allPages(name, params);
				expect(rows.length, `${what}: ${view} rows`).toBe(total);
				listedRows[view] = rows;
			}
			const { read, accepted, rejected, superseded } = listedRows;
			// Read: every row once, in file order; its accepted rows are the accepted view's, its
			// rejected rows the rejected view's.
			const numbers = read.map((r) => r.row_number as number);
			expect(numbers, `${what}: read in file order, each row once`).toEqual(
				[...new Set(numbers)].sort((x, y) => x - y)
			);
			expect(
				read.filter((r) => r.outcome === 'accepted').map((r) => [r.row_number, r.record_key]),
				what
			).toEqual(accepted.map((r) => [r.source_row, r.record_key]));
			expect(
				read.filter((r) => r.outcome === 'rejected').map((r) => [r.row_number, r.problems]),
				what
			).toEqual(rejected.map((r) => [r.row_number, r.problems]));
			for (const r of accepted) expect(r.batch_id, what).toBe(b.batch_id);
			// The problems of the rejected rows are every reject of the batch.
			const counted = await store.connection.runAndReadAll(
				'SELECT count(*)::INTEGER FROM reject WHERE batch_id = $batch',
				{ batch: b.batch_id }
			);
			const rejects = Number(counted.getRows()[0][0]);
			const [{ problems }] = await gated<{ problems: number }>('batch_rejected_rows_count', {
				batch_id: b.batch_id
			});
			expect(problems, what).toBe(rejects);
			expect(
				rejected.reduce((n, r) => n + (r.problems as unknown[]).length, 0),
				what
			).toBe(rejects);
			// Superseded: rows of other batches, each with its own batch, file and row.
			for (const r of superseded) {
				expect(r.batch_id, what).not.toBe(b.batch_id);
				expect(r.file_name, what).toEqual(expect.any(String));
				expect(r.source_row, what).toEqual(expect.any(Number));
			}
			// A later as-of date gives the same rows.
			const [{ total: later }] = await gated<{ total: number }>('batch_read_rows_count', {
				as_of: '2100-12-31',
				kind: b.kind,
				batch_id: b.batch_id
			});
			expect(later, what).toBe(b.rows_read);
		}
	});

	it('the fixture batches: rejected rows with their problems, and the rows they replaced', async () => {
		const [b4] = await gated<Batch>('batch_get', { batch_id: 900004 });
		const v4 = views(b4, '2026-06-30');
		// Page by page, one row at a time: the same rows in the same order.
		const read = await allPages(v4.read[0], v4.read[1], 1);
		expect(read.map((r) => [r.row_number, r.outcome, r.record_key])).toEqual([
			[2, 'accepted', 'FX-1'],
			[3, 'accepted', 'FX-5'],
			[4, 'rejected', null],
			[5, 'rejected', null]
		]);
		expect(read[2].problems).toEqual([
			{ column_name: 'decision', value: 'maybe', message: 'unknown decision' },
			{ column_name: 'occurred_on', value: '2026-02-30', message: 'invalid date' }
		]);
		expect(read[3].problems).toEqual([
			{ column_name: null, value: null, message: 'row has too many cells' }
		]);
		expect(await allPages(v4.rejected[0], v4.rejected[1], 1)).toMatchObject([
			{ row_number: 4, file_name: 'fixture-sharing-2.csv' },
			{ row_number: 5, file_name: 'fixture-sharing-2.csv' }
		]);
		expect(await allPages(v4.superseded[0], v4.superseded[1], 1)).toEqual([
			{
				kind: 'sharing',
				sender: 'NL',
				record_key: 'FX-1',
				record_date: '2026-01-10',
				topic: 'SIS',
				state: 'shared',
				batch_id: 900002,
				file_name: 'fixture-sharing.csv',
				source_row: 2
			}
		]);

		// The batch it replaced: its accepted rows say which one was replaced since, and by what.
		const [b2] = await gated<Batch>('batch_get', { batch_id: 900002 });
		const v2 = views(b2, '2026-06-30');
		const accepted = await allPages(v2.accepted[0], v2.accepted[1]);
		expect(accepted.map((r) => [r.record_key, r.superseded, r.superseded_by_file])).toEqual([
			['FX-1', true, 'fixture-sharing-2.csv'],
			['FX-2', false, null],
			['FX-3', false, null],
			['FX-4', false, null]
		]);
		expect((await allPages(v2.read[0], v2.read[1])).map((r) => r.superseded)).toEqual([
			true,
			false,
			false,
			false
		]);

		// The retention batch imported on 15 July 2026 replaced FX-R1 of the first one.
		const [b5] = await gated<Batch>('batch_get', { batch_id: 900005 });
		const v5 = views(b5, '2026-07-15');
		expect(await allPages(v5.superseded[0], v5.superseded[1])).toMatchObject([
			{ record_key: 'FX-R1', batch_id: 900003, source_row: 2 }
		]);
		// An as-of date before its import leaves its stored rows out: the page never passes one.
		const [{ total }] = await gated<{ total: number }>('batch_read_rows_count', {
			...v5.read[1],
			as_of: '2026-06-30'
		});
		expect(total).toBe(0);
	});

	it('rejects an unknown kind with the accepted values', async () => {
		for (const name of ['batch_read_rows', 'batch_replaced_rows_count']) {
			await expect(gated(name, { ...sampleParams(name), kind: 'events' }), name).rejects.toThrow(
				/invalid kind: "events" \(expected sharing, actions or retention\)/
			);
		}
	});
});

describe('the data gate binds the caller’s member-state scope into every query', () => {
	const names = listQueries();
	const nl: Scope = { figures: ['NL'], records: ['NL'] };
	/** The columns that name whose rows or figures a row holds. */
	const stateColumns = ['member_state', 'actor', 'sender'];

	/** Sample parameters with every member-state filter open, so the scope alone narrows. */
	function openParams(name: string): Record<string, ParamValue> {
		const params = sampleParams(name);
		for (const p of loadQuery(name).params) {
			if (['member_state', 'actor', 'sender', 'programme'].includes(p.name) && p.optional)
				params[p.name] = null;
			if (p.name === 'limit') params[p.name] = 10000;
		}
		return params;
	}

	it.each(names)('%s with a one-state scope returns only that state’s rows', async (name) => {
		const scope = loadQuery(name).scope;
		const rows = await gated(name, openParams(name), nl);
		for (const row of rows) {
			for (const c of stateColumns) {
				if (scope !== 'none' && c in row && row[c] !== null)
					expect(row[c], `${name}.${c}`).toBe('NL');
			}
		}
		if (scope === 'none') {
			expect(rows).toEqual(await gated(name, openParams(name)));
		}
	});

	it('lists only the batches that stored a row of a state in scope', async () => {
		const all = await gated<{ batch_id: number }>('batch_list', { limit: 1000, offset: 0 });
		const be = await gated<{ batch_id: number }>(
			'batch_list',
			{ limit: 1000, offset: 0 },
			{
				figures: ['BE'],
				records: ['BE']
			}
		);
		const ids = be.map((b) => b.batch_id);
		// The fixture's NL-only sharing batch is not BE's; the mixed one is.
		expect(ids).toContain(900002);
		expect(ids).not.toContain(900004);
		expect(all.length).toBeGreaterThan(be.length);
		expect(
			await gated('batch_get', { batch_id: 900004 }, { figures: ['BE'], records: ['BE'] })
		).toEqual([]);
	});

	it('gives a caller without record rights no rows but every figure', async () => {
		const reviewer: Scope = { figures: null, records: [] };
		for (const name of names.filter((n) => loadQuery(n).scope === 'records')) {
			const rows = await gated<Record<string, unknown>>(name, openParams(name), reviewer);
			// A count query answers one row of zeros; a list query, no row.
			for (const row of rows) for (const v of Object.values(row)) expect(v, name).toBe(0);
		}
		const withheld = { as_of: asOf, from: null, to: null, member_state: null };
		expect(await gated('withheld_by_member_state', withheld, reviewer)).toEqual(
			await gated('withheld_by_member_state', withheld)
		);
	});

	it('with a two-state scope, the EU totals are those two states’ totals', async () => {
		const two: Scope = { figures: ['NL', 'BE'], records: ['NL', 'BE'] };
		const period = { as_of: asOf, from: null, to: null };
		const byState = await gated<{
			member_state: string;
			relevant: number;
			withheld: number;
			shared: number;
			unjustified: number;
		}>('withheld_by_member_state', { ...period, member_state: null });
		// The EU total of the figures is the total row of each query by member state.
		const totalOf = <R extends { member_state: string | null }>(rows: R[]) =>
			rows.filter((r) => r.member_state === null);
		const pick = byState.filter((r) => r.member_state === 'NL' || r.member_state === 'BE');
		const sum = (k: 'relevant' | 'withheld' | 'shared' | 'unjustified') =>
			pick.reduce((n, r) => n + r[k], 0);
		const [total, ...more] = totalOf(
			await gated<{
				member_state: string | null;
				relevant: number;
				withheld: number;
				shared: number;
				unjustified: number;
			}>('withheld_by_member_state', { ...period, member_state: null }, two)
		);
		expect(more).toEqual([]);
		expect(total).toMatchObject({
			relevant: sum('relevant'),
			withheld: sum('withheld'),
			shared: sum('shared'),
			unjustified: sum('unjustified')
		});
		expect(total.relevant).toBeGreaterThan(0);

		const retention = await gated<{ member_state: string; active: number; compliant: number }>(
			'retention_by_member_state',
			{ as_of: asOf, member_state: null }
		);
		const [retentionTotal] = totalOf(
			await gated<{ member_state: string | null; active: number; compliant: number }>(
				'retention_by_member_state',
				{ as_of: asOf, member_state: null },
				two
			)
		);
		const two_ = retention.filter((r) => r.member_state === 'NL' || r.member_state === 'BE');
		expect(retentionTotal.active).toBe(two_.reduce((n, r) => n + r.active, 0));
		expect(retentionTotal.compliant).toBe(two_.reduce((n, r) => n + r.compliant, 0));

		const progress = await gated<{ actor: string; pairs: number; implemented: number }>(
			'progress_by_actor',
			{ as_of: asOf, programme: null, actor: null }
		);
		const summary = await gated<{ level: string; pairs: number; implemented: number }>(
			'progress_summary',
			{ as_of: asOf, programme: null },
			two
		);
		const overall = summary.find((r) => r.level === 'all');
		const mine = progress.filter((r) => r.actor === 'NL' || r.actor === 'BE');
		expect(overall?.pairs).toBe(mine.reduce((n, r) => n + r.pairs, 0));
		expect(overall?.implemented).toBe(mine.reduce((n, r) => n + r.implemented, 0));
	});

	it('keeps the figures of one scope out of another’s cache', async () => {
		const params = { as_of: asOf, from: null, to: null, member_state: null };
		const read = (scope: Scope) =>
			withData(
				scope,
				async (d) =>
					(await d.cachedRows('withheld_by_member_state', params)).filter(
						(r) => r.member_state === null
					),
				{ path: dbPath }
			);
		const [everyone] = await read(fullScope);
		const [onlyNl] = await read(nl);
		expect(onlyNl.relevant).toBeLessThan(everyone.relevant);
		expect((await read(fullScope))[0].relevant).toBe(everyone.relevant);
	});

	it('fails, instead of answering everything, on a connection that did not come through it', async () => {
		await expect(
			store.connection.runAndReadAll(
				`SELECT count(*) FROM sharing_in_scope(DATE '2026-06-30', NULL, NULL, NULL, NULL)`
			)
		).rejects.toThrow(/no member-state scope/);
	});

	it('requires every query to declare its scope', () => {
		expect(() => parseQuery('x', '-- a query\n-- @param as_of DATE  D\nSELECT $as_of')).toThrow(
			/must declare its scope once: -- @scope figures\|records\|none/
		);
		expect(() => parseQuery('x', '-- a query\n-- @scope everything\nSELECT 1')).toThrow(
			/found "everything"/
		);
	});
});
