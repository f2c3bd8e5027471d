// The bundled samples load cleanly through the real ingest, and the nl-voortgang profile
// derives the same AIAJ statuses from Planning as the generator documents.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AIAJ_MEASURES, AIAJ_ROUND1, deriveStatus } from '../../../../scripts/samples/aiaj.ts';
import { closeStore, openStore, type Store } from '../db.ts';
import { loadSamples, sampleImports } from './samples.ts';
import type { IngestResult } from './types.ts';

let dir: string;
let dbPath: string;
let store: Store;
let results: IngestResult[];

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cosi-samples-test-'));
	dbPath = join(dir, 'samples.duckdb');
	store = await openStore(dbPath);
	results = await loadSamples(store);
});

afterAll(async () => {
	await closeStore(dbPath);
	rmSync(dir, { recursive: true, force: true });
});

describe('bundled samples', () => {
	it('every sample file is imported, every row accepted', () => {
		expect(results.map((r) => r.file)).toEqual(sampleImports.map((s) => s.file));
		for (const r of results) {
			expect(r, r.file).toMatchObject({ status: 'accepted', rowsRejected: 0 });
			expect(r.rowsAccepted + r.rowsRejected).toBe(r.rowsRead);
		}
		const byFile = Object.fromEntries(results.map((r) => [r.file, r.rowsRead]));
		expect(byFile['sharing.csv']).toBe(100_000);
		expect(byFile['retention.csv']).toBe(50_000);
		expect(byFile['actions-aiaj-2016-06-30-nl-voortgang.csv']).toBe(38);
	});

	it('loading again adds nothing', async () => {
		const again = await loadSamples(store);
		expect(again.map((r) => r.status)).toEqual(again.map(() => 'duplicate'));
	});

	it('AIAJ round 1 statuses equal the documented derivation from Planning', async () => {
		const rows = (
			await store.connection.runAndReadAll(
				`SELECT action_id, status, chapter, title FROM action_status
				WHERE programme = 'AIAJ' AND reported_on = DATE '2016-06-30' ORDER BY action_id::INTEGER`
			)
		).getRowObjectsJson();
		expect(rows).toHaveLength(38);
		const expected = AIAJ_MEASURES.map((m) => ({
			action_id: String(m.nr),
			status: deriveStatus(m.planning, AIAJ_ROUND1),
			chapter: m.theme
		}));
		expect(
			rows.map((r) => ({ action_id: r.action_id, status: r.status, chapter: r.chapter }))
		).toEqual(expected);
	});
});
