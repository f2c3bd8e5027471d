// A streaming multipart/form-data reader for uploads: the file part goes straight to a file on
// disk as it arrives (never whole in memory), other fields are collected as short strings.
//
// `request.formData()` would buffer the whole upload in memory first; at 200 MB that is too
// much for a small server. This reader handles what browsers send (RFC 7578): one boundary,
// parts with a Content-Disposition header, CRLF line ends.
import { open, type FileHandle } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';

export class UploadError extends Error {
	constructor(
		/** 413 for too large, 400 for a malformed body. */
		readonly status: 400 | 413,
		readonly code: 'too_large' | 'malformed' | 'not_multipart',
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

interface PartHeaders {
	name: string;
	fileName: string | null;
}

function parseHeaders(text: string): PartHeaders | null {
	let disposition: string | null = null;
	for (const line of text.split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === 'content-disposition') {
			disposition = line.slice(colon + 1).trim();
		}
	}
	if (!disposition || !/^form-data\b/i.test(disposition)) return null;
	const params: Record<string, string> = {};
	const re = /;\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
	for (let m = re.exec(disposition); m; m = re.exec(disposition)) {
		const key = m[1].toLowerCase();
		params[key] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3].trim();
	}
	if (params['filename*']) {
		// RFC 5987: UTF-8''name%20with%20escapes
		const ext = /^utf-8''(.*)$/i.exec(params['filename*']);
		if (ext) {
			try {
				params.filename = decodeURIComponent(ext[1]);
			} catch {
				// Keep the plain filename.
			}
		}
	}
	if (params.name === undefined) return null;
	return { name: params.name, fileName: params.filename ?? null };
}

/**
 * Read a multipart/form-data request. The file part is written to `limits.dir`; a file larger
 * than `maxFileBytes` is an UploadError(413) (the rest of the body is still read, so that the
 * browser receives the answer instead of a broken connection). A body the server refused
 * (adapter-node's BODY_SIZE_LIMIT) is also a 413.
 */
export async function readMultipart(
	request: Request,
	limits: MultipartLimits
): Promise<MultipartForm> {
	const boundary = boundaryOf(request.headers.get('content-type'));
	if (!boundary) {
		throw new UploadError(400, 'not_multipart', 'expected a multipart/form-data body');
	}
	if (!request.body) return { fields: {}, file: null };
	const maxFieldBytes = limits.maxFieldBytes ?? 10_000;
	const maxFields = limits.maxFields ?? 50;

	const delimiter = Buffer.from(`\r\n--${boundary}`);
	const headerEnd = Buffer.from('\r\n\r\n');
	const fields: Record<string, string> = {};
	let file: UploadedFile | null = null;
	let fieldCount = 0;

	type State = 'preamble' | 'after' | 'headers' | 'body' | 'done';
	let state = 'preamble' as State;
	// A leading CRLF lets the first boundary match the same delimiter as the others.
	let buf: Buffer = Buffer.from('\r\n');
	let part: PartHeaders | null = null;
	let fieldChunks: Buffer[] = [];
	let fieldSize = 0;
	let handle: FileHandle | null = null;
	let tooLarge: UploadError | null = null;
	let malformed: UploadError | null = null;

	const bad = (message: string) => new UploadError(400, 'malformed', message);

	async function startPart(headers: PartHeaders): Promise<void> {
		part = headers;
		fieldChunks = [];
		fieldSize = 0;
		if (headers.fileName !== null) {
			if (headers.name !== limits.fileField || file !== null) {
				throw bad(`unexpected file field ${JSON.stringify(headers.name)}`);
			}
			if (headers.fileName === '') return; // no file chosen
			const fileName = safeFileName(headers.fileName);
			const ext = extname(fileName).toLowerCase();
			const path = join(limits.dir, `upload${/^\.[a-z0-9]{1,8}$/.test(ext) ? ext : ''}`);
			handle = await open(path, 'w');
			file = { field: headers.name, fileName, path, size: 0 };
		} else if (++fieldCount > maxFields) {
			throw bad('too many form fields');
		}
	}

	async function data(chunk: Buffer): Promise<void> {
		if (chunk.length === 0 || !part) return;
		if (part.fileName !== null) {
			if (!handle || !file || tooLarge) return;
			file.size += chunk.length;
			if (file.size > limits.maxFileBytes) {
				tooLarge = new UploadError(413, 'too_large', 'file too large');
				return;
			}
			await handle.write(chunk);
		} else {
			fieldSize += chunk.length;
			if (fieldSize > maxFieldBytes) throw bad(`field ${JSON.stringify(part.name)} is too long`);
			fieldChunks.push(chunk);
		}
	}

	async function endPart(): Promise<void> {
		if (!part) return;
		if (part.fileName === null) {
			fields[part.name] = Buffer.concat(fieldChunks).toString('utf8');
		} else if (handle) {
			await handle.close();
			handle = null;
		}
		part = null;
	}

	/** Consume as much of `buf` as possible. */
	async function consume(): Promise<void> {
		for (;;) {
			if (state === 'preamble') {
				const at = buf.indexOf(delimiter);
				if (at < 0) {
					buf = buf.subarray(Math.max(0, buf.length - delimiter.length + 1));
					return;
				}
				buf = buf.subarray(at + delimiter.length);
				state = 'after';
			} else if (state === 'after') {
				// After a delimiter: "--" ends the body, else optional padding and CRLF.
				if (buf.length < 2) return;
				if (buf[0] === 0x2d && buf[1] === 0x2d) {
					state = 'done';
					buf = Buffer.alloc(0);
					return;
				}
				const crlf = buf.indexOf('\r\n');
				if (crlf < 0) {
					if (buf.length > 256) throw bad('malformed boundary line');
					return;
				}
				if (buf.subarray(0, crlf).toString('latin1').trim() !== '')
					throw bad('malformed boundary line');
				buf = buf.subarray(crlf + 2);
				state = 'headers';
			} else if (state === 'headers') {
				const at = buf.indexOf(headerEnd);
				if (at < 0) {
					if (buf.length > 16_384) throw bad('part headers too long');
					return;
				}
				const headers = parseHeaders(buf.subarray(0, at).toString('utf8'));
				if (!headers) throw bad('a part without a form-data Content-Disposition');
				buf = buf.subarray(at + headerEnd.length);
				await startPart(headers);
				state = 'body';
			} else if (state === 'body') {
				const at = buf.indexOf(delimiter);
				if (at >= 0) {
					await data(buf.subarray(0, at));
					await endPart();
					buf = buf.subarray(at + delimiter.length);
					state = 'after';
				} else {
					// Keep what could be the start of a delimiter split across chunks.
					const safe = buf.length - delimiter.length + 1;
					if (safe > 0) {
						await data(buf.subarray(0, safe));
						buf = buf.subarray(safe);
					}
					return;
				}
			} else {
				buf = Buffer.alloc(0); // epilogue: ignored
				return;
			}
		}
	}

	const reader = request.body.getReader();
	try {
		for (;;) {
			let result: ReadableStreamReadResult<Uint8Array>;
			try {
				result = await reader.read();
			} catch (e) {
				// adapter-node errors the stream when the body passes BODY_SIZE_LIMIT.
				const status = (e as { status?: number }).status;
				if (status === 413) throw new UploadError(413, 'too_large', 'request body too large');
				throw e;
			}
			if (result.done) break;
			if (malformed) continue; // drain the rest, then report
			buf = buf.length === 0 ? Buffer.from(result.value) : Buffer.concat([buf, result.value]);
			try {
				await consume();
			} catch (e) {
				if (!(e instanceof UploadError)) throw e;
				malformed = e;
				buf = Buffer.alloc(0);
			}
		}
	} finally {
		reader.releaseLock();
		if (handle) await (handle as FileHandle).close();
	}
	if (tooLarge) throw tooLarge;
	if (malformed) throw malformed;
	if (state !== 'done') throw bad('the upload ended early (the connection may have broken)');
	return { fields, file };
}
