// The store: numbered migrations recorded once, reference data reloaded from data/reference.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, loadReferenceData, openStore, referenceDir, resolveDbPath } from './db.ts';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'cosi-db-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('store', () => {
	it('applies every migration once and records the schema version', async () => {
		const path = join(dir, 'a.duckdb');
		const first = await openStore(path);
		const versions = (
			await first.connection.runAndReadAll(
				'SELECT version, name FROM schema_version ORDER BY version'
			)
		).getRowObjectsJson();
		expect(versions.map((v) => v.name)).toEqual([
			'001_init',
			'002_ingest_macros',
			'003_fast_parse',
			'004_faster_text',
			'005_auth'
		]);
		expect(first.schemaVersion).toBe(5);
		await closeStore(path);
		const again = await openStore(path);
		expect(again.schemaVersion).toBe(5);
		const n = (
			await again.connection.runAndReadAll('SELECT count(*)::INTEGER FROM schema_version')
		).getRows()[0][0];
		expect(n).toBe(5);
		await closeStore(path);
	});

	it('loads reference data: 27 member states, GR as EL, retention rules with their source', async () => {
		const path = join(dir, 'b.duckdb');
		const store = await openStore(path);
		const q = async (sql: string) =>
			(await store.connection.runAndReadAll(sql)).getRowObjectsJson();
		expect(
			(await q(`SELECT count(*)::INTEGER AS n FROM ref_actor WHERE kind = 'member_state'`))[0].n
		).toBe(27);
		expect((await q(`SELECT code FROM actor_lookup WHERE token = 'GR'`))[0].code).toBe('EL');
		const wpg = (
			await q(
				`SELECT review_months, max_retention_months, source, note FROM retention_rule WHERE legal_basis = 'WPG-9'`
			)
		)[0];
		expect(wpg).toEqual({
			review_months: 12,
			max_retention_months: 60,
			source: 'Wpg art. 9, 14',
			note: 'verify against current law'
		});
		await closeStore(path);
	});

	it('reference data is data: an edited rule takes effect on reload', async () => {
		const path = join(dir, 'c.duckdb');
		const store = await openStore(path);
		const edited = join(dir, 'reference');
		cpSync(referenceDir, edited, { recursive: true });
		writeFileSync(
			join(edited, 'retention_rules.csv'),
			'legal_basis,description,review_months,max_retention_months,grace_days,source,note\nTEST-1,Test rule,6,24,30,Test act art. 1,\n'
		);
		await loadReferenceData(store.connection, edited);
		const rules = (
			await store.connection.runAndReadAll(
				'SELECT legal_basis, review_months, grace_days FROM retention_rule'
			)
		).getRowObjectsJson();
		expect(rules).toEqual([{ legal_basis: 'TEST-1', review_months: 6, grace_days: 30 }]);
		await closeStore(path);
	});

	it('--db wins over COSI_DB, which wins over the default', () => {
		const saved = process.env.COSI_DB;
		try {
			process.env.COSI_DB = '/tmp/from-env.duckdb';
			expect(resolveDbPath('/tmp/flag.duckdb')).toBe('/tmp/flag.duckdb');
			expect(resolveDbPath()).toBe('/tmp/from-env.duckdb');
			delete process.env.COSI_DB;
			expect(resolveDbPath()).toMatch(/data\/cosi\.duckdb$/);
		} finally {
			if (saved === undefined) delete process.env.COSI_DB;
			else process.env.COSI_DB = saved;
		}
	});

	it('the parsing fast paths give what the general parsers give', async () => {
		const path = join(dir, 'parse.duckdb');
		const store = await openStore(path);
		const texts = [
			'',
			' ',
			'a',
			' a',
			'a ',
			'  a  b  ',
			'\u00a0a',
			'a\u3000',
			'\tA\t',
			'é',
			' é ',
			'x\u2003'
		];
		const dates = [
			'2024-01-05',
			'2024-02-30',
			'2024-02-29',
			'1899-12-31',
			'1900-01-01',
			'2100-12-31',
			'2101-01-01',
			'2024-1-5',
			'2024/01/05',
			'05-01-2024',
			'5-1-2024',
			' 2024-01-05',
			'2024-01-05 ',
			'é024-01-05',
			'2024-01-05T10:00:00',
			'2024-13-01',
			'',
			'abc'
		];
		const r = await store.connection.runAndReadAll(
			`SELECT 'text' AS what, v, cosi_text(v)::VARCHAR AS fast, nullif(trim(v), '')::VARCHAR AS general
			FROM unnest(string_split($texts, chr(31))) t(v)
			UNION ALL
			SELECT 'date', v, cosi_date(v)::VARCHAR,
				(CASE WHEN year(cosi_date_any(v)) BETWEEN 1900 AND 2100 THEN cosi_date_any(v) END)::VARCHAR
			FROM unnest(string_split($dates, chr(31))) t(v)`,
			// Lists travel as one string, split on the unit separator.
			{ texts: texts.join('\u001f'), dates: dates.join('\u001f') }
		);
		const rows = r.getRowObjectsJson();
		expect(rows).toHaveLength(texts.length + dates.length);
		for (const row of rows)
			expect(row.fast, `${JSON.stringify(row.what)} ${JSON.stringify(row.v)}`).toBe(row.general);
		// The cases that matter are really there: trimmed, refused and parsed values.
		const fast = (v: string) => rows.find((x) => x.v === v)?.fast;
		expect(fast('\u00a0a')).toBe('a');
		expect(fast('2024-02-30')).toBeNull();
		expect(fast('05-01-2024')).toBe('2024-01-05');
		await closeStore(path);
	});
});
