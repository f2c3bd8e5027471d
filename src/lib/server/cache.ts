// Aggregates cached per query, parameters and data version. The data version changes with every
// new batch (and with every supersession, which only a new batch causes), so a cached figure is
// never stale; drill-down pages are not cached.
import type { DuckDBConnection } from '@duckdb/node-api';

const maxEntries = 1000;
const entries = new Map<string, Promise<unknown>>();

/** The version of the data: the newest batch id and the number of batches. */
export async function dataVersion(con: DuckDBConnection): Promise<string> {
	const r = await con.runAndReadAll(
		'SELECT coalesce(max(batch_id), 0)::INTEGER, count(*)::INTEGER FROM batch'
	);
	const [max, n] = r.getRows()[0];
	return `${Number(max)}.${Number(n)}`;
}

/** Memoise `compute` under `key` for this data version (least recently used entries go first). */
export function cached<T>(version: string, key: string, compute: () => Promise<T>): Promise<T> {
	const full = `${version}|${key}`;
	const hit = entries.get(full);
	if (hit) {
		entries.delete(full);
		entries.set(full, hit);
		return hit as Promise<T>;
	}
	const value = compute();
	entries.set(full, value);
	// A failed computation is not remembered.
	value.catch(() => entries.delete(full));
	while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
	return value;
}
