// The app's store: the database named by COSI_DB (or data/cosi.duckdb), opened once.
import { openStore, resolveDbPath, type Store } from './db.ts';

export function getStore(): Promise<Store> {
	return openStore(resolveDbPath());
}
