// The DuckDB store: one instance per process and file, numbered migrations, reference data.
//
// Server-only. Imported by the SvelteKit server and by the CLI (through tsx), so it uses
// relative imports and no SvelteKit virtual modules.
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, found from this file so the CLI works from any working directory. */
export const repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)));

function findRepoRoot(start: string): string {
	for (let dir = start; ; dir = dirname(dir)) {
		if (existsSync(join(dir, 'queries')) && existsSync(join(dir, 'package.json'))) return dir;
		if (dirname(dir) === dir) return process.cwd();
	}
}

export const migrationsDir = join(repoRoot, 'src/lib/server/db/migrations');
export const referenceDir = join(repoRoot, 'data/reference');
/** Shared SQL definitions (table macros) used by the named queries; re-created at every start. */
export const queryLibraryDir = join(repoRoot, 'queries/lib');
export const defaultDbPath = join(repoRoot, 'data/cosi.duckdb');

/** The database path: --db flag, else COSI_DB, else data/cosi.duckdb. */
export function resolveDbPath(flag?: string): string {
	return resolve(flag ?? process.env.COSI_DB ?? defaultDbPath);
}

/** Raised when another process holds the database file. */
export class DatabaseLockedError extends Error {
	constructor(
		readonly path: string,
		readonly holder: string
	) {
		super(
			`database ${path} is locked by another process (${holder}); stop it, or use another file with --db PATH or COSI_DB`
		);
		this.name = 'DatabaseLockedError';
	}
}

export interface Store {
	path: string;
	instance: DuckDBInstance;
	/** A connection for short reads and writes. Long work should open its own. */
	connection: DuckDBConnection;
	schemaVersion: number;
}

type StoreCache = Map<string, Promise<Store>>;
const globalKey = Symbol.for('cosi-monitor.stores');
// Kept on globalThis so a dev-server reload reuses the instance: a second instance on the
// same file in one process is unsafe (see stack notes).
const stores: StoreCache = ((globalThis as Record<symbol, unknown>)[globalKey] ??=
	new Map()) as StoreCache;

/** Open (once per process) the store at `path`, applying migrations and reference data. */
export function openStore(path: string): Promise<Store> {
	const key = resolve(path);
	let store = stores.get(key);
	if (!store) {
		store = createStore(key);
		stores.set(key, store);
		store.catch(() => stores.delete(key));
	}
	return store;
}

/** Close a store opened by openStore (tests and the CLI). */
export async function closeStore(path: string): Promise<void> {
	const key = resolve(path);
	const store = stores.get(key);
	if (!store) return;
	stores.delete(key);
	const s = await store;
	s.connection.closeSync();
	s.instance.closeSync();
}

async function createStore(path: string): Promise<Store> {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	let instance: DuckDBInstance;
	try {
		instance = await DuckDBInstance.create(path);
	} catch (e) {
		throw asLockError(e, path);
	}
	const connection = await instance.connect();
	const schemaVersion = await migrate(connection);
	await loadReferenceData(connection);
	await loadQueryLibrary(connection);
	return { path, instance, connection, schemaVersion };
}

function asLockError(e: unknown, path: string): unknown {
	const message = e instanceof Error ? e.message : String(e);
	const m = /Conflicting lock is held in (.*?)(?:\. See also|$)/s.exec(message);
	if (/Could not set lock on file/.test(message))
		return new DatabaseLockedError(path, m ? m[1].trim() : 'unknown process');
	return e;
}

/** Apply numbered migrations (NNN_name.sql) not yet recorded; returns the schema version. */
export async function migrate(con: DuckDBConnection): Promise<number> {
	await con.run(
		'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)'
	);
	const applied = new Set(
		(await con.runAndReadAll('SELECT version FROM schema_version'))
			.getRows()
			.map((r) => Number(r[0]))
	);
	const files = readdirSync(migrationsDir)
		.filter((f) => /^\d{3}_.+\.sql$/.test(f))
		.sort();
	for (const file of files) {
		const version = Number(file.slice(0, 3));
		if (applied.has(version)) continue;
		const sql = readFileSync(join(migrationsDir, file), 'utf8');
		await con.run('BEGIN TRANSACTION');
		try {
			await con.run(sql);
			await con.run(
				'INSERT INTO schema_version VALUES ($version, $name, current_timestamp::TIMESTAMP)',
				{
					version,
					name: file.replace(/\.sql$/, '')
				}
			);
			await con.run('COMMIT');
		} catch (e) {
			await con.run('ROLLBACK');
			throw new Error(`migration ${file} failed: ${e instanceof Error ? e.message : String(e)}`, {
				cause: e
			});
		}
	}
	const v = await con.runAndReadAll(
		'SELECT coalesce(max(version), 0)::INTEGER FROM schema_version'
	);
	return Number(v.getRows()[0][0]);
}

/** The reference tables and the CSV file each is loaded from. */
const referenceTables: [table: string, file: string][] = [
	['ref_actor', 'actors.csv'],
	['ref_actor_alias', 'actor_aliases.csv'],
	['ref_synonym', 'synonyms.csv'],
	['retention_rule', 'retention_rules.csv']
];

/**
 * Replace reference tables with data/reference/*.csv, so an edited rule or synonym takes
 * effect at the next start without a code change.
 */
export async function loadReferenceData(con: DuckDBConnection, dir = referenceDir): Promise<void> {
	await con.run('BEGIN TRANSACTION');
	try {
		for (const [table, file] of referenceTables) {
			const path = join(dir, file);
			await con.run(`DELETE FROM ${table}`);
			// Column names come from our own reference files; the table fixes their types.
			await con.run(
				`INSERT INTO ${table} BY NAME SELECT * FROM read_csv($path, header = true, all_varchar = true, delim = ',', quote = '"')`,
				{ path }
			);
		}
		await con.run('COMMIT');
	} catch (e) {
		await con.run('ROLLBACK');
		throw e;
	}
}

/**
 * Create the shared definitions in queries/lib/*.sql (in file-name order), e.g. a table macro
 * giving every (action, actor) pair with its latest status as of a date. They are logic, not
 * schema: re-created at every start, so an edit takes effect without a migration, and each
 * metric is defined in one place however many named queries use it.
 */
export async function loadQueryLibrary(
	con: DuckDBConnection,
	dir = queryLibraryDir
): Promise<void> {
	if (!existsSync(dir)) return;
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.sql'))
		.sort();
	for (const file of files) {
		try {
			await con.run(readFileSync(join(dir, file), 'utf8'));
		} catch (e) {
			throw new Error(`queries/lib/${file} failed: ${e instanceof Error ? e.message : String(e)}`, {
				cause: e
			});
		}
	}
}
