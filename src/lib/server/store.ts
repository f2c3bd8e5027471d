// The app's store: the database named by COSI_DB (or data/cosi.duckdb), opened once.
import type { DuckDBConnection } from '@duckdb/node-api';
import { openStore, resolveDbPath, type Store } from './db.ts';

export function getStore(): Promise<Store> {
	return openStore(resolveDbPath());
}

/**
 * Run `fn` with a connection of its own (closed afterwards): concurrent requests must not share
 * one DuckDB connection, whose statements would interleave.
 */
export async function withConnection<T>(
	fn: (con: DuckDBConnection, store: Store) => Promise<T>
): Promise<T> {
	const store = await getStore();
	const con = await store.instance.connect();
	try {
		return await fn(con, store);
	} finally {
		con.closeSync();
	}
}
