// Originals: every import batch's file exactly as it was imported, kept beside the database in
// a directory of its own, `<database file>.originals/<sha256>` (content-addressed: two batches
// of the same bytes share one file). Nothing else is stored there.
//
// Written by the ingest (./ingest/index.ts), for the command line, the sample loader and web
// uploads alike: the file is copied to a temporary name in that directory before the batch is
// committed, and renamed to its SHA-256 (an atomic rename on one file system) only once the
// batch has committed. A rejected file, a duplicate or a failed import discards the copy, so it
// leaves nothing behind. Should the process die between the commit and the rename, the copy is
// left under its temporary name; the next import into the same database finishes the rename
// when the batch exists (its SHA-256 is in the temporary name) and removes it otherwise
// (sweepOriginals). Imports into one database run one at a time (./ingest/writer.ts; another
// process cannot open the file meanwhile), so no copy of a running import is swept.
//
// Read by /imports/[id]/original, which sends a kept file only after checking that its bytes
// hash to the batch's SHA-256 (openOriginal): a missing file and a mismatch are errors of their
// own, never a wrong file.
import { createHash, randomUUID } from 'node:crypto';
import { copyFile, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';

const shaPattern = /^[0-9a-f]{64}$/;
const tempPrefix = '.tmp-';

/** The directory of the originals of the database at `dbPath` (null: an in-memory database). */
export function originalsDir(dbPath: string): string | null {
	if (basename(dbPath) === ':memory:') return null;
	return `${dbPath}.originals`;
}

/** Where the original with this SHA-256 is kept (null: none can be kept for this database). */
export function originalPath(dbPath: string, sha256: string): string | null {
	const dir = originalsDir(dbPath);
	if (!dir || !shaPattern.test(sha256)) return null;
	return join(dir, sha256);
}

/** A copy of an imported file, not yet kept: keep() once the batch committed, else discard(). */
export interface StagedOriginal {
	/** Rename the copy to its SHA-256 (synchronous work is one rename). */
	keep(): Promise<void>;
	/** Remove the copy if it was not kept (safe to call more than once, and after keep). */
	discard(): Promise<void>;
}

const nothing: StagedOriginal = { keep: async () => {}, discard: async () => {} };

/**
 * Copy the file at `source` (whose bytes hash to `sha256`) into the originals directory under a
 * temporary name, flushed to disk. When the same bytes are kept already, nothing is copied.
 */
export async function stageOriginal(
	dbPath: string,
	source: string,
	sha256: string
): Promise<StagedOriginal> {
	const final = originalPath(dbPath, sha256);
	if (!final) return nothing;
	const dir = originalsDir(dbPath) as string;
	await mkdir(dir, { recursive: true });
	if (await exists(final)) return nothing;
	const temp = join(dir, `${tempPrefix}${sha256}-${randomUUID()}`);
	let settled = false;
	try {
		await copyFile(source, temp);
		const handle = await open(temp, 'r+');
		try {
			await handle.sync();
		} finally {
			await handle.close();
		}
	} catch (e) {
		await rm(temp, { force: true });
		throw e;
	}
	return {
		async keep() {
			if (settled) return;
			settled = true;
			await rename(temp, final);
		},
		async discard() {
			if (settled) return;
			settled = true;
			await rm(temp, { force: true });
		}
	};
}

/**
 * Finish or remove copies an interrupted import left behind: a copy whose batch exists
 * (`batchExists` by SHA-256) is kept, any other removed.
 */
export async function sweepOriginals(
	dbPath: string,
	batchExists: (sha256: string) => Promise<boolean>
): Promise<void> {
	const dir = originalsDir(dbPath);
	if (!dir) return;
	let names: string[];
	try {
		names = await readdir(dir);
	} catch {
		return;
	}
	for (const name of names) {
		if (!name.startsWith(tempPrefix)) continue;
		const sha = name.slice(tempPrefix.length, tempPrefix.length + 64);
		const path = join(dir, name);
		const final = shaPattern.test(sha) ? join(dir, sha) : null;
		if (final && !(await exists(final)) && (await batchExists(sha))) await rename(path, final);
		else await rm(path, { force: true });
	}
}

/** Why a batch's original cannot be sent. */
export class OriginalUnavailableError extends Error {
	constructor(
		readonly reason: 'missing' | 'mismatch',
		message: string
	) {
		super(message);
		this.name = 'OriginalUnavailableError';
	}
}

/**
 * The kept original of a batch, checked: its bytes hash to `sha256`. Returns its size and a
 * stream of the bytes read from the same open file after the check. Throws
 * OriginalUnavailableError('missing') when no file is kept, ('mismatch') when it hashes to
 * anything else.
 */
export async function openOriginal(
	dbPath: string,
	sha256: string,
	messages: { missing: string; mismatch: string }
): Promise<{ size: number; stream: () => ReadableStream<Uint8Array> }> {
	const path = originalPath(dbPath, sha256);
	if (!path || !(await exists(path)))
		throw new OriginalUnavailableError('missing', messages.missing);
	const handle = await open(path, 'r');
	try {
		const hash = createHash('sha256');
		for await (const chunk of handle.createReadStream({ start: 0, autoClose: false })) {
			hash.update(chunk as Buffer);
		}
		if (hash.digest('hex') !== sha256) {
			throw new OriginalUnavailableError('mismatch', messages.mismatch);
		}
		const { size } = await handle.stat();
		return {
			size,
			// Read again from the same open file (the bytes just checked), closed at the end.
			stream: () =>
				Readable.toWeb(
					handle.createReadStream({ start: 0, autoClose: true })
				) as ReadableStream<Uint8Array>
		};
	} catch (e) {
		await handle.close();
		throw e;
	}
}

async function exists(path: string): Promise<boolean> {
	try {
		await stat(path);
		return true;
	} catch {
		return false;
	}
}
