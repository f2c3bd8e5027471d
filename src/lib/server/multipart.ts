// Uploads: multipart/form-data read with busboy, streaming the file part straight to a file on
// disk (never whole in memory) and collecting the other fields as short strings.
//
// `request.formData()` would buffer the whole upload in memory first; at 200 MB that is too
// much for a small server.
import busboy from 'busboy';
import { createWriteStream } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';

export type UploadErrorCode = 'too_large' | 'malformed' | 'not_multipart' | 'aborted' | 'timeout';

export class UploadError extends Error {
	constructor(
		/** 413 for too large, 408 for a body that stopped coming, 400 for a malformed body. */
		readonly status: 400 | 408 | 413,
		readonly code: UploadErrorCode,
		message: string
	) {
		super(message);
		this.name = 'UploadError';
	}
}

export interface UploadedFile {
	/** The form field's name. */
	field: string;
	/** The browser's file name, without any directory part. */
	fileName: string;
	/** Where it was written (inside `dir`). */
	path: string;
	size: number;
}

export interface MultipartLimits {
	/** Directory to write the file part into (created by the caller, removed by the caller). */
	dir: string;
	/** The field that carries the file; other file fields are refused. */
	fileField: string;
	maxFileBytes: number;
	/** Largest plain field value. */
	maxFieldBytes?: number;
	maxFields?: number;
	/**
	 * A body that sends nothing for this long is given up (408), default 60 s: a client that
	 * stalls must not hold the upload's temporary file open for ever.
	 */
	idleMs?: number;
}

export interface MultipartForm {
	fields: Record<string, string>;
	/** Null when no file was chosen (browsers then send an empty part with filename=""). */
	file: UploadedFile | null;
}

/** The boundary of a multipart/form-data Content-Type, or null. */
export function boundaryOf(contentType: string | null): string | null {
	if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return null;
	const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
	return m ? (m[1] ?? m[2]) : null;
}

/**
 * A safe name for the uploaded file: the last path segment (some browsers send
 * C:\fakepath\x.csv), no control characters, at most 200 characters, never empty.
 */
export function safeFileName(name: string): string {
	const last = basename(name.replace(/\\/g, '/'));
	// eslint-disable-next-line no-control-regex
	const clean = last.replace(/[\u0000-\u001f\u007f]/g, '').trim();
	if (clean === '' || clean === '.' || clean === '..') return 'upload';
	if (clean.length <= 200) return clean;
	const ext = extname(clean).slice(0, 12);
	return clean.slice(0, 200 - ext.length) + ext;
}

/**
 * What went wrong with the request body, as an UploadError; null for a fault of the server
 * itself (a file-system error while writing the upload), which the caller reports as such.
 */
export function classifyBodyError(e: unknown): UploadError | null {
	const err = e as { status?: number; code?: string; syscall?: string; message?: string };
	if (e instanceof UploadError) return e;
	// adapter-node's BODY_SIZE_LIMIT (or a body longer than its Content-Length).
	if (err?.status === 413) {
		return new UploadError(413, 'too_large', 'the upload is larger than the server accepts');
	}
	// The client closed the connection (tab closed, network lost) before the body was complete.
	if (
		err?.code === 'ECONNRESET' ||
		err?.code === 'ERR_STREAM_PREMATURE_CLOSE' ||
		err?.message === 'aborted'
	) {
		return new UploadError(408, 'aborted', 'the upload was interrupted before it was complete');
	}
	if (err?.syscall) return null;
	// busboy: "Unexpected end of form", "Malformed part header", ...
	return new UploadError(
		400,
		'malformed',
		`the upload could not be read: ${err?.message ?? String(e)}`
	);
}

/**
 * Read a multipart/form-data request. The file part is written to `limits.dir`; a file larger
 * than `maxFileBytes` is an UploadError(413) (the rest of the body is still read, so that the
 * browser receives the answer instead of a broken connection). A body the server refused
 * (adapter-node's BODY_SIZE_LIMIT) is also a 413; a body cut off by the client is a 408; one
 * that stops arriving for `idleMs` is a 408 too; a malformed body is a 400.
 *
 * Whatever happens, every write into `limits.dir` has finished (or failed) before this returns
 * or throws, so the caller can remove the folder; no promise is left to reject unobserved.
 */
export async function readMultipart(
	request: Request,
	limits: MultipartLimits
): Promise<MultipartForm> {
	const contentType = request.headers.get('content-type');
	if (!boundaryOf(contentType)) {
		throw new UploadError(400, 'not_multipart', 'expected a multipart/form-data body');
	}
	if (!request.body) return { fields: {}, file: null };
	const maxFieldBytes = limits.maxFieldBytes ?? 10_000;
	const maxFields = limits.maxFields ?? 50;
	const idleMs = limits.idleMs ?? 60_000;

	const fields: Record<string, string> = {};
	let file: UploadedFile | null = null;
	// The first problem found; the body is still read to its end before it is reported.
	let problem: UploadError | null = null;
	const refuse = (e: UploadError) => (problem ??= e);
	const writes: Promise<void>[] = [];

	const parser = busboy({
		headers: { 'content-type': contentType ?? '' },
		limits: {
			fileSize: limits.maxFileBytes,
			fieldSize: maxFieldBytes,
			fields: maxFields,
			files: 2
		},
		defParamCharset: 'utf8'
	});
	parser.on('field', (name, value, info) => {
		if (info.valueTruncated) {
			refuse(
				new UploadError(
					400,
					'malformed',
					`field ${JSON.stringify(name)} is longer than ${maxFieldBytes} bytes`
				)
			);
		} else fields[name] = value;
	});
	parser.on('fieldsLimit', () =>
		refuse(new UploadError(400, 'malformed', `more than ${maxFields} fields`))
	);
	parser.on('filesLimit', () =>
		refuse(new UploadError(400, 'malformed', 'only one file can be uploaded'))
	);
	parser.on('file', (name, stream, info) => {
		// Browsers send an empty part with filename="" when no file was chosen.
		if (!info.filename) return void stream.resume();
		if (name !== limits.fileField || file) {
			refuse(new UploadError(400, 'malformed', 'only one file can be uploaded'));
			return void stream.resume();
		}
		const fileName = safeFileName(info.filename);
		const path = join(limits.dir, `upload${extname(fileName).slice(0, 12)}`);
		const uploaded: UploadedFile = { field: name, fileName, path, size: 0 };
		file = uploaded;
		stream.on('data', (chunk: Buffer) => (uploaded.size += chunk.length));
		stream.on('limit', () =>
			refuse(
				new UploadError(413, 'too_large', `the file is larger than ${limits.maxFileBytes} bytes`)
			)
		);
		const written = pipeline(stream, createWriteStream(path));
		// Observed at once: when the body fails, busboy destroys this part's stream and the write
		// rejects while the body's own failure is still being handled. A write that fails by
		// itself (disk full) stops the parser, which would otherwise wait on it for ever.
		written.catch((e: unknown) => parser.destroy(e as Error));
		writes.push(written);
	});

	const body = Readable.fromWeb(request.body as unknown as NodeWebStream<Uint8Array>);
	// A body that stops arriving is given up: the socket may stay open much longer.
	let idle: NodeJS.Timeout | undefined;
	const watch = new Transform({
		transform(chunk, _encoding, done) {
			touch();
			done(null, chunk);
		}
	});
	const touch = () => {
		clearTimeout(idle);
		idle = setTimeout(
			() => watch.destroy(new UploadError(408, 'timeout', `no data for ${idleMs} ms`)),
			idleMs
		);
	};
	touch();
	const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));
	let failure: Error | null = null;
	try {
		await pipeline(body, watch, parser);
	} catch (e) {
		failure = asError(e);
	} finally {
		clearTimeout(idle);
	}
	// Every write has ended before the caller removes the folder it writes into.
	const settled = await Promise.allSettled(writes);
	const rejected = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
	failure ??= rejected ? asError(rejected.reason) : null;
	// Assigned in a callback, which TypeScript's flow analysis cannot see.
	const refused = problem as UploadError | null;
	if (failure !== null) {
		const error = classifyBodyError(failure);
		if (!error) throw failure;
		// A file over maxFileBytes stops its part early; what is reported is the limit.
		throw refused?.status === 413 ? refused : error;
	}
	if (refused) throw refused;
	// Assigned in a callback, which TypeScript's flow analysis cannot see.
	return { fields, file: file as UploadedFile | null };
}
