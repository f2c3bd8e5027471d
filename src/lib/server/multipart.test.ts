// The streaming multipart reader behind web uploads.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boundaryOf, readMultipart, safeFileName, UploadError } from './multipart.ts';

/** What `promise` was rejected with: an upload error (status, code) or a system error (code). */
function failureOf(promise: Promise<unknown>): Promise<Error & { status?: number; code?: string }> {
	return promise.then(
		() => {
			throw new Error('expected a failure');
		},
		(e: Error & { status?: number; code?: string }) => e
	);
}

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'cosi-multipart-'));
});
afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

const boundary = '----WebKitFormBoundaryE19zNvXGzXaLvS5C';

type Part = { name: string; value: string | Buffer; fileName?: string };

function body(parts: Part[]): Buffer {
	const chunks: Buffer[] = [];
	for (const p of parts) {
		const disposition =
			p.fileName === undefined
				? `form-data; name="${p.name}"`
				: `form-data; name="${p.name}"; filename="${p.fileName}"`;
		const type = p.fileName === undefined ? '' : 'Content-Type: text/csv\r\n';
		chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
		chunks.push(Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value));
		chunks.push(Buffer.from('\r\n'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return Buffer.concat(chunks);
}

/** A request whose body arrives in chunks of `size` bytes (to split delimiters). */
function request(bytes: Buffer, size = 7, contentType?: string): Request {
	let offset = 0;
	const stream = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (offset >= bytes.length) return controller.close();
			controller.enqueue(new Uint8Array(bytes.subarray(offset, offset + size)));
			offset += size;
		}
	});
	return new Request('http://localhost/imports?/upload', {
		method: 'POST',
		headers: { 'content-type': contentType ?? `multipart/form-data; boundary=${boundary}` },
		body: stream,
		duplex: 'half'
	} as RequestInit);
}

const limits = () => ({ dir, fileField: 'file', maxFileBytes: 1000 });

describe('boundaryOf', () => {
	it('reads plain and quoted boundaries', () => {
		expect(boundaryOf(`multipart/form-data; boundary=${boundary}`)).toBe(boundary);
		expect(boundaryOf('multipart/form-data; charset=utf-8; boundary="a b"')).toBe('a b');
		expect(boundaryOf('application/x-www-form-urlencoded')).toBeNull();
		expect(boundaryOf(null)).toBeNull();
	});
});

describe('safeFileName', () => {
	it('keeps the last path segment without control characters', () => {
		expect(safeFileName('C:\\fakepath\\sharing.csv')).toBe('sharing.csv');
		expect(safeFileName('../../etc/passwd')).toBe('passwd');
		expect(safeFileName('a\u0000b\nc.csv')).toBe('abc.csv');
		expect(safeFileName('')).toBe('upload');
		expect(safeFileName('..')).toBe('upload');
		expect(safeFileName(`${'x'.repeat(300)}.xlsx`)).toMatch(/^x{195}\.xlsx$/);
	});
});

describe('readMultipart', () => {
	const csv = 'event_id,occurred_on\r\nE1,2024-01-05\r\n--not a boundary\r\n\r\n--';

	it.each([1, 2, 7, 64, 100_000])(
		'reads fields and writes the file byte for byte (chunks of %i bytes)',
		async (size) => {
			const form = await readMultipart(
				request(
					body([
						{ name: 'kind', value: 'sharing' },
						{ name: 'file', value: csv, fileName: 'Deellog “Q1”.csv' },
						{ name: 'programme', value: 'ÄIAJ' }
					]),
					size
				),
				limits()
			);
			expect(form.fields).toEqual({ kind: 'sharing', programme: 'ÄIAJ' });
			expect(form.file?.fileName).toBe('Deellog “Q1”.csv');
			expect(form.file?.path).toBe(join(dir, 'upload.csv'));
			expect(form.file?.size).toBe(Buffer.byteLength(csv));
			expect(readFileSync(form.file!.path, 'utf8')).toBe(csv);
		}
	);

	it('keeps binary content intact', async () => {
		const bytes = Buffer.from([0, 13, 10, 45, 45, 255, 254, 13, 10, 13, 10, 1, 2, 3]);
		const form = await readMultipart(
			request(body([{ name: 'file', value: bytes, fileName: 'x.parquet' }]), 3),
			limits()
		);
		expect(readFileSync(form.file!.path).equals(bytes)).toBe(true);
	});

	it('gives no file when none was chosen', async () => {
		const form = await readMultipart(
			request(
				body([
					{ name: 'kind', value: 'actions' },
					{ name: 'file', value: '', fileName: '' }
				])
			),
			limits()
		);
		expect(form.file).toBeNull();
		expect(form.fields.kind).toBe('actions');
	});

	it('refuses a file over the limit with 413, after reading the whole body', async () => {
		const big = 'x'.repeat(5000);
		const bytes = body([
			{ name: 'file', value: big, fileName: 'big.csv' },
			{ name: 'kind', value: 'sharing' }
		]);
		let pulled = 0;
		const stream = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (pulled >= bytes.length) return controller.close();
				controller.enqueue(new Uint8Array(bytes.subarray(pulled, pulled + 100)));
				pulled += 100;
			}
		});
		const req = new Request('http://localhost/', {
			method: 'POST',
			headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
			body: stream,
			duplex: 'half'
		} as RequestInit);
		const error = await failureOf(readMultipart(req, limits()));
		expect(error).toBeInstanceOf(UploadError);
		expect(error.status).toBe(413);
		expect(pulled).toBeGreaterThanOrEqual(bytes.length);
	});

	it('turns a body refused by the server (status 413 on the stream) into a 413', async () => {
		const stream = new ReadableStream<Uint8Array>({
			pull(controller) {
				controller.error(Object.assign(new Error('Payload Too Large'), { status: 413 }));
			}
		});
		const req = new Request('http://localhost/', {
			method: 'POST',
			headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
			body: stream,
			duplex: 'half'
		} as RequestInit);
		const error = await failureOf(readMultipart(req, limits()));
		expect(error).toBeInstanceOf(UploadError);
		expect(error.status).toBe(413);
	});

	it('refuses bodies that are not multipart, cut short or malformed', async () => {
		await expect(
			readMultipart(request(Buffer.from('a=1'), 7, 'application/x-www-form-urlencoded'), limits())
		).rejects.toMatchObject({ status: 400, code: 'not_multipart' });

		const whole = body([{ name: 'kind', value: 'sharing' }]);
		await expect(
			readMultipart(request(whole.subarray(0, whole.length - 10)), limits())
		).rejects.toMatchObject({ status: 400, code: 'malformed' });

		const noDisposition = Buffer.from(
			`--${boundary}\r\nX-Other: 1\r\n\r\nvalue\r\n--${boundary}--\r\n`
		);
		// busboy skips a part without Content-Disposition (no browser sends one); the form is then
		// empty, and the upload action refuses it for lack of a file.
		await expect(readMultipart(request(noDisposition), limits())).resolves.toEqual({
			fields: {},
			file: null
		});

		const twoFiles = body([
			{ name: 'file', value: 'a', fileName: 'a.csv' },
			{ name: 'file', value: 'b', fileName: 'b.csv' }
		]);
		await expect(readMultipart(request(twoFiles), limits())).rejects.toMatchObject({
			status: 400
		});

		const longField = body([{ name: 'kind', value: 'x'.repeat(20_000) }]);
		await expect(readMultipart(request(longField, 1000), limits())).rejects.toMatchObject({
			status: 400
		});
	});
});

describe('readMultipart when the body fails', () => {
	const big = body([
		{ name: 'kind', value: 'sharing' },
		{ name: 'file', value: 'x'.repeat(600), fileName: 'cut.csv' }
	]);

	/** A body that delivers `bytes` in chunks of 50, then fails with `error` (or stalls). */
	function failing(bytes: Buffer, error: Error | 'stall'): Request {
		let offset = 0;
		const stream = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (offset >= bytes.length) {
					if (error !== 'stall') controller.error(error);
					// A stalled client: never another chunk, never an end.
					return new Promise<void>(() => {});
				}
				controller.enqueue(new Uint8Array(bytes.subarray(offset, offset + 50)));
				offset += 50;
			}
		});
		return new Request('http://localhost/', {
			method: 'POST',
			headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
			body: stream,
			duplex: 'half'
		} as RequestInit);
	}

	const aborted = () => Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
	const tooLarge = () =>
		Object.assign(new Error('request body size exceeded BODY_SIZE_LIMIT of 1000'), {
			status: 413
		});

	// Each case cuts the body inside the file part, while its write to disk is under way: the
	// write must have settled when readMultipart rejects (vitest fails a test on an unhandled
	// rejection), so the folder can be removed at once and stays removed.
	it.each([
		['a client that goes away at 10 %', 0.1, aborted, 408, 'aborted'],
		['a client that goes away at 90 %', 0.9, aborted, 408, 'aborted'],
		['a body over the server limit', 0.5, tooLarge, 413, 'too_large']
	] as const)('%s', async (_, fraction, error, status, code) => {
		const cut = big.subarray(0, Math.floor(big.length * fraction));
		const failure = await failureOf(readMultipart(failing(cut, error()), limits()));
		expect(failure).toBeInstanceOf(UploadError);
		expect(failure).toMatchObject({ status, code });
		rmSync(dir, { recursive: true, force: true });
		await new Promise((r) => setImmediate(r));
		expect(existsSync(dir)).toBe(false);
	});

	it('a body that ends inside the file part is malformed (400)', async () => {
		const cut = big.subarray(0, big.length - 40);
		const failure = await failureOf(readMultipart(request(cut, 50), limits()));
		expect(failure).toMatchObject({ status: 400, code: 'malformed' });
		expect(failure.message).toContain('Unexpected end of form');
	});

	it('a body that stops arriving is given up after idleMs (408)', async () => {
		const failure = await failureOf(
			readMultipart(failing(big.subarray(0, 300), 'stall'), {
				...limits(),
				idleMs: 20
			})
		);
		expect(failure).toMatchObject({ status: 408, code: 'timeout' });
	});

	it('a write that fails on the server side is not blamed on the body', async () => {
		rmSync(dir, { recursive: true, force: true });
		const failure = await failureOf(readMultipart(request(big, 50), limits()));
		expect(failure).not.toBeInstanceOf(UploadError);
		expect(failure).toMatchObject({ code: 'ENOENT', syscall: 'open' });
	});
});
