// The account tables (users, sessions, API tokens, rate limits and the audit trail), read and
// written outside the data gate: they are not member-state data, and sign-in must work before a
// scope is known. A connection from here has no cosi_scope, so the scoped table macros of
// queries/lib refuse to run on it: it cannot be used to read figures or records around the gate.
//
// Routes use the functions of auth/, users.ts and audit.ts with it; they never run SQL themselves
// (eslint.config.js forbids routes queries.ts and the DuckDB client).
import type { DuckDBConnection } from '@duckdb/node-api';
import { openStore, resolveDbPath, type Store } from './db.ts';

/** The database the server reads (COSI_DB, else data/cosi.duckdb), opened once. */
export function accountsStore(): Promise<Store> {
	return openStore(resolveDbPath());
}

/**
 * Run `fn` with a connection of its own (closed afterwards): concurrent requests must not share
 * one DuckDB connection, whose statements would interleave.
 */
export async function withAccounts<T>(
	fn: (con: DuckDBConnection, store: Store) => Promise<T>
): Promise<T> {
	const store = await accountsStore();
	const con = await store.instance.connect();
	try {
		return await fn(con, store);
	} finally {
		con.closeSync();
	}
}
