// Changes between two reporting rounds (docs/metrics.md, "Changes between rounds"): each group on
// a small hand-built programme, every count against its pairs, the rounds a page may ask for,
// and the overview's comparison parameter.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalQuery, parseCompare } from '$lib/filters';
import { ParamError } from '$lib/params';
import { changeGroups, type ChangeCountRow } from '$lib/records/rows';
import { addBatch, addStatus } from '../../../tests/helpers/fixtures.ts';
import { comparedRounds } from './changes.ts';
import { withData } from './data.ts';
import { closeStore, openStore } from './db.ts';
import { fullScope, type Scope } from './scope.ts';

const D = '2026-06-30';
const R1 = '2026-01-31';
const R2 = '2026-03-31';
const R3 = '2026-05-31';
let dir: string;
let path: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cosi-changes-'));
	path = join(dir, 'changes.duckdb');
	const { connection: con } = await openStore(path);
	await addBatch(con, 1, 'actions');
	const at = (id: string, actor: string, on: string, status: string, extra = {}) =>
		addStatus(con, id, actor, on, status, extra);
	// 1 NL improved: not started, then in progress.
	await at('1', 'NL', R2, 'not_started', { responsible: 'NL' });
	await at('1', 'NL', R3, 'in_progress');
	// 2 NL regressed: implemented, then in progress.
	await at('2', 'NL', R2, 'implemented', { responsible: 'NL' });
	await at('2', 'NL', R3, 'in_progress');
	// 3 NL newly reported; DE never reports (no group: no deadline).
	await at('3', 'NL', R3, 'implemented', { responsible: 'NL DE' });
	// 4 NL stopped reporting (in R2, not in R3); DE reported in R1 only: it stopped before R2.
	await at('4', 'NL', R2, 'in_progress', { responsible: 'NL DE' });
	await at('4', 'DE', R1, 'in_progress');
	// 5 NL newly overdue: the deadline passed between the rounds, still in progress. FR stopped
	// reporting and became overdue too.
	await at('5', 'NL', R2, 'in_progress', { responsible: 'NL FR', deadline: '2026-04-30' });
	await at('5', 'NL', R3, 'in_progress');
	await at('5', 'FR', R2, 'in_progress');
	// 6 NL reclassified: in progress, then not applicable.
	await at('6', 'NL', R2, 'in_progress', { responsible: 'NL' });
	await at('6', 'NL', R3, 'not_applicable');
	// 7 NL: only completion_pct moved: no change of status.
	await at('7', 'NL', R2, 'in_progress', { responsible: 'NL', completion_pct: 20 });
	await at('7', 'NL', R3, 'in_progress', { completion_pct: 80 });
	await closeStore(path);
});

afterAll(async () => {
	await closeStore(path);
	rmSync(dir, { recursive: true, force: true });
});

interface Rounds {
	from_round: string | null;
	to_round: string | null;
}
const lastTwo: Rounds = { from_round: null, to_round: null };

function counts(rounds = lastTwo, scope: Scope = fullScope) {
	return withData(
		scope,
		(d) => d.rows('progress_changes', { as_of: D, programme: 'ROADMAP', actor: null, ...rounds }),
		{ path }
	);
}

function pairs(group: string | null, actor: string | null, rounds = lastTwo, scope = fullScope) {
	return withData(
		scope,
		(d) =>
			d.rows('progress_changes_pairs', {
				as_of: D,
				programme: 'ROADMAP',
				actor,
				group,
				...rounds,
				limit: 10000,
				offset: 0
			}),
		{ path }
	);
}

const rowOf = (rows: ChangeCountRow[], actor: string | null) => {
	const row = rows.find((r) => r.actor === actor);
	if (!row) throw new Error(`no row for ${actor}`);
	return row;
};

describe('changes between the last two rounds', () => {
	it('compares the last two rounds up to D', async () => {
		const rows = await counts();
		expect(rows.every((r) => r.from_on === R2 && r.to_on === R3)).toBe(true);
	});

	it('puts each pair of NL in its group', async () => {
		const nl = rowOf(await counts(), 'NL');
		expect(nl).toMatchObject({
			pairs: 7,
			improved: 1,
			regressed: 1,
			newly_reported: 1,
			stopped_reporting: 1,
			reclassified: 1,
			newly_overdue: 1,
			changed: 6
		});
		const actionsOf = async (group: string) =>
			(await pairs(group, 'NL')).map((p) => p.action_id).sort();
		expect(await actionsOf('improved')).toEqual(['1']);
		expect(await actionsOf('regressed')).toEqual(['2']);
		expect(await actionsOf('newly_reported')).toEqual(['3']);
		expect(await actionsOf('stopped_reporting')).toEqual(['4']);
		expect(await actionsOf('newly_overdue')).toEqual(['5']);
		expect(await actionsOf('reclassified')).toEqual(['6']);
		// Only completion_pct moved on 7: it is in no group.
		expect(await actionsOf('changed')).toEqual(['1', '2', '3', '4', '5', '6']);
	});

	it('shows the status before and after, with the dates they were reported', async () => {
		const [stopped] = await pairs('stopped_reporting', 'NL');
		expect(stopped).toMatchObject({
			status_before: 'in_progress',
			reported_before: R2,
			status_after: 'in_progress',
			reported_after: R2,
			batch_id: 1,
			file_name: 'actions-1.csv'
		});
		const [fresh] = await pairs('newly_reported', 'NL');
		expect(fresh).toMatchObject({
			status_before: null,
			reported_before: null,
			batch_id_before: null,
			status_after: 'implemented',
			reported_after: R3
		});
		const [late] = await pairs('newly_overdue', 'NL');
		expect(late).toMatchObject({ overdue_before: false, overdue_after: true });
	});

	it('a pair that stops reporting can become overdue too; one that stopped earlier is in no group', async () => {
		const rows = await counts();
		expect(rowOf(rows, 'FR')).toMatchObject({
			pairs: 1,
			stopped_reporting: 1,
			newly_overdue: 1,
			changed: 1
		});
		expect(rowOf(rows, 'DE')).toMatchObject({ pairs: 2, changed: 0 });
		expect(rowOf(rows, null)).toMatchObject({
			pairs: 10,
			improved: 1,
			regressed: 1,
			newly_reported: 1,
			stopped_reporting: 2,
			reclassified: 1,
			newly_overdue: 2,
			changed: 7
		});
	});

	it('compares any two rounds asked for', async () => {
		const rounds = { from_round: R1, to_round: R3 };
		const rows = await counts(rounds);
		// DE reported action 4 in R1 and not since: it stopped reporting between R1 and R3; NL
		// had no status for it at R1: newly reported.
		expect(rowOf(rows, 'DE')).toMatchObject({ stopped_reporting: 1, changed: 1 });
		expect((await pairs('newly_reported', 'NL', rounds)).map((p) => p.action_id)).toContain('4');
	});

	it('each count equals its pairs, for every actor and group', async () => {
		for (const rounds of [lastTwo, { from_round: R1, to_round: R2 }]) {
			const rows = await counts(rounds);
			for (const g of [...changeGroups, 'changed'] as const) {
				// The pairs of a group, all actors: tallied per actor, they give each count.
				const listed = await pairs(g, null, rounds);
				for (const r of rows) {
					const own = listed.filter((p) => r.actor === null || p.actor === r.actor);
					expect(own.length, `${r.actor ?? 'all'} ${g}`).toBe(r[g]);
				}
				expect(listed.every((p) => g === 'changed' || p[g])).toBe(true);
			}
			const all = await pairs(null, null, rounds);
			for (const r of rows) {
				expect(all.filter((p) => r.actor === null || p.actor === r.actor).length).toBe(r.pairs);
			}
		}
	});

	it('a supervisor of NL sees only the pairs of NL', async () => {
		const nl: Scope = { figures: ['NL'], records: ['NL'] };
		const rows = await counts(lastTwo, nl);
		expect(rows.map((r) => r.actor)).toEqual(['NL', null]);
		expect(rowOf(rows, null).changed).toBe(6);
		expect(new Set((await pairs('changed', null, lastTwo, nl)).map((p) => p.actor))).toEqual(
			new Set(['NL'])
		);
	});

	it('refuses an unknown group with the accepted ones', async () => {
		await expect(pairs('better', null)).rejects.toThrow(
			/invalid group: "better" \(expected improved, regressed, .* or changed\)/
		);
	});
});

describe('the rounds a changes page may compare', () => {
	const rounds = [R3, R2, R1];

	it('defaults to the last two rounds, or the round before the later one asked for', () => {
		expect(comparedRounds(rounds, null, null)).toEqual({ from: R2, to: R3 });
		expect(comparedRounds(rounds, null, R2)).toEqual({ from: R1, to: R2 });
		expect(comparedRounds(rounds, R1, null)).toEqual({ from: R1, to: R3 });
		expect(comparedRounds([R1], null, null)).toBeNull();
	});

	it('refuses a date that is not a round, or rounds in the wrong order, naming the rounds', () => {
		expect(() => comparedRounds(rounds, null, '2026-02-01')).toThrow(
			/Invalid to: "2026-02-01" \(expected one of 2026-05-31, 2026-03-31\)/
		);
		expect(() => comparedRounds(rounds, R3, null)).toThrow(/Invalid from: "2026-05-31"/);
		expect(() => comparedRounds(rounds, R2, R2)).toThrow(ParamError);
		expect(() => comparedRounds([R1], R1, null)).toThrow(ParamError);
	});
});

describe("the overview's comparison", () => {
	const url = (query: string) => new URL(`http://localhost/${query}`);

	it('is the previous round by default, or a date before the as-of date', () => {
		expect(parseCompare(url(''), D)).toBe('previous-round');
		expect(parseCompare(url('?compare=previous-round'), D)).toBe('previous-round');
		expect(parseCompare(url('?compare=2019-03-31'), D)).toBe('2019-03-31');
	});

	it('refuses anything else, naming the accepted values', () => {
		for (const bad of ['last-month', D, '2027-01-01', '2019-02-30']) {
			expect(() => parseCompare(url(`?compare=${bad}`), D)).toThrow(
				`(expected previous-round or a date YYYY-MM-DD before ${D})`
			);
		}
	});

	it("folds the form's compare=date and compareOn into compare=D", () => {
		expect(canonicalQuery(url('?asOf=2025-06-30&compare=date&compareOn=2019-03-31'))).toBe(
			'asOf=2025-06-30&compare=2019-03-31'
		);
		expect(canonicalQuery(url('?asOf=2025-06-30&compare=previous-round&compareOn='))).toBe(
			'asOf=2025-06-30&compare=previous-round'
		);
		expect(canonicalQuery(url('?compare=date&compareOn='))).toBe('compare=date');
		expect(canonicalQuery(url('?asOf=2025-06-30&compare=2019-03-31'))).toBeNull();
	});
});
