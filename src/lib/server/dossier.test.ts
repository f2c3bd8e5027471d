// The two downloads of issue 12 on a real database: a member state's zip (dossier.ts) holds the
// rows of its records pages, its batches in a manifest, text that cannot become a formula, and
// writes one audit entry; a batch's original (imports.ts originalDownload) is sent checked and
// audited, and an original that is not kept is a 410 without an audit entry.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBatch, addRecord, addSharing, addStatus } from '../../../tests/helpers/fixtures.ts';
import { listAudit, type AuditEntry } from './audit.ts';
import { resetClock, setClock } from './clock.ts';
import { closeStore, openStore } from './db.ts';
import { dossierZip } from './dossier.ts';
import { originalDownload } from './imports.ts';
import { ingestFile } from './ingest/index.ts';
import type { Scope } from './scope.ts';

let dir: string;
let path: string;
let savedDb: string | undefined;
const asOf = '2026-06-30';

const supervisor = (route: string): Scope => ({
	figures: ['NL'],
	records: ['NL'],
	reader: { username: 'sup', apiToken: null, route }
});

async function entries(): Promise<AuditEntry[]> {
	const store = await openStore(path);
	const all = { from: null, to: null, actor: null, action: null, memberState: null, scope: null };
	return (await listAudit(store.connection, all, { limit: 100, offset: 0 })).entries;
}

/** The rows of a CSV entry of the zip (without BOM and header), split on commas. */
async function csvRows(zip: JSZip, name: string): Promise<string[]> {
	const text = (await zip.file(name)!.async('string')).replace(/^\uFEFF/, '');
	return text.trim().split('\r\n').slice(1);
}

beforeAll(async () => {
	setClock(new Date('2026-07-01T09:00:00Z'));
	dir = mkdtempSync(join(tmpdir(), 'cosi-dossier-'));
	path = join(dir, 'test.duckdb');
	// The downloads read the server's database, as the server does: COSI_DB.
	savedDb = process.env.COSI_DB;
	process.env.COSI_DB = path;
	const store = await openStore(path);
	const con = store.connection;
	await addBatch(con, 1, 'sharing');
	await addSharing(con, 'NL', 'withheld', { recipient: '=HYPERLINK("http://x")' });
	await addSharing(con, 'NL', 'shared');
	await addSharing(con, 'NL', 'shared', { relevant: false });
	await addSharing(con, 'FR', 'shared');
	await addBatch(con, 2, 'retention');
	await addRecord(con, 'NL', 'WPG-9', '2025-01-15', { batch_id: 2 });
	await addRecord(con, 'FR', 'WPG-9', '2025-01-15', { batch_id: 2 });
	await addBatch(con, 3, 'actions');
	await addStatus(con, '1', 'NL', '2026-03-01', 'implemented', { batch_id: 3 });
	await addStatus(con, '1', 'FR', '2026-03-01', 'implemented', { batch_id: 3 });
});

afterAll(async () => {
	await closeStore(path);
	if (savedDb === undefined) delete process.env.COSI_DB;
	else process.env.COSI_DB = savedDb;
	resetClock();
	rmSync(dir, { recursive: true, force: true });
});

describe('a member state’s zip', () => {
	it('holds the state’s rows of each records page, its batches, one audit entry', async () => {
		const before = (await entries()).length;
		const response = await dossierZip(supervisor('/member-states/NL/download.zip'), 'NL', asOf);
		expect(response.headers.get('content-type')).toBe('application/zip');
		const zip = await JSZip.loadAsync(await response.arrayBuffer());
		expect(await csvRows(zip, 'sharing.csv')).toHaveLength(2);
		expect(await csvRows(zip, 'sharing-not-relevant.csv')).toHaveLength(1);
		expect(await csvRows(zip, 'retention.csv')).toHaveLength(1);
		expect(await csvRows(zip, 'actions.csv')).toHaveLength(1);
		// Imported text that a spreadsheet would run is written as text.
		const sharing = (await csvRows(zip, 'sharing.csv')).join('\n');
		expect(sharing).toContain(`"'=HYPERLINK(""http://x"")"`);
		const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
			memberState: string;
			generatedAt: string;
			files: { name: string; rows: number; page: string }[];
			batches: { file: string; batchId: number; rows: number; importedAt: string }[];
		};
		expect(manifest.memberState).toBe('NL');
		expect(manifest.generatedAt).toBe('2026-07-01T09:00:00.000Z');
		expect(manifest.files.map((f) => [f.name, f.rows, f.page])).toEqual([
			['sharing.csv', 2, `/records/sharing?asOf=${asOf}&ms=NL`],
			['sharing-not-relevant.csv', 1, `/records/sharing?asOf=${asOf}&ms=NL&relevant=false`],
			['actions.csv', 1, `/records/actions?asOf=${asOf}&actor=NL`],
			['retention.csv', 1, `/records/retention?asOf=${asOf}&ms=NL`]
		]);
		expect(manifest.batches.map((b) => [b.file, b.batchId, b.rows, b.importedAt])).toEqual([
			['actions.csv', 3, 1, '2026-01-01T12:00:00Z'],
			['retention.csv', 2, 1, '2026-01-01T12:00:00Z'],
			['sharing-not-relevant.csv', 1, 1, '2026-01-01T12:00:00Z'],
			['sharing.csv', 1, 2, '2026-01-01T12:00:00Z']
		]);
		const after = await entries();
		expect(after).toHaveLength(before + 1);
		expect(after[0]).toMatchObject({ action: 'zip_download', memberStates: ['NL'] });
	});

	it('a lower-case code or alias leads to the canonical address; an unknown code is a 404', async () => {
		await expect(
			dossierZip(supervisor('/member-states/nl/download.zip'), 'nl', asOf)
		).rejects.toMatchObject({
			status: 308,
			location: `/member-states/NL/download.zip?asOf=${asOf}`
		});
		await expect(
			dossierZip(supervisor('/member-states/XX/download.zip'), 'XX', asOf)
		).rejects.toMatchObject({ status: 404 });
	});
});

describe('a batch’s original', () => {
	it('is sent checked against its SHA-256, with one audit entry', async () => {
		const file = join(dir, 'nl.csv');
		writeFileSync(
			file,
			'event_id,occurred_on,member_state,channel,relevant,decision\nO1,2026-01-02,NL,SIS,true,shared\n'
		);
		const store = await openStore(path);
		// The fixtures took batch ids 1-3 without the sequence.
		await store.connection.run("SELECT nextval('batch_id_seq') FROM range(10)");
		const result = await ingestFile(store, file, { kind: 'sharing' });
		const before = (await entries()).length;
		const response = await originalDownload(
			supervisor(`/imports/${result.batchId}/original`),
			String(result.batchId),
			new URL(`http://x/imports/${result.batchId}/original`)
		);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect(createHash('sha256').update(bytes).digest('hex')).toBe(result.sha256);
		expect(Buffer.from(bytes)).toEqual(readFileSync(file));
		expect(response.headers.get('content-disposition')).toContain('filename="nl.csv"');
		const after = await entries();
		expect(after).toHaveLength(before + 1);
		expect(after[0]).toMatchObject({ action: 'original_download' });
	});

	it('one that is not kept is a 410, another state’s batch a 404, neither audited', async () => {
		const before = (await entries()).length;
		// Batch 1 was written by the fixtures, not imported: nothing is kept.
		await expect(
			originalDownload(supervisor('/imports/1/original'), '1', new URL('http://x/'))
		).rejects.toMatchObject({ status: 410 });
		const france: Scope = {
			...supervisor('/imports/1/original'),
			records: ['FR'],
			figures: ['FR']
		};
		await expect(
			originalDownload({ ...france, records: ['DE'] }, '3', new URL('http://x/'))
		).rejects.toMatchObject({ status: 404 });
		expect(await entries()).toHaveLength(before);
	});
});
