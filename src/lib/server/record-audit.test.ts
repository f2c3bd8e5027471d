// Every view of record-level rows reaches the audit trail through the data gate, so that no page
// can forget it: a query declared `-- @audit record_view`, read for a signed-in reader, writes one
// entry (who, route, query and filter, how many rows); a figure, or the command line's own reads
// (no reader), write none; a CSV download writes one entry, not one per chunk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBatch, addSharing } from '../../../tests/helpers/fixtures.ts';
import { parseView } from '$lib/records/params';
import { listAudit, type AuditEntry } from './audit.ts';
import { resetClock, setClock } from './clock.ts';
import { withData } from './data.ts';
import { closeStore, openStore } from './db.ts';
import { listQueries, loadQuery, parseQuery } from './queries.ts';
import { csvDownload } from './records.ts';
import { fullScope, type Scope } from './scope.ts';

let dir: string;
let path: string;
let savedDb: string | undefined;
const asOf = '2026-06-30';

const supervisor: Scope = {
	figures: ['NL'],
	records: ['NL'],
	reader: { username: 'sup', apiToken: null, route: '/records/sharing' }
};

const withheldParams = {
	as_of: asOf,
	from: null,
	to: null,
	member_state: null,
	channel: null,
	ground: null,
	decision: 'withheld',
	only_unjustified: null,
	month: null,
	relevant: null,
	limit: 50,
	offset: 0
};

async function entries(): Promise<AuditEntry[]> {
	const store = await openStore(path);
	const all = { from: null, to: null, actor: null, action: null, memberState: null, scope: null };
	return (await listAudit(store.connection, all, { limit: 100, offset: 0 })).entries;
}

beforeAll(async () => {
	setClock(new Date('2026-07-01T09:00:00Z'));
	dir = mkdtempSync(join(tmpdir(), 'cosi-record-audit-'));
	path = join(dir, 'test.duckdb');
	// csvDownload reads the server's database, as the server does: COSI_DB.
	savedDb = process.env.COSI_DB;
	process.env.COSI_DB = path;
	const store = await openStore(path);
	await addBatch(store.connection, 1, 'sharing');
	for (let i = 0; i < 3; i++) await addSharing(store.connection, 'NL', 'withheld');
	await addSharing(store.connection, 'BE', 'withheld');
});

afterAll(async () => {
	await closeStore(path);
	rmSync(dir, { recursive: true, force: true });
	resetClock();
	if (savedDb === undefined) delete process.env.COSI_DB;
	else process.env.COSI_DB = savedDb;
});

describe('the audit trail of record views', () => {
	it('declares @audit on exactly the queries that list record-level rows', () => {
		const audited = listQueries().filter((name) => loadQuery(name).audit);
		expect(audited).toEqual([
			'batch_read_rows',
			'batch_rejected_rows',
			'batch_replaced_rows',
			'quality_empty_rows',
			'quality_rejected_rows',
			'quality_stored_rows',
			'reject_all',
			'retention_records',
			'withheld_rows'
		]);
		expect(() => parseQuery('x', '-- x\n-- @audit rows\n-- @scope records\nSELECT 1')).toThrow(
			/invalid @audit header "rows".*-- @audit record_view/
		);
		expect(() => parseQuery('x', '-- x\n-- @audit record_view\n-- @scope none\nSELECT 1')).toThrow(
			/needs -- @scope records/
		);
	});

	it('a reader’s view of rows writes one entry with the route, filter and row count', async () => {
		const before = (await entries()).length;
		const rows = await withData(supervisor, (d) => d.rows('withheld_rows', withheldParams), {
			path
		});
		// The scope holds: only NL's three rows, not BE's.
		expect(rows).toHaveLength(3);
		const after = await entries();
		expect(after).toHaveLength(before + 1);
		const entry = after[0];
		expect(entry.actor).toBe('sup');
		expect(entry.action).toBe('record_view');
		expect(entry.memberStates).toEqual(['NL']);
		expect(entry.details).toMatchObject({
			route: '/records/sharing',
			rows: 3,
			filter: { query: 'withheld_rows', as_of: asOf, decision: 'withheld', limit: 50 }
		});
	});

	it('figures and reads without a reader (the command line) write nothing', async () => {
		const before = (await entries()).length;
		const figures = await withData(
			supervisor,
			(d) =>
				d.rows('withheld_by_member_state', {
					as_of: asOf,
					from: null,
					to: null,
					member_state: null
				}),
			{ path }
		);
		expect(figures.length).toBeGreaterThan(0);
		await withData(fullScope, (d) => d.rows('withheld_rows', withheldParams), { path });
		expect(await entries()).toHaveLength(before);
	});

	it('a CSV download writes one entry, however many chunks it reads', async () => {
		const before = (await entries()).length;
		const view = parseView(
			'sharing',
			new URL(`http://x/records/sharing.csv?asOf=${asOf}&decision=withheld`),
			asOf
		);
		const response = await csvDownload(
			{ ...supervisor, reader: { ...supervisor.reader!, route: '/records/sharing.csv' } },
			view
		);
		const text = await response.text();
		expect(text.trim().split('\n')).toHaveLength(4);
		const after = await entries();
		expect(after).toHaveLength(before + 1);
		expect(after[0].action).toBe('csv_download');
		expect(after[0].details).toMatchObject({ route: '/records/sharing.csv' });
	});
});
