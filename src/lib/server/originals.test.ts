// The originals kept beside the database (originals.ts) by the ingest, on real DuckDB files:
// an imported file is kept byte for byte under its SHA-256; a rejected file, a duplicate and an
// import killed before its commit leave nothing behind; a kept file is sent only when it still
// hashes to the batch's SHA-256.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, openStore, repoRoot, type Store } from './db.ts';
import { ingestFile } from './ingest/index.ts';
import {
	openOriginal,
	originalPath,
	originalsDir,
	OriginalUnavailableError,
	sweepOriginals
} from './originals.ts';

let dir: string;
let dbPath: string;
let store: Store;

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cosi-originals-test-'));
	dbPath = join(dir, 'test.duckdb');
	store = await openStore(dbPath);
});

afterEach(async () => {
	await closeStore(dbPath);
	rmSync(dir, { recursive: true, force: true });
});

const header =
	'event_id,occurred_on,member_state,channel,relevant,decision,withholding_ground,weighing_documented,shared_on';

function file(name: string, content: string | Uint8Array): string {
	const path = join(dir, name);
	writeFileSync(path, content);
	return path;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The names in the originals directory (none when it does not exist). */
function kept(): string[] {
	const originals = originalsDir(store.path)!;
	return existsSync(originals) ? readdirSync(originals).sort() : [];
}

async function batchSha(batchId: number): Promise<string> {
	const r = await store.connection.runAndReadAll(
		`SELECT sha256 FROM batch WHERE batch_id = ${batchId}`
	);
	return String(r.getRows()[0][0]);
}

const messages = { missing: 'not kept', mismatch: 'does not match' };

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
	const chunks: Uint8Array[] = [];
	for await (const chunk of stream) chunks.push(chunk);
	return Buffer.concat(chunks);
}

describe('originals kept by the ingest', () => {
	it('keeps an imported file byte for byte under its SHA-256, and sends it after checking', async () => {
		const path = file('nl.csv', `${header}\nE1,2024-01-05,NL,SIS,true,shared,,,\n`);
		const r = await ingestFile(store, path, { kind: 'sharing' });
		expect(r.status).toBe('accepted');
		const sha = await batchSha(r.batchId!);
		expect(sha).toBe(sha256(readFileSync(path)));
		expect(kept()).toEqual([sha]);
		expect(readFileSync(originalPath(store.path, sha)!)).toEqual(readFileSync(path));
		const opened = await openOriginal(store.path, sha, messages);
		const sent = await readAll(opened.stream());
		expect(sha256(sent)).toBe(sha);
		expect(opened.size).toBe(sent.length);
	});

	it('keeps a Windows-1252 export as sent, not as transcoded', async () => {
		const bytes = Buffer.concat([
			Buffer.from(`${header}\nE1,2024-01-05,NL,SIS,true,withheld,other,true,\n`, 'latin1'),
			Buffer.from([0x45, 0x32, 0x2c]) // "E2," then a row with an é in Windows-1252:
		]);
		const row = Buffer.from('2024-01-06,NL,SIS,true,withheld,caf\xe9,true,\n', 'latin1');
		const path = file('cp1252.csv', Buffer.concat([bytes, row]));
		const r = await ingestFile(store, path, { kind: 'sharing' });
		expect(r.batchId).not.toBeNull();
		const sha = await batchSha(r.batchId!);
		expect(readFileSync(originalPath(store.path, sha)!)).toEqual(readFileSync(path));
	});

	it('a rejected file, a file without rows and a duplicate leave nothing behind', async () => {
		const missing = file('missing.csv', 'event_id,occurred_on\nE1,2024-01-05\n');
		expect((await ingestFile(store, missing, { kind: 'sharing' })).status).toBe('rejected');
		const empty = file('empty.csv', `${header}\n`);
		expect((await ingestFile(store, empty, { kind: 'sharing' })).status).toBe('rejected');
		const unreadable = file('broken.xlsx', 'not a workbook');
		expect((await ingestFile(store, unreadable, { kind: 'sharing' })).status).toBe('rejected');
		expect(kept()).toEqual([]);
		const good = file('good.csv', `${header}\nE1,2024-01-05,NL,SIS,true,shared,,,\n`);
		await ingestFile(store, good, { kind: 'sharing' });
		const copy = file('copy.csv', readFileSync(good));
		expect((await ingestFile(store, copy, { kind: 'sharing' })).status).toBe('duplicate');
		expect(kept()).toEqual([sha256(readFileSync(good))]);
	});

	it('an import killed before its commit leaves no original; the next import sweeps its copy', async () => {
		await closeStore(dbPath);
		const rows = Array.from({ length: 500 }, (_, i) => `K${i},2024-01-05,NL,SIS,true,shared,,,`);
		const path = file('big.csv', `${header}\n${rows.join('\n')}\n`);
		const child = spawn(
			process.execPath,
			[join(repoRoot, 'bin/cosi.js'), 'ingest', path, '--kind', 'sharing', '--db', dbPath],
			{
				env: { ...process.env, COSI_TEST_PAUSE_BEFORE_COMMIT: '1' },
				stdio: ['ignore', 'pipe', 'pipe']
			}
		);
		await new Promise<void>((resolve, reject) => {
			let err = '';
			child.stderr.on('data', (d: Buffer) => {
				err += d.toString();
				if (err.includes('paused before commit')) resolve();
			});
			child.on('exit', (code) =>
				reject(new Error(`child exited (${code}) before pausing: ${err}`))
			);
		});
		child.kill('SIGKILL');
		await new Promise((resolve) => child.on('exit', resolve));
		store = await openStore(dbPath);
		// No original under the file's SHA-256: only the copy, under its temporary name.
		const sha = sha256(readFileSync(path));
		expect(kept().filter((n) => !n.startsWith('.tmp-'))).toEqual([]);
		const other = file('other.csv', `${header}\nE1,2024-01-05,NL,SIS,true,shared,,,\n`);
		await ingestFile(store, other, { kind: 'sharing' });
		expect(kept()).toEqual([sha256(readFileSync(other))]);
		expect(kept()).not.toContain(sha);
	});

	it('a copy left between commit and rename is finished by the sweep', async () => {
		const path = file('nl.csv', `${header}\nE1,2024-01-05,NL,SIS,true,shared,,,\n`);
		const r = await ingestFile(store, path, { kind: 'sharing' });
		const sha = await batchSha(r.batchId!);
		const final = originalPath(store.path, sha)!;
		const temp = join(originalsDir(store.path)!, `.tmp-${sha}-interrupted`);
		writeFileSync(temp, readFileSync(final));
		rmSync(final);
		const orphan = join(originalsDir(store.path)!, `.tmp-${'0'.repeat(64)}-orphan`);
		writeFileSync(orphan, 'no batch');
		await sweepOriginals(store.path, (s) => Promise.resolve(s === sha));
		expect(kept()).toEqual([sha]);
	});

	it('a missing or changed original is an error of its own, never a wrong file', async () => {
		const path = file('nl.csv', `${header}\nE1,2024-01-05,NL,SIS,true,shared,,,\n`);
		const r = await ingestFile(store, path, { kind: 'sharing' });
		const sha = await batchSha(r.batchId!);
		writeFileSync(originalPath(store.path, sha)!, 'tampered');
		await expect(openOriginal(store.path, sha, messages)).rejects.toMatchObject({
			reason: 'mismatch',
			message: 'does not match'
		});
		rmSync(originalPath(store.path, sha)!);
		const missing = openOriginal(store.path, sha, messages);
		await expect(missing).rejects.toBeInstanceOf(OriginalUnavailableError);
		await expect(missing).rejects.toMatchObject({ reason: 'missing' });
	});
});
