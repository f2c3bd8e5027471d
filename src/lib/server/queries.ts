// Named queries: queries/<name>.sql, one query per file, called by name from TypeScript.
//
// A query file starts with a header comment. Parameters are declared there, one per line:
//   -- @param as_of DATE  the as-of date D
//   -- @param from DATE?  optional: start of the period (NULL when not given)
// The SQL refers to them as $as_of, $from. A trailing "?" marks a parameter that may be null;
// it must still be passed (as null) so that a misspelt name is caught rather than ignored.
// Every query also declares which member-state scope the data gate (data.ts) applies to it:
//   -- @scope figures   aggregates and action statuses (a reviewer sees every state's)
//   -- @scope records   record-level rows and import contents
//   -- @scope none      reference data only (scoped table macros then fail: no scope is set)
// A query that lists record-level rows to a reader also says so, and the gate then writes each
// read of it to the audit trail (data.ts):
//   -- @audit record_view
import type { DuckDBConnection, DuckDBType } from '@duckdb/node-api';
import { DuckDBTypeId, dateValue } from '@duckdb/node-api';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isIsoDate, MAX_YEAR, MIN_YEAR } from '../dates.ts';
import { repoRoot } from './db.ts';

export const queriesDir = join(repoRoot, 'queries');

export type ParamType = 'DATE' | 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN';
export type ParamValue = string | number | boolean | null;
/** A result row; nested DuckDB values (LIST, STRUCT) come back as JSON arrays and objects. */
export type Row = Record<string, unknown>;

export interface ParamSpec {
	name: string;
	type: ParamType;
	optional: boolean;
	description: string;
}

/** Which of the caller's state sets a query is read under (scope.ts). */
export type QueryScope = 'figures' | 'records' | 'none';
const queryScopes = new Set<QueryScope>(['figures', 'records', 'none']);

export interface NamedQuery {
	name: string;
	sql: string;
	params: ParamSpec[];
	scope: QueryScope;
	/** Whether a read of it is a view of record-level rows, written to the audit trail. */
	audit: boolean;
	/** The header comment, without the comment markers. */
	description: string;
}

const paramTypes = new Set<ParamType>(['DATE', 'VARCHAR', 'INTEGER', 'DOUBLE', 'BOOLEAN']);
const cache = new Map<string, NamedQuery>();

/** Names of all queries in queries/. */
export function listQueries(): string[] {
	return readdirSync(queriesDir)
		.filter((f) => f.endsWith('.sql'))
		.map((f) => f.slice(0, -4))
		.sort();
}

/** Load and parse queries/<name>.sql (cached). */
export function loadQuery(name: string): NamedQuery {
	const hit = cache.get(name);
	if (hit) return hit;
	if (!/^([a-z][a-z0-9_]*\/)?[a-z][a-z0-9_]*$/.test(name)) {
		throw new Error(
			`invalid query name: ${JSON.stringify(name)} (expected snake_case, optionally in one folder: ingest/name)`
		);
	}
	let sql: string;
	try {
		sql = readFileSync(join(queriesDir, `${name}.sql`), 'utf8');
	} catch {
		throw new Error(`unknown query: ${JSON.stringify(name)} (no file queries/${name}.sql)`);
	}
	const query = parseQuery(name, sql);
	cache.set(name, query);
	return query;
}

export function parseQuery(name: string, sql: string): NamedQuery {
	const header: string[] = [];
	for (const line of sql.split('\n')) {
		if (!line.startsWith('--')) break;
		header.push(line.replace(/^--\s?/, ''));
	}
	const params: ParamSpec[] = [];
	const scopes = header.map((l) => /^@scope\s+(\S+)/.exec(l.trim())?.[1]).filter((x) => x);
	if (scopes.length !== 1 || !queryScopes.has(scopes[0] as QueryScope)) {
		throw new Error(
			`queries/${name}.sql must declare its scope once: -- @scope ${[...queryScopes].join('|')} (found ${scopes.length === 0 ? 'none' : JSON.stringify(scopes.join(' '))})`
		);
	}
	const audits = header
		.map((l) => /^@audit\b\s*(\S*)/.exec(l.trim())?.[1])
		.filter((x) => x !== undefined);
	if (audits.length > 1 || (audits.length === 1 && audits[0] !== 'record_view')) {
		throw new Error(
			`queries/${name}.sql: invalid @audit header ${JSON.stringify(audits.join(' '))} (expected at most one: -- @audit record_view)`
		);
	}
	if (audits.length === 1 && scopes[0] !== 'records') {
		throw new Error(`queries/${name}.sql: -- @audit record_view needs -- @scope records`);
	}
	for (const line of header) {
		const m = /^@param\s+([a-z_][a-z0-9_]*)\s+([A-Z]+)(\?)?\s*(.*)$/.exec(line.trim());
		if (!m) continue;
		const type = m[2] as ParamType;
		if (!paramTypes.has(type)) {
			throw new Error(
				`queries/${name}.sql: invalid parameter type ${JSON.stringify(m[2])} for $${m[1]} (expected one of ${[...paramTypes].join(', ')})`
			);
		}
		params.push({ name: m[1], type, optional: m[3] === '?', description: m[4] });
	}
	const used = new Set(
		[...sql.replace(/--.*$/gm, '').matchAll(/\$([a-z_][a-z0-9_]*)/g)].map((m) => m[1])
	);
	for (const u of used) {
		if (!params.some((p) => p.name === u))
			throw new Error(`queries/${name}.sql uses $${u} but does not declare it with @param`);
	}
	if (header.length === 0) throw new Error(`queries/${name}.sql has no header comment`);
	return {
		name,
		sql,
		params,
		scope: scopes[0] as QueryScope,
		audit: audits.length === 1,
		description: header
			.filter((l) => !/^@(param|scope|audit)\b/.test(l.trim()))
			.join('\n')
			.trim()
	};
}

/** Check that `given` matches the declared parameters exactly; returns the values to bind. */
export function checkParams(
	query: NamedQuery,
	given: Record<string, ParamValue | undefined>
): Record<string, ParamValue> {
	const declared = new Map(query.params.map((p) => [p.name, p]));
	for (const key of Object.keys(given)) {
		if (!declared.has(key)) {
			throw new Error(
				`query ${query.name}: unknown parameter ${JSON.stringify(key)} (declared: ${query.params.map((p) => p.name).join(', ') || 'none'})`
			);
		}
	}
	const values: Record<string, ParamValue> = {};
	for (const p of query.params) {
		const v = given[p.name];
		if (v === undefined || v === null) {
			if (!p.optional)
				throw new Error(
					`query ${query.name}: missing parameter ${JSON.stringify(p.name)} (${p.type})`
				);
			values[p.name] = null;
			continue;
		}
		values[p.name] = coerceParam(query.name, p, v);
	}
	return values;
}

function coerceParam(queryName: string, p: ParamSpec, v: ParamValue): ParamValue {
	const bad = (expected: string) =>
		new Error(`query ${queryName}: invalid ${p.name}: ${JSON.stringify(v)} (expected ${expected})`);
	switch (p.type) {
		case 'DATE':
			if (typeof v !== 'string' || !isIsoDate(v))
				throw bad(`a date YYYY-MM-DD from ${MIN_YEAR} to ${MAX_YEAR}`);
			return v;
		case 'INTEGER':
			if (typeof v !== 'number' || !Number.isInteger(v)) throw bad('an integer');
			return v;
		case 'DOUBLE':
			if (typeof v !== 'number' || !Number.isFinite(v)) throw bad('a number');
			return v;
		case 'BOOLEAN':
			if (typeof v !== 'boolean') throw bad('true or false');
			return v;
		case 'VARCHAR':
			if (typeof v !== 'string') throw bad('a string');
			return v;
	}
}

/**
 * Run a named query and return typed rows: integers and decimals as numbers, dates as
 * YYYY-MM-DD strings, booleans as booleans, NULL as null.
 */
export async function runQuery<T = Row>(
	con: DuckDBConnection,
	name: string,
	params: Record<string, ParamValue | undefined> = {}
): Promise<T[]> {
	const reader = await execute(con, name, params);
	return toRows(reader.columnNames(), reader.columnTypes(), reader.getRowObjectsJson()) as T[];
}

/** The names of the columns a named query returns (run with `params`), in order. */
export async function resultColumns(
	con: DuckDBConnection,
	name: string,
	params: Record<string, ParamValue | undefined> = {}
): Promise<string[]> {
	return (await execute(con, name, params)).columnNames();
}

async function execute(
	con: DuckDBConnection,
	name: string,
	params: Record<string, ParamValue | undefined>
) {
	const query = loadQuery(name);
	const values = checkParams(query, params);
	const prepared = await con.prepare(query.sql);
	for (const p of query.params) {
		const v = values[p.name];
		const index = prepared.parameterIndex(p.name);
		if (v === null) prepared.bindNull(index);
		else if (p.type === 'DATE') prepared.bindDate(index, toDateValue(v as string));
		else if (p.type === 'INTEGER') prepared.bindInteger(index, v as number);
		else if (p.type === 'DOUBLE') prepared.bindDouble(index, v as number);
		else if (p.type === 'BOOLEAN') prepared.bindBoolean(index, v as boolean);
		else prepared.bindVarchar(index, v as string);
	}
	return prepared.runAndReadAll();
}

function toDateValue(iso: string) {
	const [year, month, day] = iso.split('-').map(Number);
	return dateValue({ year, month, day });
}

const numericTypes = new Set<DuckDBTypeId>([
	DuckDBTypeId.TINYINT,
	DuckDBTypeId.SMALLINT,
	DuckDBTypeId.INTEGER,
	DuckDBTypeId.BIGINT,
	DuckDBTypeId.HUGEINT,
	DuckDBTypeId.UTINYINT,
	DuckDBTypeId.USMALLINT,
	DuckDBTypeId.UINTEGER,
	DuckDBTypeId.UBIGINT,
	DuckDBTypeId.UHUGEINT,
	DuckDBTypeId.FLOAT,
	DuckDBTypeId.DOUBLE,
	DuckDBTypeId.DECIMAL
]);

/** Convert DuckDB JSON rows to plain typed rows (see runQuery). */
export function toRows(
	names: string[],
	types: DuckDBType[],
	rows: Record<string, unknown>[]
): Row[] {
	const numeric = names.filter((_, i) => numericTypes.has(types[i].typeId));
	return rows.map((r) => {
		const out = r as Row;
		for (const n of numeric) {
			const v = r[n];
			// Non-finite doubles (NaN, Infinity) come back as strings; a figure with a zero
			// denominator should be null, never NaN.
			if (v !== null && v !== undefined) {
				const num = Number(v);
				out[n] = Number.isFinite(num) ? num : null;
			}
		}
		return out;
	});
}
