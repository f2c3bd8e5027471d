// Issue 11, "Ingest under fire", against a built server of its own (own-server.ts: its own
// port, empty database and TMPDIR; BODY_SIZE_LIMIT 1M so that "over the limit" is small):
// uploads that fail end their request alone (408, 400, 413) and leave no temporary folder,
// after each the next request succeeds; imports wait their turn in the writer queue, so
// concurrent identical uploads are one batch and three duplicates, and overlapping uploads
// count each event once; the page shows an upload's place in the queue; a file that cannot be
// read is described without server paths. At the end the store itself is checked.
//
// COSI_TEST_HOLD_IMPORTS (a file; imports wait while it exists) lines imports up, so nothing
// here depends on how fast the machine is.
import { expect, test } from '@playwright/test';
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { UploadQueue } from '../../src/lib/imports.ts';
import type { HeadlineMetrics } from '../../src/lib/server/metrics.ts';
import {
	formHeaders,
	get,
	multipart,
	startOwnServer,
	until,
	upload,
	uploadFolders,
	type OwnServer
} from './own-server.ts';

test.describe.configure({ mode: 'serial' });

let server: OwnServer;

test.beforeAll(async () => {
	test.setTimeout(120_000);
	server = await startOwnServer({ BODY_SIZE_LIMIT: '1M' }, (_, tmp) => {
		// For the start-up sweep: one folder a crashed server left long ago, one in use now.
		for (const name of ['cosi-upload-Stale1', 'cosi-upload-Fresh1']) {
			mkdirSync(join(tmp, name));
			writeFileSync(join(tmp, name, 'upload.csv'), 'x');
		}
		utimesSync(join(tmp, 'cosi-upload-Stale1', 'upload.csv'), 0, 0);
		utimesSync(join(tmp, 'cosi-upload-Stale1'), 0, 0);
	});
});

let failed = false;
// Playwright reads the fixtures from the first parameter, which must be a pattern.
// eslint-disable-next-line no-empty-pattern
test.afterEach(({}, testInfo) => {
	if (testInfo.status !== testInfo.expectedStatus) failed = true;
});

test.afterAll(async () => {
	await server?.stop();
	// Kept after a failure, to read its log and database; otherwise nothing is left behind.
	if (server && !failed) rmSync(server.dir, { recursive: true, force: true });
});

const header = 'event_id,occurred_on,member_state,channel,relevant,decision';

/** A sharing log of LU events K<from>..K<to-1>, all with one decision. */
function sharingCsv(from: number, to: number, decision: string, pad = ''): string {
	const rows = [header];
	for (let i = from; i < to; i++) {
		rows.push(`K${i}${pad},2024-03-0${1 + (i % 9)},LU,SIS,true,${decision}`);
	}
	return rows.join('\n') + '\n';
}

/** After a failed upload: no temporary folder left, and the server still answers. */
async function expectCleanAndServing(name: string) {
	await until(`${name}: no upload folder left`, () => uploadFolders(server).length === 0);
	expect((await get(server, '/imports')).status).toBe(200);
	const after = await upload(server, {
		name: `after-${name}.csv`,
		content: sharingCsv(0, 2, 'shared', `-${name}`)
	});
	expect(after.status).toBe(200);
	expect(after.outcome).toBe('accepted');
	expect(uploadFolders(server)).toEqual([]);
	expect(server.process.exitCode).toBeNull();
}

test('at start the server removed the stale upload folder and kept the one in use', () => {
	expect(existsSync(join(server.tmp, 'cosi-upload-Stale1'))).toBe(false);
	expect(existsSync(join(server.tmp, 'cosi-upload-Fresh1'))).toBe(true);
	rmSync(join(server.tmp, 'cosi-upload-Fresh1'), { recursive: true });
});

for (const fraction of [0.1, 0.9]) {
	test(`a client that goes away at ${fraction * 100} % of an upload`, async () => {
		const body = multipart(
			{ kind: 'sharing' },
			{ name: 'gone.csv', content: sharingCsv(0, 12_000, 'shared', '-gone') }
		);
		expect(body.length).toBeLessThan(1024 * 1024);
		const cut = Math.floor(body.length * fraction);
		const socket = connect(server.port, '127.0.0.1');
		await new Promise<void>((r) => socket.once('connect', () => r()));
		const head = Object.entries(formHeaders(server, body))
			.map(([k, v]) => `${k}: ${v}`)
			.join('\r\n');
		socket.write(`POST /imports?/upload HTTP/1.1\r\nhost: localhost\r\n${head}\r\n\r\n`);
		socket.write(body.subarray(0, cut));
		// Gone once the server is writing the file part (its folder exists), not before.
		await until('the upload folder', () => uploadFolders(server).length === 1);
		socket.destroy();
		await expectCleanAndServing(`gone-${fraction * 100}`);
	});
}

test('a multipart body cut short (the closing boundary missing) is a 400', async () => {
	const whole = multipart(
		{ kind: 'sharing' },
		{ name: 'cut.csv', content: sharingCsv(0, 50, 'shared') }
	);
	const body = whole.subarray(0, whole.length - 60);
	const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
		const req = httpRequest(
			{
				host: '127.0.0.1',
				port: server.port,
				method: 'POST',
				path: '/imports?/upload',
				headers: formHeaders(server, body),
				agent: false
			},
			(res) => {
				let text = '';
				res.on('data', (d: Buffer) => (text += d.toString()));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
			}
		);
		req.on('error', reject);
		req.end(body);
	});
	expect(answer.status).toBe(400);
	expect(answer.text).toContain('The upload could not be read.');
	await expectCleanAndServing('cut');
});

test('a chunked body over BODY_SIZE_LIMIT is a 413 that names the limit and the CLI', async () => {
	const body = multipart(
		{ kind: 'sharing' },
		{ name: 'big.csv', content: sharingCsv(0, 40_000, 'shared', '-big') }
	);
	expect(body.length).toBeGreaterThan(1024 * 1024);
	const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
		const headers = formHeaders(server, body);
		delete headers['content-length'];
		const req = httpRequest(
			{
				host: '127.0.0.1',
				port: server.port,
				method: 'POST',
				path: '/imports?/upload',
				headers: { ...headers, 'transfer-encoding': 'chunked' },
				agent: false
			},
			(res) => {
				let text = '';
				res.on('data', (d: Buffer) => (text += d.toString()));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
			}
		);
		// The server may answer, and close, before the whole body is sent.
		req.on('error', (e: NodeJS.ErrnoException) => {
			if (e.code !== 'EPIPE' && e.code !== 'ECONNRESET') reject(e);
		});
		// In chunks of 64 KiB, as a browser streams a file.
		let offset = 0;
		const next = () => {
			while (offset < body.length) {
				const chunk = body.subarray(offset, offset + 65536);
				offset += chunk.length;
				if (!req.write(chunk)) return void req.once('drain', next);
			}
			req.end();
		};
		next();
	});
	expect(answer.status).toBe(413);
	expect(answer.text).toContain('at most 1 MB can be uploaded');
	expect(answer.text).toContain('npx cosi ingest');
	await expectCleanAndServing('chunked');
});

test('a Content-Length over BODY_SIZE_LIMIT is a 413 at once', async () => {
	const body = multipart({ kind: 'sharing' }, { name: 'small.csv', content: 'x' });
	const answer = await new Promise<number>((resolve) => {
		const req = httpRequest(
			{
				host: '127.0.0.1',
				port: server.port,
				method: 'POST',
				path: '/imports?/upload',
				headers: { ...formHeaders(server, body), 'content-length': 50 * 1024 * 1024 },
				agent: false
			},
			(res) => {
				resolve(res.statusCode ?? 0);
				res.resume();
				req.destroy();
			}
		);
		req.on('error', () => {});
		req.write(body);
	});
	expect(answer).toBe(413);
	await expectCleanAndServing('declared');
});

test('four identical uploads at once: one batch, three "already imported", no 500', async () => {
	writeFileSync(server.hold, '');
	const content = sharingCsv(100, 150, 'pending', '-same');
	const answers = [1, 2, 3, 4].map(() => upload(server, { name: 'same.csv', content }));
	// All four wait in the queue before any is imported.
	await until('four queued imports', async () => {
		const status = JSON.parse((await get(server, '/imports/queue')).body) as UploadQueue;
		return status.queue.length === 4;
	});
	rmSync(server.hold);
	const results = await Promise.all(answers);
	expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
	expect(results.map((r) => r.outcome).sort()).toEqual([
		'accepted',
		'duplicate',
		'duplicate',
		'duplicate'
	]);
	expect(uploadFolders(server)).toEqual([]);
});

test('two overlapping uploads at once: the later supersedes, each event is counted once', async () => {
	writeFileSync(server.hold, '');
	const queued = async () =>
		(JSON.parse((await get(server, '/imports/queue')).body) as UploadQueue).queue.length;
	// 3,000 withheld events, then 3,000 shared of which 2,000 repeat the keys: 4,000 events.
	const first = upload(server, {
		name: 'overlap-first.csv',
		content: sharingCsv(1000, 4000, 'withheld')
	});
	await until('the first upload queued', async () => (await queued()) === 1);
	const second = upload(server, {
		name: 'overlap-second.csv',
		content: sharingCsv(2000, 5000, 'shared')
	});
	await until('the second upload queued', async () => (await queued()) === 2);
	rmSync(server.hold);
	const [a, b] = await Promise.all([first, second]);
	expect([a.outcome, b.outcome]).toEqual(['accepted', 'accepted']);

	// The figures: LU's relevant rows as of a date after all of them.
	const metrics = JSON.parse(
		(await get(server, '/api/v1/metrics?asOf=2024-12-31')).body
	) as HeadlineMetrics;
	const lu = metrics.withheld.find((w) => w.memberState === 'LU');
	// 4,000 from these two files (K1000-K4999), and the 2-row checks and the 50 "same" rows
	// uploaded before (other keys): each event once.
	expect(lu?.withheld).toBe(1000);
	expect(lu?.shared).toBe(3000 + 2 * 5);
	expect(lu?.pending).toBe(50);
	expect(lu?.relevant).toBe(4000 + 2 * 5 + 50);
});

test('the imports page shows an upload waiting for the imports ahead of it', async ({ page }) => {
	writeFileSync(server.hold, '');
	const ahead = upload(server, {
		name: 'queued-ahead.csv',
		content: sharingCsv(9000, 9010, 'shared')
	});
	await until(
		'the first upload queued',
		async () =>
			(JSON.parse((await get(server, '/imports/queue')).body) as UploadQueue).queue.length === 1
	);
	// This server's administrator (cookies do not tell ports apart: it replaces the shared server's).
	const [name, value] = server.cookie.split('=');
	await page.context().addCookies([{ name, value, url: server.origin }]);
	await page.goto(`${server.origin}/imports`);
	// Listed when the page is loaded, also without JavaScript.
	const queue = page.getByRole('region', { name: 'Imports under way' });
	await expect(queue).toContainText(
		'queued-ahead.csv (Sharing log, by admin): waiting, number 1 in the queue'
	);

	const file = join(server.dir, 'mine.csv');
	writeFileSync(file, sharingCsv(9100, 9105, 'shared'));
	await page.getByLabel('File', { exact: true }).setInputFiles(file);
	await page.getByLabel('Contents', { exact: true }).selectOption('sharing');
	await page.getByRole('button', { name: 'Upload and import' }).click();
	await expect(page.locator('form .progress')).toContainText(
		'Waiting: 1 import is ahead of yours.'
	);

	rmSync(server.hold);
	await expect(page.getByRole('heading', { level: 3, name: /Accepted/ })).toContainText('mine.csv');
	expect((await ahead).outcome).toBe('accepted');
	await expect(page.getByRole('region', { name: 'Imports under way' })).toHaveCount(0);
});

test('a file that cannot be read is described in words, with no server path', async () => {
	const answer = await upload(server, { name: 'broken.parquet', content: 'PAR1 but not really' });
	expect(answer.status).toBe(422);
	expect(answer.outcome).toBe('rejected');
	expect(answer.body).toMatch(/(&quot;|")broken\.parquet(&quot;|") is not a readable Parquet file/);
	expect(answer.body).not.toContain(server.tmp);
	expect(answer.body).not.toContain('cosi-upload-');
	const reference = /under reference ([0-9a-f]{8})/.exec(answer.body)?.[1];
	expect(reference).toBeDefined();
	// The log has what DuckDB said, under that reference, with the path of the temporary copy.
	expect(server.log()).toMatch(new RegExp(`\\[error ${reference}\\][^\\n]*broken\\.parquet`));
	expect(server.log()).toContain('cosi-upload-');
});

test('afterwards: the server never died, nothing escaped, the store counts each event once', async () => {
	expect(server.process.exitCode).toBeNull();
	expect(uploadFolders(server)).toEqual([]);
	expect(server.log()).not.toMatch(/unhandled promise rejection|uncaught exception/);
	await server.stop();

	const instance = await DuckDBInstance.create(server.db, { access_mode: 'READ_ONLY' });
	try {
		const con = await instance.connect();
		const one = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJson()[0];
		// Every stored version once; current rows: one per event.
		expect(
			await one(
				`SELECT count(*)::INTEGER AS rows, count(DISTINCT event_id)::INTEGER AS events FROM sharing_current`
			)
		).toEqual({ rows: 4000 + 2 * 5 + 50 + 10 + 5, events: 4000 + 2 * 5 + 50 + 10 + 5 });
		expect(
			await one(`SELECT count(*)::INTEGER AS n FROM batch WHERE file_name = 'same.csv'`)
		).toEqual({
			n: 1
		});
		expect(
			await one(
				`SELECT rows_superseded::INTEGER AS n FROM batch WHERE file_name = 'overlap-second.csv'`
			)
		).toEqual({ n: 2000 });
		con.closeSync();
	} finally {
		instance.closeSync();
	}
});
