// The data gate: every read of the stored data passes through withData.
//
// It opens a connection of its own (closed afterwards: concurrent requests must not share one
// DuckDB connection, whose statements would interleave), and before each named query sets the
// connection variable cosi_scope to the caller's member states for that query's @scope header
// (queries.ts). The table macros of queries/lib apply it (scope_allows), so a query cannot
// forget the scope, and a connection that did not come through here fails on scoped data
// instead of answering everything. Cached results are keyed by data version, scope and
// parameters, so one caller never receives figures computed for another's scope.
//
// Routes, endpoints and the CLI read through this module and the page modules built on it
// only (eslint.config.js forbids them db.ts, queries.ts, cache.ts and the DuckDB client).
import type { DuckDBConnection } from '@duckdb/node-api';
import { LIST, VARCHAR } from '@duckdb/node-api';
import { auditRecordAccess } from './audit.ts';
import { cached, dataVersion } from './cache.ts';
import { openStore, resolveDbPath, type Store } from './db.ts';
import { loadQuery, runQuery, type ParamValue, type QueryScope, type Row } from './queries.ts';
import type { QueryName, QueryRow } from './query-rows.ts';
import { scopeKey, type Scope, type StateSet } from './scope.ts';

export type Params = Record<string, ParamValue | undefined>;

/** An access to record-level rows, as the audit trail records it (audit.ts). */
export type RecordAccess = Parameters<typeof auditRecordAccess>[2];

// What the CLI and the server's start need of the store itself (opening, closing, locks), so
// that they need nothing below this module.
export { closeStore, DatabaseLockedError, openStore, resolveDbPath, type Store } from './db.ts';
export type { Row } from './queries.ts';
export type { QueryName, QueryRow } from './query-rows.ts';

/** What a reader of the data is given inside withData. */
export interface Data {
	/** The caller's scope, as bound into every query. */
	readonly scope: Scope;
	/** Rows of a named query (queries/<name>.sql), read now; their type is the query's (query-rows.ts). */
	rows<N extends QueryName>(name: N, params?: Params): Promise<QueryRow<N>[]>;
	/**
	 * Rows of a query named at run time (a report definition's table, whose names are checked
	 * when the definition loads): untyped, otherwise exactly as rows().
	 */
	rowsByName(name: string, params?: Params): Promise<Row[]>;
	/** Rows of a named query, remembered for this data version, scope and parameters. */
	cachedRows<N extends QueryName>(name: N, params?: Params): Promise<QueryRow<N>[]>;
	/** The first row of a named query, or null. */
	row<N extends QueryName>(name: N, params?: Params): Promise<QueryRow<N> | null>;
	/** A value assembled from cached reads, itself remembered under `key` (plus version and scope). */
	memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
	/** The data version: changes with every import batch. */
	version(): Promise<string>;
	/**
	 * Write an access by the scope's reader to the audit trail (nothing without a reader): for
	 * accesses the gate does not see row by row, such as a download.
	 */
	audit(access: RecordAccess): Promise<void>;
	/** From now on, read one state of the data (a batch committed meanwhile is not seen). */
	snapshot(): Promise<void>;
}

/** Data read outside withData's callback (a streamed download): close it when done. */
export interface OpenData extends Data {
	close(): Promise<void>;
}

export interface DataOptions {
	/** The database file (default: COSI_DB, else data/cosi.duckdb). */
	path?: string;
	/**
	 * Write each read of record-level rows (queries with -- @audit record_view) to the audit trail
	 * for the scope's reader (default true). Off only for a download, which records itself once
	 * (records.ts csvDownload) rather than once per chunk.
	 */
	auditViews?: boolean;
}

/** Run `read` with the data as `scope` may see it. */
export async function withData<T>(
	scope: Scope,
	read: (data: Data) => Promise<T>,
	options: DataOptions = {}
): Promise<T> {
	const store = await openStore(options.path ?? resolveDbPath());
	const con = await store.instance.connect();
	try {
		return await read(new GatedData(store, con, scope, options.auditViews ?? true));
	} finally {
		con.closeSync();
	}
}

/** The data for a read that outlives one call (e.g. a streamed CSV): the caller closes it. */
export async function openData(scope: Scope, options: DataOptions = {}): Promise<OpenData> {
	const store = await openStore(options.path ?? resolveDbPath());
	const con = await store.instance.connect();
	return new GatedData(store, con, scope, options.auditViews ?? true);
}

class GatedData implements OpenData {
	/** What cosi_scope holds now on this connection (null: nothing set yet). */
	private bound: string | null = null;
	private versionOnce: Promise<string> | null = null;
	/** Statements on one connection run one at a time, so each sees the scope set for it. */
	private queue: Promise<unknown> = Promise.resolve();
	private readonly key: string;
	private inTransaction = false;

	constructor(
		private readonly store: Store,
		private readonly con: DuckDBConnection,
		readonly scope: Scope,
		private readonly auditViews: boolean
	) {
		this.key = scopeKey(scope);
	}

	rows<N extends QueryName>(name: N, params: Params = {}): Promise<QueryRow<N>[]> {
		return this.read<QueryRow<N>>(name, params);
	}

	rowsByName(name: string, params: Params = {}): Promise<Row[]> {
		return this.read<Row>(name, params);
	}

	/** Rows of queries/<name>.sql under the scope its header declares, audited when it says so. */
	private read<T>(name: string, params: Params): Promise<T[]> {
		const query = loadQuery(name);
		return this.serial(async () => {
			await this.bind(query.scope);
			const rows = await runQuery<T>(this.con, name, params);
			if (query.audit && this.auditViews) await this.recordView(name, params, rows.length);
			return rows;
		});
	}

	/**
	 * A view of record-level rows, in the audit trail: who (the scope's reader), the route, the
	 * query and its parameters, how many rows. Written on a connection of its own, so that it is
	 * kept whatever happens to this one (a snapshot is rolled back). Without a reader (the
	 * command line, the operator's own) nothing is written.
	 */
	private async recordView(name: string, params: Params, rows: number): Promise<void> {
		const named = [params.member_state, params.ms, params.sender].find(
			(v): v is string => typeof v === 'string' && v !== ''
		);
		await this.audit({
			action: 'record_view',
			route: this.scope.reader?.route ?? '',
			filter: { query: name, ...params },
			memberStates: named ? [named] : this.scope.records,
			rows
		});
	}

	async audit(access: RecordAccess): Promise<void> {
		const reader = this.scope.reader;
		if (!reader) return;
		const con = await this.store.instance.connect();
		try {
			await auditRecordAccess(
				con,
				{ username: reader.username, apiToken: reader.apiToken },
				access
			);
		} finally {
			con.closeSync();
		}
	}

	async cachedRows<N extends QueryName>(name: N, params: Params = {}): Promise<QueryRow<N>[]> {
		return this.memo(`${name}:${JSON.stringify(params)}`, () => this.rows(name, params));
	}

	async row<N extends QueryName>(name: N, params: Params = {}): Promise<QueryRow<N> | null> {
		return (await this.rows(name, params))[0] ?? null;
	}

	async memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
		return cached(await this.version(), `${this.key}|${key}`, compute);
	}

	version(): Promise<string> {
		this.versionOnce ??= this.serial(() => dataVersion(this.con));
		return this.versionOnce;
	}

	async snapshot(): Promise<void> {
		await this.serial(async () => {
			await this.con.run('BEGIN TRANSACTION');
			this.inTransaction = true;
		});
	}

	async close(): Promise<void> {
		await this.serial(async () => {
			if (this.inTransaction) await this.con.run('ROLLBACK');
		}).catch(() => undefined);
		this.con.closeSync();
	}

	private serial<T>(run: () => Promise<T>): Promise<T> {
		const next = this.queue.then(run, run);
		this.queue = next.catch(() => undefined);
		return next;
	}

	/** Set cosi_scope for a query of this scope (only when it changes). */
	private async bind(queryScope: QueryScope): Promise<void> {
		const states: StateSet | undefined =
			queryScope === 'figures'
				? this.scope.figures
				: queryScope === 'records'
					? this.scope.records
					: undefined;
		const value = states === undefined ? 'unset' : states === null ? '*' : `[${states.join(',')}]`;
		if (value === this.bound) return;
		if (states === undefined) {
			await this.con.run('RESET VARIABLE cosi_scope');
		} else {
			const prepared = await this.con.prepare('SET VARIABLE cosi_scope = $1');
			prepared.bindList(1, states === null ? ['*'] : [...states], LIST(VARCHAR));
			await prepared.run();
		}
		this.bound = value;
	}
}
