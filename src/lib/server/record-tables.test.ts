// The record tables' sort and search (queries withheld_rows, retention_records, progress_pairs
// and their _count companions; queries/lib/070_records.sql) on hand-built data: every sortable
// column in both directions, empty values last, ties broken on the row's identity so that the
// pages of a sort are deterministic, the search ignoring case and wildcards, a bad sort or
// direction refused naming the accepted ones; and the URL contract that feeds them.
import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParamError } from '$lib/params';
import { parseView, sortColumns, viewParams, toQuery } from '$lib/records/params';
import { closeStore, openStore } from './db.ts';
import { runQuery, type ParamValue } from './queries.ts';
import { addBatch, addRecord, addSharing, addStatus } from '../../../tests/helpers/fixtures.ts';

const D = '2026-06-30';
let dir: string;
let con: DuckDBConnection;
let path: string;

type Cells = Record<string, string | number | boolean | null>;

async function rows(name: string, params: Record<string, ParamValue>): Promise<Cells[]> {
	return runQuery<Cells>(con, name, params);
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cosi-record-tables-'));
	path = join(dir, 't.duckdb');
	const store = await openStore(path);
	con = store.connection;
	await con.run("SET VARIABLE cosi_scope = ['*']");
	await addBatch(con, 1, 'sharing');
	await addBatch(con, 2, 'sharing');
	// 30 sharing rows over two batches: recipients with ties and empty values, mixed case.
	const recipients = ['FR', 'de', null, 'BE', 'fr', ''];
	for (let i = 0; i < 30; i++) {
		await addSharing(con, i % 3 === 0 ? 'NL' : 'DE', i % 4 === 0 ? 'withheld' : 'shared', {
			batch_id: 1 + (i % 2),
			event_id: `EV-${String(100 - i).padStart(3, '0')}`,
			occurred_on: `2026-01-${String(1 + (i % 7)).padStart(2, '0')}`,
			recipient: recipients[i % recipients.length],
			weighing_ref: i === 5 ? 'Ref 100% sure' : i === 6 ? 'ref_x' : null,
			shared_on: i % 5 === 0 ? null : `2026-02-${String(1 + (i % 9)).padStart(2, '0')}`
		});
	}
	await addBatch(con, 3, 'retention');
	for (let i = 0; i < 12; i++) {
		await addRecord(con, i % 2 ? 'NL' : 'BE', 'WPG-9', `2025-0${1 + (i % 6)}-15`, {
			batch_id: 3,
			authority: ['Politie', 'KMar', null][i % 3],
			record_id: `R-${i}`
		});
	}
	await addBatch(con, 4, 'actions');
	for (const [action, actor] of [
		['2', 'NL'],
		['10', 'NL'],
		['1', 'BE'],
		['10', 'BE']
	]) {
		await addStatus(con, action, actor, '2026-03-01', 'in_progress', {
			batch_id: 4,
			title: `Action ${action} on SIS`,
			completion_pct: Number(action) * 5
		});
	}
});

afterAll(async () => {
	await closeStore(path);
	rmSync(dir, { recursive: true, force: true });
});

const sharingBase = { as_of: D, limit: 100, offset: 0 };

/** The order a sort must give: by key (empty last either way), ties in (batch, row) order. */
function expectedOrder(all: Cells[], key: (r: Cells) => string | number | null, desc: boolean) {
	return [...all].sort((a, b) => {
		const x = key(a);
		const y = key(b);
		const xe = x === null || x === '';
		const ye = y === null || y === '';
		if (xe || ye) {
			if (xe !== ye) return xe ? 1 : -1;
		} else if (x !== y) {
			const c = typeof x === 'number' ? x - (y as number) : String(x) < String(y) ? -1 : 1;
			return desc ? -c : c;
		}
		// Sharing's default order then identity: occurred_on, batch, row.
		return (
			String(a.occurred_on).localeCompare(String(b.occurred_on)) ||
			(a.batch_id as number) - (b.batch_id as number) ||
			(a.source_row as number) - (b.source_row as number)
		);
	});
}

describe('sorting the sharing rows', () => {
	it('sorts by a text column ignoring case, empty values last, ties in file order', async () => {
		const all = await rows('withheld_rows', sharingBase);
		expect(all).toHaveLength(30);
		for (const desc of [false, true]) {
			const sorted = await rows('withheld_rows', {
				...sharingBase,
				sort: 'recipient',
				dir: desc ? 'desc' : null
			});
			const key = (r: Cells) => (r.recipient === null ? null : String(r.recipient).toLowerCase());
			expect(sorted.map((r) => r.event_id)).toEqual(
				expectedOrder(all, key, desc).map((r) => r.event_id)
			);
			// Empty recipients (NULL and '') come last either way.
			expect(sorted.slice(-10).every((r) => !r.recipient)).toBe(true);
		}
	});

	it('sorts by a date column both ways with empty values last', async () => {
		const all = await rows('withheld_rows', sharingBase);
		for (const desc of [false, true]) {
			const sorted = await rows('withheld_rows', {
				...sharingBase,
				sort: 'shared_on',
				dir: desc ? 'desc' : 'asc'
			});
			expect(sorted.map((r) => r.event_id)).toEqual(
				expectedOrder(all, (r) => r.shared_on as string | null, desc).map((r) => r.event_id)
			);
		}
	});

	it('pages of a sort with ties are deterministic and together are every row once', async () => {
		const pages: Cells[] = [];
		for (let offset = 0; offset < 30; offset += 7) {
			pages.push(
				...(await rows('withheld_rows', { ...sharingBase, sort: 'decision', limit: 7, offset }))
			);
		}
		const whole = await rows('withheld_rows', { ...sharingBase, sort: 'decision' });
		expect(pages.map((r) => `${r.batch_id}:${r.source_row}`)).toEqual(
			whole.map((r) => `${r.batch_id}:${r.source_row}`)
		);
		expect(new Set(pages.map((r) => `${r.batch_id}:${r.source_row}`)).size).toBe(30);
		// Within one decision the rows keep the default order (date, then batch and row).
		const shared = whole.filter((r) => r.decision === 'shared');
		expect(shared).toEqual(expectedOrder(shared, () => 'x', false));
	});

	it('every column the URL accepts is accepted by the query, both ways', async () => {
		for (const sort of sortColumns.sharing) {
			for (const dir of ['asc', 'desc']) {
				expect(
					(await rows('withheld_rows', { ...sharingBase, sort, dir })).length,
					`${sort} ${dir}`
				).toBe(30);
			}
		}
		for (const sort of sortColumns.retention) {
			const r = await rows('retention_records', { as_of: D, limit: 100, offset: 0, sort });
			expect(r.length, sort).toBe(12);
		}
		for (const sort of sortColumns.actions) {
			const r = await rows('progress_pairs', { as_of: D, limit: 100, offset: 0, sort });
			expect(r.length, sort).toBeGreaterThanOrEqual(4);
		}
	});

	it('a bad sort column or direction is an error naming the accepted ones', async () => {
		await expect(rows('withheld_rows', { ...sharingBase, sort: 'colour' })).rejects.toThrow(
			/invalid sort: "colour" \(expected event_id, occurred_on, .* subject_ref or source\)/
		);
		await expect(rows('withheld_rows', { ...sharingBase, dir: 'up' })).rejects.toThrow(
			'invalid dir: "up" (expected asc or desc)'
		);
		await expect(
			rows('retention_records', { as_of: D, limit: 10, offset: 0, sort: 'event_id' })
		).rejects.toThrow(/invalid sort: "event_id" \(expected record_id, /);
		await expect(
			rows('progress_pairs', { as_of: D, limit: 10, offset: 0, sort: 'record_id' })
		).rejects.toThrow(/invalid sort: "record_id" \(expected action, /);
	});
});

describe('searching the record tables', () => {
	it('finds text in the searched columns, ignoring case; the count agrees', async () => {
		const found = await rows('withheld_rows', { ...sharingBase, search: 'ev-09' });
		expect(found.map((r) => r.event_id).sort()).toEqual(
			Array.from({ length: 10 }, (_, i) => `EV-09${i}`)
		);
		expect(await rows('withheld_rows_count', { as_of: D, search: 'EV-09' })).toEqual([
			{ total: 10 }
		]);
		// A recipient matches too; a column that is not searched (the member state) does not.
		expect((await rows('withheld_rows_count', { as_of: D, search: 'fR' }))[0].total).toBe(10);
		expect((await rows('withheld_rows_count', { as_of: D, search: 'NL' }))[0].total).toBe(0);
	});

	it('treats % and _ as plain characters, not wildcards', async () => {
		const pct = await rows('withheld_rows', { ...sharingBase, search: '100%' });
		expect(pct.map((r) => r.weighing_ref)).toEqual(['Ref 100% sure']);
		const under = await rows('withheld_rows', { ...sharingBase, search: 'f_x' });
		expect(under.map((r) => r.weighing_ref)).toEqual(['ref_x']);
		expect((await rows('withheld_rows_count', { as_of: D, search: '%' }))[0].total).toBe(1);
	});

	it('searches retention records (authority) and action pairs (title), with the filters', async () => {
		const politie = await rows('retention_records', {
			as_of: D,
			limit: 100,
			offset: 0,
			search: 'POLITIE',
			sort: 'record_id',
			dir: 'desc'
		});
		expect(politie.map((r) => r.record_id)).toEqual(['R-9', 'R-6', 'R-3', 'R-0']);
		expect(
			await rows('retention_records_count', { as_of: D, search: 'politie', member_state: 'NL' })
		).toEqual([{ total: 2 }]);
		const sis = await rows('progress_pairs', {
			as_of: D,
			limit: 100,
			offset: 0,
			search: 'action 10 on',
			sort: 'actor'
		});
		expect(sis.map((r) => `${r.action_id}:${r.actor}`)).toEqual(['10:BE', '10:NL']);
		expect(await rows('progress_pairs_count', { as_of: D, search: 'sis' })).toEqual([{ total: 4 }]);
	});

	it('sorts actions by number (10 after 2) and by a number column descending', async () => {
		const byAction = await rows('progress_pairs', {
			as_of: D,
			limit: 100,
			offset: 0,
			sort: 'action',
			dir: 'desc'
		});
		expect(byAction.map((r) => `${r.action_id}:${r.actor}`)).toEqual([
			'10:BE',
			'10:NL',
			'2:NL',
			'1:BE'
		]);
		const byCompletion = await rows('progress_pairs', {
			as_of: D,
			limit: 100,
			offset: 0,
			sort: 'completion_pct',
			dir: 'desc'
		});
		expect(byCompletion.map((r) => r.completion_pct)).toEqual([50, 50, 10, 5]);
	});
});

describe('the URL of a records table', () => {
	const url = (q: string) => new URL(`http://cosi.invalid/records/sharing?${q}`);

	it('reads q, sort, dir and cols, and writes them back in a fixed order', () => {
		const view = parseView(
			'sharing',
			url('q=%20ev-1%20&dir=desc&sort=recipient&cols=subject_ref,weighing_ref&asOf=2026-01-01'),
			D
		);
		expect([view.q, view.sort, view.dir, view.cols]).toEqual([
			'ev-1',
			'recipient',
			'desc',
			['weighing_ref', 'subject_ref']
		]);
		expect(toQuery(viewParams(view))).toBe(
			'?asOf=2026-01-01&q=ev-1&sort=recipient&dir=desc&cols=weighing_ref%2Csubject_ref'
		);
		// dir=asc is the default, written as nothing; repeated cols (a form's checkboxes) are read.
		const asc = parseView('sharing', url('sort=recipient&dir=asc&cols=category&cols=shared_on'), D);
		expect(asc.dir).toBeNull();
		// dir=desc alone: the default column, descending (as the headings then show it).
		const desc = parseView('sharing', url('dir=desc'), D);
		expect([desc.sort, desc.dir]).toEqual(['occurred_on', 'desc']);
		expect(asc.cols).toEqual(['shared_on', 'category']);
	});

	it('refuses a bad sort, direction or column, naming the accepted ones', () => {
		expect(() => parseView('retention', url('sort=colour'), D)).toThrow(ParamError);
		expect(() => parseView('retention', url('sort=colour'), D)).toThrow(
			/record_id, member_state|member_state, record_id/
		);
		expect(() => parseView('actions', url('dir=up'), D)).toThrow(/asc, desc/);
		expect(() => parseView('sharing', url('cols=authority'), D)).toThrow(/weighing_ref/);
		expect(() => parseView('sharing', url(`q=${'x'.repeat(101)}`), D)).toThrow(ParamError);
	});
});
