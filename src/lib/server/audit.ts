// The audit trail: an append-only, hash-chained log of who did what (sign-ins, downloads, record
// views, imports, user and token changes).
//
// Each entry's hash is the SHA-256 of its content (seq, time, actor, action, member states,
// details) together with prev_hash, the previous entry's hash (64 zeros before the first). An
// edited entry no longer matches its hash; an entry edited with a recomputed hash no longer
// matches the next entry's prev_hash; a deleted entry leaves a gap in seq; reordered entries no
// longer match their seq or their neighbours. Only the end of the chain can be cut off without a
// trace inside it: keep the head (seq and hash, printed by `cosi audit verify`) elsewhere to
// detect that.
//
// Appends are serialised in this process. The database file has one writing process at a time
// (the server, or the CLI when no server runs; the CLI goes through the server otherwise), and the
// insert itself checks that the entry it links to is still the last one, so two writers can never
// fork the chain.
//
// Server-only; imported by the server and the CLI (relative imports).
import type { DuckDBConnection } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { now } from './clock.ts';
import { runQuery } from './queries.ts';

export const auditActions = [
	'sign_in',
	'sign_in_failed',
	'sign_out',
	'record_view',
	'csv_download',
	'report_download',
	'zip_download',
	'original_download',
	'import',
	'user_add',
	'user_disable',
	'user_enable',
	'password_change',
	'password_reset',
	'token_create',
	'token_revoke'
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditInput {
	/** A username, `cli:<os user>` for the command line, or the name typed at a failed sign-in. */
	actor: string;
	action: AuditAction;
	/** The member states the entry is about: null = all of them, [] = none. */
	memberStates: readonly string[] | null;
	/** What exactly: route, filter, row count, batch, file, ... (JSON-serialisable). */
	details?: Record<string, unknown>;
}

export interface AuditEntry {
	seq: number;
	/** ISO 8601, UTC. */
	at: string;
	actor: string;
	action: string;
	memberStates: string[] | null;
	details: Record<string, unknown>;
	prevHash: string;
	hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

interface Head {
	seq: number;
	hash: string;
}

/** The exact text an entry's hash covers. */
export function entryContent(e: Omit<AuditEntry, 'hash' | 'details'> & { details: string }) {
	return JSON.stringify([e.seq, e.at, e.actor, e.action, e.memberStates, e.details, e.prevHash]);
}

export function entryHash(e: Omit<AuditEntry, 'hash' | 'details'> & { details: string }): string {
	return createHash('sha256').update(entryContent(e), 'utf8').digest('hex');
}

function normaliseStates(states: readonly string[] | null): string[] | null {
	return states === null ? null : [...new Set(states)].sort();
}

// The last entry as this process last wrote or read it; checked by every insert (see above).
let cachedHead: Head | null = null;
let queue: Promise<unknown> = Promise.resolve();

async function readHead(con: DuckDBConnection): Promise<Head> {
	const [row] = await runQuery<{ seq: number; hash: string }>(con, 'audit/head');
	return row ? { seq: row.seq, hash: row.hash } : { seq: 0, hash: GENESIS_HASH };
}

/**
 * Append an entry to the audit trail; returns it. Appends wait for each other, so concurrent
 * requests form one chain.
 */
export function recordAudit(con: DuckDBConnection, input: AuditInput): Promise<AuditEntry> {
	const run = queue.then(() => append(con, input));
	queue = run.catch(() => undefined);
	return run;
}

async function append(con: DuckDBConnection, input: AuditInput): Promise<AuditEntry> {
	const at = now().toISOString();
	const memberStates = normaliseStates(input.memberStates);
	const details = JSON.stringify(input.details ?? {});
	for (let attempt = 0; ; attempt++) {
		const head = cachedHead ?? (await readHead(con));
		const entry = {
			seq: head.seq + 1,
			at,
			actor: input.actor,
			action: input.action,
			memberStates,
			details,
			prevHash: head.hash
		};
		const hash = entryHash(entry);
		let inserted = false;
		try {
			const [r] = await runQuery<{ Count: number }>(con, 'audit/insert', {
				seq: entry.seq,
				at,
				actor: entry.actor,
				action: entry.action,
				member_states: memberStates === null ? null : JSON.stringify(memberStates),
				details,
				prev_hash: entry.prevHash,
				hash
			});
			inserted = Number(r?.Count ?? 0) === 1;
		} catch (e) {
			// Another chain head than the one cached (a different file, or seq taken): read it again.
			if (attempt > 0 || cachedHead === null) throw e;
		}
		if (inserted) {
			cachedHead = { seq: entry.seq, hash };
			return { ...entry, details: input.details ?? {}, hash };
		}
		cachedHead = null;
		if (attempt > 0) throw new Error('audit trail: could not append (the chain head moved)');
	}
}

interface ChainRow {
	seq: number;
	at_ms: number;
	actor: string;
	action: string;
	member_states: string[] | null;
	details: string;
	prev_hash: string;
	hash: string;
}

function toEntry(r: ChainRow): AuditEntry {
	let details: Record<string, unknown>;
	try {
		details = JSON.parse(r.details) as Record<string, unknown>;
	} catch {
		details = { unreadable: r.details };
	}
	return {
		seq: r.seq,
		at: new Date(r.at_ms).toISOString(),
		actor: r.actor,
		action: r.action,
		memberStates: r.member_states,
		details,
		prevHash: r.prev_hash,
		hash: r.hash
	};
}

export type BreakReason = 'gap' | 'link' | 'hash';

export interface ChainBreak {
	/** The first entry that does not verify. */
	seq: number;
	reason: BreakReason;
	message: string;
}

export interface ChainReport {
	intact: boolean;
	/** Entries checked (all of them). */
	entries: number;
	/** The last entry: keep it elsewhere to detect a cut-off end. */
	head: Head | null;
	firstBroken: ChainBreak | null;
}

const CHUNK = 5000;

/** Check one stored row against the one before it (`prev`: the genesis for the first). */
function checkRow(r: ChainRow, prev: Head): ChainBreak | null {
	if (r.seq !== prev.seq + 1) {
		return {
			seq: r.seq,
			reason: 'gap',
			message:
				r.seq > prev.seq + 1
					? `entry ${r.seq} follows entry ${prev.seq}: entries ${prev.seq + 1}–${r.seq - 1} are missing`
					: `entry ${r.seq} is out of order after entry ${prev.seq}`
		};
	}
	if (r.prev_hash !== prev.hash) {
		return {
			seq: r.seq,
			reason: 'link',
			message: `entry ${r.seq} does not link to entry ${prev.seq}: the previous entry was changed, removed or replaced`
		};
	}
	const expected = entryHash({
		seq: r.seq,
		at: new Date(r.at_ms).toISOString(),
		actor: r.actor,
		action: r.action,
		memberStates: r.member_states,
		details: r.details,
		prevHash: r.prev_hash
	});
	if (expected !== r.hash) {
		return {
			seq: r.seq,
			reason: 'hash',
			message: `entry ${r.seq} does not match its hash: its content was changed`
		};
	}
	return null;
}

/**
 * Verify the chain from the entry after `from` (default: the start) to the end; stops at the
 * first broken entry.
 */
export async function verifyChain(
	con: DuckDBConnection,
	from: Head = { seq: 0, hash: GENESIS_HASH }
): Promise<ChainReport> {
	let prev = from;
	let entries = from.seq;
	for (;;) {
		const rows = await runQuery<ChainRow>(con, 'audit/chain', { after: prev.seq, limit: CHUNK });
		for (const r of rows) {
			const broken = checkRow(r, prev);
			if (broken) {
				// Count the rest, so the report says how much follows the break.
				const [{ total }] = await runQuery<{ total: number }>(con, 'audit/entries_count', {
					from: null,
					to: null,
					actor: null,
					action: null,
					member_state: null,
					scope: null
				});
				const last = await readHead(con);
				return { intact: false, entries: total, head: last.seq ? last : null, firstBroken: broken };
			}
			prev = { seq: r.seq, hash: r.hash };
			entries += 1;
		}
		if (rows.length < CHUNK) break;
	}
	return { intact: true, entries, head: prev.seq ? prev : null, firstBroken: null };
}

// The verified start of the chain, per database: the /audit page verifies only what was added
// since. Sound because the server holds the file exclusively: nothing but this process's appends
// can change it while it runs (and each page view re-checks the remembered entry's hash).
const verified = new Map<string, Head>();

/**
 * Verify the chain, starting after the part this process verified before (`key`: the database
 * path). The first broken entry, if any, and every one after it do not verify.
 */
export async function chainStatus(con: DuckDBConnection, key: string): Promise<ChainReport> {
	let from = verified.get(key);
	if (from) {
		const [row] = await runQuery<ChainRow>(con, 'audit/chain', {
			after: from.seq - 1,
			limit: 1
		});
		if (!row || row.seq !== from.seq || row.hash !== from.hash) from = undefined;
	}
	const report = await verifyChain(con, from);
	if (report.intact && report.head) verified.set(key, report.head);
	else verified.delete(key);
	return report;
}

export interface AuditFilter {
	from: string | null;
	to: string | null;
	actor: string | null;
	action: string | null;
	memberState: string | null;
	/** A supervisor's member states (entries about them, and about all states); null: every entry. */
	scope: readonly string[] | null;
}

function filterParams(f: AuditFilter) {
	return {
		from: f.from,
		to: f.to,
		actor: f.actor,
		action: f.action,
		member_state: f.memberState,
		scope: f.scope === null ? null : JSON.stringify(f.scope)
	};
}

/** One page of entries matching `filter`, newest first, with the number matching. */
export async function listAudit(
	con: DuckDBConnection,
	filter: AuditFilter,
	page: { limit: number; offset: number }
): Promise<{ total: number; entries: AuditEntry[] }> {
	const params = filterParams(filter);
	const [{ total }] = await runQuery<{ total: number }>(con, 'audit/entries_count', params);
	const rows = await runQuery<ChainRow>(con, 'audit/entries', {
		...params,
		newest_first: true,
		...page
	});
	return { total, entries: rows.map(toEntry) };
}

/** Every entry matching `filter` in chain order, a chunk at a time (export). */
export async function* exportAudit(
	con: DuckDBConnection,
	filter: AuditFilter
): AsyncGenerator<AuditEntry> {
	const params = filterParams(filter);
	for (let offset = 0; ; offset += CHUNK) {
		const rows = await runQuery<ChainRow>(con, 'audit/entries', {
			...params,
			newest_first: false,
			limit: CHUNK,
			offset
		});
		for (const r of rows) yield toEntry(r);
		if (rows.length < CHUNK) return;
	}
}

/** The actors and actions that occur (filter choices). */
export async function auditChoices(
	con: DuckDBConnection
): Promise<{ actors: string[]; actions: string[] }> {
	const rows = await runQuery<{ field: string; value: string }>(con, 'audit/actors');
	return {
		actors: rows.filter((r) => r.field === 'actor').map((r) => r.value),
		actions: rows.filter((r) => r.field === 'action').map((r) => r.value)
	};
}

/** What an import's audit entry needs of its outcome (an IngestResult). */
export interface ImportOutcome {
	batchId: number | null;
	kind: string;
	file: string;
	sha256: string;
	status: string;
	rowsRead: number;
	rowsAccepted: number;
	rowsRejected: number;
}

/**
 * Record an import (web upload, `cosi ingest`, `cosi samples`): about the senders whose rows the
 * batch stored.
 */
export async function auditImport(
	con: DuckDBConnection,
	actor: string,
	via: 'web' | 'cli',
	r: ImportOutcome
): Promise<void> {
	const senders =
		r.batchId === null || r.status === 'duplicate'
			? []
			: (
					await runQuery<{ sender: string }>(con, 'audit/batch_senders', { batch_id: r.batchId })
				).map((s) => s.sender);
	await recordAudit(con, {
		actor,
		action: 'import',
		memberStates: senders,
		details: {
			via,
			batchId: r.batchId,
			kind: r.kind,
			file: r.file,
			sha256: r.sha256,
			status: r.status,
			rowsRead: r.rowsRead,
			rowsAccepted: r.rowsAccepted,
			rowsRejected: r.rowsRejected
		}
	});
}

/** Who read record-level rows, as hooks.server.ts put it into event.locals. */
export interface Reader {
	username: string;
	/** The API token used, if any. */
	apiToken?: string | null;
}

/**
 * Record a view or download of record-level rows: who, which route and filter, how many rows when
 * known. `memberStates` is what the rows are about: the filter's member state, else the reader's
 * scope (null = all states). The data gate calls this for every record view; the CSV downloads
 * call it themselves.
 */
export function auditRecordAccess(
	con: DuckDBConnection,
	reader: Reader,
	access: {
		action:
			'record_view' | 'csv_download' | 'report_download' | 'zip_download' | 'original_download';
		route: string;
		filter: Record<string, unknown>;
		memberStates: readonly string[] | null;
		rows?: number;
	}
): Promise<AuditEntry> {
	const filter = Object.fromEntries(
		Object.entries(access.filter).filter(([, v]) => v !== null && v !== undefined && v !== '')
	);
	return recordAudit(con, {
		actor: reader.username,
		action: access.action,
		memberStates: access.memberStates,
		details: {
			route: access.route,
			filter,
			...(access.rows === undefined ? {} : { rows: access.rows }),
			...(reader.apiToken ? { token: reader.apiToken } : {})
		}
	});
}
