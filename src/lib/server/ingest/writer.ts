// The one writer: every import into a database file (the CLI, a web upload, the server's
// command channel) runs through `runWrite`, one at a time and in the order they arrived.
//
// An import decides what it is (a duplicate of an earlier batch, which stored rows it
// supersedes) by reading what is committed, then commits. Two imports interleaved would each
// miss the other: the same file stored twice (or a primary-key error), the same keys current
// twice. In one process this queue serialises them; across processes DuckDB's file lock does
// (a second process cannot open a file a writer holds).
//
// `ingestFile` (./index.ts) is queued here by itself, so no caller can bypass the queue; a
// command channel imports with `ingestFile` and runs any other write with `runWrite`. Callers
// waiting their turn can be shown their place: `queueStatus` (all entries) and `queuePlace`
// (one entry, by the ticket its caller chose).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { QueueEntry, QueuePlace } from '../../imports.ts';

export type { QueueEntry, QueuePlace };

export interface WriteInfo {
	/** What is written, for people: the file name as sent. */
	file: string;
	kind: string;
	/** Who asked (CLI user, `web`, ...). */
	by: string;
	/** A reference chosen by the caller, to ask for its place (queuePlace). */
	ticket?: string;
}

interface Entry extends WriteInfo {
	started: boolean;
}

interface Queue {
	/** In arrival order; the first has started when a write is under way. */
	entries: Entry[];
	/** Settles when the last write queued so far has finished. */
	tail: Promise<void>;
}

const globalKey = Symbol.for('cosi-monitor.write-queues');
// On globalThis, like the stores (db.ts): a dev-server reload must not start a second queue
// for a file whose writes are still under way.
const queues = ((globalThis as Record<symbol, unknown>)[globalKey] ??= new Map()) as Map<
	string,
	Queue
>;

function queueFor(dbPath: string): Queue {
	const key = resolve(dbPath);
	let queue = queues.get(key);
	if (!queue) {
		queue = { entries: [], tail: Promise.resolve() };
		queues.set(key, queue);
	}
	return queue;
}

/**
 * Run `write` when every write queued before it on `dbPath` has finished (whether it succeeded
 * or failed), and before any queued after it. Its result or error is passed on unchanged.
 */
export async function runWrite<T>(
	dbPath: string,
	info: WriteInfo,
	write: () => Promise<T>
): Promise<T> {
	const queue = queueFor(dbPath);
	const entry: Entry = { ...info, started: false };
	queue.entries.push(entry);
	const before = queue.tail;
	let done!: () => void;
	queue.tail = new Promise<void>((resolveTail) => (done = resolveTail));
	try {
		await before;
		await heldForTests();
		entry.started = true;
		return await write();
	} finally {
		queue.entries.splice(queue.entries.indexOf(entry), 1);
		done();
	}
}

/** The writes queued on `dbPath`, in the order they run: the one under way first. */
export function queueStatus(dbPath: string): QueueEntry[] {
	return queueFor(dbPath).entries.map((e, ahead) => ({
		file: e.file,
		kind: e.kind,
		by: e.by,
		state: e.started ? 'running' : 'waiting',
		ahead
	}));
}

/** Where the write with `ticket` is: under way, waiting (after how many), or unknown. */
export function queuePlace(dbPath: string, ticket: string): QueuePlace {
	const entries = queueFor(dbPath).entries;
	const ahead = entries.findIndex((e) => e.ticket === ticket);
	if (ahead < 0) return { state: 'unknown' };
	return entries[ahead].started ? { state: 'running' } : { state: 'waiting', ahead };
}

/**
 * For the browser tests only: with COSI_TEST_HOLD_IMPORTS naming a file, the next write waits
 * while that file exists, so a test can line imports up and see them wait (without depending
 * on how fast the machine is). Unset, this costs nothing.
 */
async function heldForTests(): Promise<void> {
	const hold = process.env.COSI_TEST_HOLD_IMPORTS;
	if (!hold) return;
	while (existsSync(hold)) await new Promise((r) => setTimeout(r, 50));
}
