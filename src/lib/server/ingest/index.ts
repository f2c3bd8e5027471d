// Ingest: one file becomes one atomic batch, one import at a time per database (./writer.ts).
//
//   fingerprint (SHA-256, encoding) -> duplicate? -> read into stage_raw -> map columns by
//   profile -> validate in SQL (queries/ingest/validate_<kind>.sql) -> in one transaction:
//   batch row, accepted rows, rejected rows with reasons, supersession of earlier versions;
//   the file itself is kept beside the database once the batch has committed (../originals.ts).
//
// A file that cannot be read or lacks a required column is rejected whole and writes nothing.
import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { basename, join } from 'node:path';
import { now } from '../clock.ts';
import type { Store } from '../db.ts';
import { isIsoDate } from '../../dates.ts';
import { sweepOriginals, stageOriginal, type StagedOriginal } from '../originals.ts';
import { loadQuery } from '../queries.ts';
import { fingerprint, transcodeWindows1252 } from './encoding.ts';
import { kindSpecs, looksPersonal, normalizeHeader, type KindSpec } from './fields.ts';
import { loadProfile, ProfileError, type Profile } from './profiles.ts';
import {
	csvColumns,
	detectFormat,
	ident,
	readCsvTyped,
	readIntoStage,
	UnreadableFileError,
	type RawTable
} from './readers.ts';
import type { IngestOptions, IngestResult, RowError } from './types.ts';
import { runWrite } from './writer.ts';

export { kinds } from './types.ts';
export type { IngestOptions, IngestResult, Kind, RowError } from './types.ts';

/** With COSI_TRACE set, time each phase on stderr (for benchmarks and slow imports). */
function phase(label: string): () => void {
	if (!process.env.COSI_TRACE) return () => {};
	const start = performance.now();
	return () =>
		process.stderr.write(`cosi: ${label} ${((performance.now() - start) / 1000).toFixed(2)} s\n`);
}

/** Errors listed in a result; all of them are kept in the reject table. */
const maxListedErrors = 100;

/**
 * Import one file as one batch. Imports into the same database run one at a time, in the order
 * they were asked for (the writer queue, ./writer.ts): whether the file is a duplicate and which
 * stored rows it supersedes is decided on everything committed before it.
 */
export function ingestFile(store: Store, path: string, opts: IngestOptions): Promise<IngestResult> {
	const info = {
		file: opts.fileName ?? basename(path),
		kind: opts.kind,
		by: opts.importedBy ?? defaultUser(),
		ticket: opts.ticket
	};
	return runWrite(store.path, info, () => ingestNow(store, path, opts));
}

async function ingestNow(store: Store, path: string, opts: IngestOptions): Promise<IngestResult> {
	const spec = kindSpecs[opts.kind];
	if (!spec)
		throw new Error(
			`invalid kind: ${JSON.stringify(opts.kind)} (expected sharing, actions or retention)`
		);
	const file = opts.fileName ?? basename(path);
	const base: IngestResult = {
		batchId: null,
		kind: opts.kind,
		file,
		sha256: '',
		status: 'rejected',
		rowsRead: 0,
		rowsAccepted: 0,
		rowsRejected: 0,
		errors: [],
		warnings: []
	};
	const reject = (reason: string, detail?: string): IngestResult => ({
		...base,
		status: 'rejected',
		reason,
		...(detail ? { detail } : {})
	});
	// Reasons name the file as the user knows it, never the path it was read from (a web
	// upload's is a temporary copy); what a reader or driver said goes in `detail`.
	const named = JSON.stringify(file);

	let profile: Profile;
	try {
		profile = loadProfile(opts.profile ?? 'canonical', opts.kind);
	} catch (e) {
		if (e instanceof ProfileError) return reject(e.message);
		throw e;
	}
	const optionError = checkOptions(profile, opts.options ?? {});
	if (optionError) return reject(optionError);

	const con = await store.instance.connect();
	const scratch = mkdtempSync(join(tmpdir(), 'cosi-ingest-'));
	/** The file's copy for the originals directory: kept on commit, else discarded. */
	let original: StagedOriginal | null = null;
	try {
		const format = detectFormatSafely(path);
		if (!format) return reject(`${named} does not exist or cannot be read`);
		// Large clean CSV exports take a fast path: dates and booleans read typed (readCsvTyped).
		// Only a file whose every row is accepted keeps it; anything else is read again as text,
		// so rejected rows are always reported exactly as the file has them.
		const types =
			format === 'csv' && opts.typedRead !== false
				? await typedColumns(con, path, profile, spec, opts.options ?? {})
				: null;
		const readStage = async (from: string, typed: boolean): Promise<Staged> => {
			if (typed && types) {
				const typedDone = phase('read typed');
				try {
					const raw = await readCsvTyped(con, from, types);
					typedDone();
					return { raw, typed: true };
				} catch {
					// Some value is not a plain ISO date or boolean: the text path reports it.
					phase('typed read refused')();
				}
			}
			return { raw: await readIntoStage(con, from, format, opts.sheet), typed: false };
		};
		// Hash the file while DuckDB reads it: both take a full pass over the bytes. The read is
		// wasted only for a duplicate, and redone only for a file that is not UTF-8.
		const readDone = phase('hash + read');
		const [printResult, readResult] = await Promise.allSettled([
			fingerprint(path, opts.onProgress),
			readStage(path, true)
		]);
		if (printResult.status === 'rejected') {
			return reject(`${named} could not be read`, (printResult.reason as Error).message);
		}
		readDone();
		const print = printResult.value;
		base.sha256 = print.sha256;
		const previous = await findBatch(con, opts.kind, print.sha256);
		if (previous) {
			return {
				...base,
				...previous,
				status: 'duplicate',
				warnings: [`identical content already imported as batch ${previous.batchId}; nothing added`]
			};
		}
		// Copies an interrupted import left behind, then this file's copy (the bytes as sent,
		// before any transcoding: the bytes its SHA-256 is of).
		await sweepOriginals(store.path, async (sha) => (await findBatchBySha(con, sha)) !== null);
		original = await stageOriginal(store.path, path, print.sha256);
		const staged = original;
		let read = readResult;
		let source = path;
		if (format === 'csv' && !print.utf8) {
			// Not valid UTF-8: a Windows-1252 export (the common Dutch Excel case).
			source = join(scratch, 'utf8.csv');
			await transcodeWindows1252(path, source);
			base.warnings.push('file is not UTF-8; read as Windows-1252');
			read = await Promise.allSettled([readStage(source, false)]).then((r) => r[0]);
		}
		if (read.status === 'rejected') {
			if (read.reason instanceof UnreadableFileError) {
				return reject(`${named} ${read.reason.message}`, read.reason.detail);
			}
			throw read.reason;
		}
		const warnings = [...base.warnings];
		const importStaged = async (stagedRead: Staged, batchId: number | null) => {
			base.warnings = [...warnings];
			const raw = stagedRead.raw;
			const mapping = mapColumns(profile, spec, raw, opts.options ?? {});
			if (mapping.missing.length > 0)
				return reject(missingColumnsMessage(mapping.missing, profile, raw));
			for (const col of mapping.personal) {
				await con.run(`ALTER TABLE stage_raw DROP COLUMN ${ident(col)}`);
				base.warnings.push(
					`column ${JSON.stringify(col)} looks like personal data (a name or birth date) and was not stored`
				);
			}
			await prepareStage(con, profile, spec, raw, mapping);
			// A view, not a table: materialising every validated row costs as much as storing it.
			await con.run(
				`CREATE OR REPLACE TEMP VIEW validated AS ${loadQuery(`ingest/validate_${opts.kind}`).sql}`
			);
			return commitBatch(con, spec, {
				...base,
				format,
				// An upload is read from a temporary copy that is deleted afterwards: record only the
				// name it was sent under, not a path that will not exist.
				path: opts.fileName ? null : path,
				profile: profile.name,
				options: opts.options ?? {},
				importedBy: opts.importedBy ?? defaultUser(),
				sources: mapping.sources,
				typed: stagedRead.typed,
				batchId,
				keepOriginal: () => staged.keep()
			});
		};
		const result = await importStaged(read.value, null);
		if (!('retryAsText' in result)) return result;
		// The typed read found rows to reject: read as text and import again, under the batch id
		// already drawn (sequences do not roll back, and a gap would puzzle an auditor).
		const textDone = phase('read as text');
		const text = await readStage(source, false);
		textDone();
		const retried = await importStaged(text, result.batchId);
		if ('retryAsText' in retried) throw new Error('a text read cannot be retried');
		return retried;
	} finally {
		// Not kept (rejected, failed, or kept already: then this does nothing).
		await original?.discard().catch(() => {});
		await con
			.run(
				'DROP VIEW IF EXISTS temp.validated; DROP VIEW IF EXISTS temp.stage; DROP TABLE IF EXISTS temp.stage_raw;'
			)
			.catch(() => {});
		con.closeSync();
		rmSync(scratch, { recursive: true, force: true });
	}
}

function detectFormatSafely(path: string) {
	try {
		return detectFormat(path);
	} catch {
		return null;
	}
}

interface Staged {
	raw: RawTable;
	/** Read by readCsvTyped: some columns are DATE or BOOLEAN rather than text. */
	typed: boolean;
}

/**
 * The source columns of a CSV file that may be read typed (the kind's `typed` fields, found by
 * the profile's column names), or null when there are none or the header cannot be read. A
 * field that has a fallback value (option or profile default) stays text: the fallback is
 * applied to the text; so does one for which the profile maps values of its own.
 */
async function typedColumns(
	con: DuckDBConnection,
	path: string,
	profile: Profile,
	spec: KindSpec,
	options: Record<string, string>
): Promise<Record<string, 'DATE' | 'BOOLEAN'> | null> {
	if (!spec.typed) return null;
	let columns: string[];
	try {
		columns = await csvColumns(con, path);
	} catch {
		return null;
	}
	const mapping = mapColumns(profile, spec, { columns, extraColumns: [], rowExpr: '' }, options);
	if (mapping.missing.length > 0) return null;
	const types: Record<string, 'DATE' | 'BOOLEAN'> = {};
	for (const [field, type] of Object.entries(spec.typed)) {
		const source = mapping.sources.get(field);
		// A profile's own spellings for the field are looked up in the text path.
		const ownValues = Object.keys(profile.values[field] ?? {}).length > 0;
		if (source && !mapping.constants.has(field) && !ownValues) types[source] = type;
	}
	return Object.keys(types).length > 0 ? types : null;
}

function defaultUser(): string {
	if (process.env.COSI_USER) return process.env.COSI_USER;
	try {
		return userInfo().username;
	} catch {
		return 'unknown';
	}
}

function checkOptions(profile: Profile, options: Record<string, string>): string | null {
	for (const [name, value] of Object.entries(options)) {
		const field = profile.options[name];
		if (!field) {
			const accepted = Object.keys(profile.options);
			return `profile ${profile.name} has no option ${JSON.stringify(name)} (expected ${accepted.length ? accepted.join(', ') : 'none'})`;
		}
		if (/_on$|deadline/.test(field) && !isIsoDate(value)) {
			return `invalid ${name}: ${JSON.stringify(value)} (expected a date YYYY-MM-DD)`;
		}
	}
	return null;
}

/** Whether any batch (of any kind) has this SHA-256. */
async function findBatchBySha(con: DuckDBConnection, sha256: string): Promise<number | null> {
	const r = await con.runAndReadAll('SELECT min(batch_id) FROM batch WHERE sha256 = $sha', {
		sha: sha256
	});
	const id = r.getRows()[0]?.[0];
	return id === null || id === undefined ? null : Number(id);
}

async function findBatch(con: DuckDBConnection, kind: string, sha256: string) {
	const r = await con.runAndReadAll(
		'SELECT batch_id, rows_read, rows_accepted, rows_rejected FROM batch WHERE kind = $kind AND sha256 = $sha',
		{ kind, sha: sha256 }
	);
	const row = r.getRows()[0];
	if (!row) return null;
	return {
		batchId: Number(row[0]),
		rowsRead: Number(row[1]),
		rowsAccepted: Number(row[2]),
		rowsRejected: Number(row[3])
	};
}

interface Mapping {
	/** canonical field -> source column in stage_raw */
	sources: Map<string, string>;
	/** canonical field -> fixed value (option or profile default), used where the cell is empty */
	constants: Map<string, { value: string; from: string }>;
	missing: string[];
	personal: string[];
}

function mapColumns(
	profile: Profile,
	spec: KindSpec,
	raw: RawTable,
	options: Record<string, string>
): Mapping {
	const aliases = new Map<string, string>();
	for (const f of spec.fields) aliases.set(normalizeHeader(f), f);
	for (const [header, field] of Object.entries(profile.columns)) {
		if (spec.fields.includes(field)) aliases.set(normalizeHeader(header), field);
	}
	const sources = new Map<string, string>();
	const personal: string[] = [];
	for (const col of raw.columns) {
		const field = aliases.get(normalizeHeader(col));
		if (field && !sources.has(field)) sources.set(field, col);
		else if (!field && col !== '__source_row' && looksPersonal(col)) personal.push(col);
	}
	const constants = new Map<string, { value: string; from: string }>();
	for (const [field, value] of Object.entries(profile.defaults)) {
		if (spec.fields.includes(field))
			constants.set(field, { value, from: `profile ${profile.name}` });
	}
	for (const [name, value] of Object.entries(options)) {
		const field = profile.options[name];
		if (spec.fields.includes(field)) constants.set(field, { value, from: `--${name}` });
	}
	const derivable = new Set(profile.derive?.status && sources.has('planning') ? ['status'] : []);
	const missing = spec.required.filter(
		(f) => !sources.has(f) && !constants.has(f) && !derivable.has(f)
	);
	return { sources, constants, missing, personal };
}

function missingColumnsMessage(missing: string[], profile: Profile, raw: RawTable): string {
	const describe = (field: string) => {
		const names = Object.entries(profile.columns)
			.filter(([, f]) => f === field)
			.map(([h]) => JSON.stringify(h));
		return names.length ? `${field} (or ${names.join(', ')})` : field;
	};
	const options = Object.entries(profile.options)
		.filter(([, f]) => missing.includes(f))
		.map(([o]) => `--${o}`);
	return (
		`missing required column${missing.length > 1 ? 's' : ''} ${missing.map(describe).join(', ')} ` +
		`for profile ${profile.name}` +
		(options.length ? ` (or give ${options.join(', ')})` : '') +
		`; the file has columns: ${raw.columns.map((c) => JSON.stringify(c)).join(', ') || 'none'}`
	);
}

/**
 * Fill the temp tables the validation query reads: ingest_synonym, ingest_derive,
 * ingest_constant, and the view `stage` with one VARCHAR column per canonical field.
 */
async function prepareStage(
	con: DuckDBConnection,
	profile: Profile,
	spec: KindSpec,
	raw: RawTable,
	mapping: Mapping
): Promise<void> {
	await con.run(`
		CREATE OR REPLACE TEMP TABLE ingest_synonym (field VARCHAR, phrase VARCHAR, value VARCHAR);
		CREATE OR REPLACE TEMP TABLE ingest_derive (ord INTEGER, pattern VARCHAR, value VARCHAR, year_before BOOLEAN, else_value VARCHAR);
		CREATE OR REPLACE TEMP TABLE ingest_constant (field VARCHAR, value VARCHAR);`);
	for (const [field, map] of Object.entries(profile.values)) {
		const lookupField = synonymField(field);
		for (const [phrase, value] of Object.entries(map)) {
			await con.run('INSERT INTO ingest_synonym VALUES ($f, cosi_phrase($p), $v)', {
				f: lookupField,
				p: phrase,
				v: value
			});
		}
	}
	await con.run(loadQuery('ingest/lookups').sql);
	const rules = profile.derive?.status?.rules ?? [];
	for (const [i, rule] of rules.entries()) {
		await con.run('INSERT INTO ingest_derive VALUES ($ord, $pattern, $value, $yb, $else)', {
			ord: i,
			pattern: rule.pattern,
			value: rule.value,
			yb: rule.yearNotBefore !== undefined,
			else: rule.yearNotBefore ?? null
		});
	}
	for (const [field, c] of mapping.constants) {
		await con.run('INSERT INTO ingest_constant VALUES ($f, $v)', { f: field, v: c.value });
	}
	// Field names are ours; source column names are quoted identifiers; constant values are read
	// from ingest_constant, never spliced into the SQL.
	const fieldExprs = spec.fields.map((f) => {
		const source = mapping.sources.get(f);
		const constant = mapping.constants.has(f)
			? `(SELECT value FROM ingest_constant WHERE field = '${f}')`
			: null;
		const expr =
			source && constant
				? `coalesce(nullif(trim(${ident(source)}), ''), ${constant})`
				: source
					? ident(source)
					: (constant ?? 'NULL::VARCHAR');
		return `${expr} AS ${f}`;
	});
	const extra = raw.extraColumns.length
		? `nullif(concat_ws(', ', ${raw.extraColumns.map(ident).join(', ')}), '')`
		: 'NULL::VARCHAR';
	await con.run(`CREATE OR REPLACE TEMP VIEW stage AS
		SELECT (${raw.rowExpr})::INTEGER AS __row, rowid AS __rid, ${extra} AS __extra, ${fieldExprs.join(', ')}
		FROM stage_raw`);
}

/** Profile value maps are keyed by canonical field; lookups are keyed by value family. */
function synonymField(field: string): string {
	const families: Record<string, string> = {
		withholding_ground: 'ground',
		kind: 'record_kind',
		relevant: 'boolean',
		weighing_documented: 'boolean',
		terrorism_marker: 'boolean',
		context_provided: 'boolean',
		impact_assessed: 'boolean'
	};
	return families[field] ?? field;
}

interface CommitInfo extends IngestResult {
	format: string;
	path: string | null;
	profile: string;
	options: Record<string, string>;
	importedBy: string;
	sources: Map<string, string>;
	/** The stage was read typed: give up (retryAsText) if any row is rejected. */
	typed: boolean;
	/** The id drawn by an earlier attempt at this file, else null (draw one). */
	batchId: number | null;
	/** Keep the file as the batch's original: called once the batch has committed. */
	keepOriginal: () => Promise<void>;
}

/** A typed read found rows to reject: nothing was written; import again from text. */
interface RetryAsText {
	retryAsText: true;
	batchId: number;
}

async function commitBatch(
	con: DuckDBConnection,
	spec: KindSpec,
	info: CommitInfo
): Promise<IngestResult | RetryAsText> {
	const rowsRead = Number(
		(await con.runAndReadAll('SELECT count(*)::INTEGER FROM stage_raw')).getRows()[0][0]
	);
	if (rowsRead === 0)
		return { ...stripCommitInfo(info), status: 'rejected', reason: 'the file has no data rows' };

	await con.run('BEGIN TRANSACTION');
	try {
		const batchId =
			info.batchId ??
			Number((await con.runAndReadAll("SELECT nextval('batch_id_seq')::INTEGER")).getRows()[0][0]);
		// Counts are filled in below, inside the same transaction.
		await con.run(
			`INSERT INTO batch (batch_id, kind, file_name, file_path, file_format, sha256, profile, options,
				imported_at, imported_by, rows_read, rows_accepted, rows_rejected, warnings)
			VALUES ($id, $kind, $file, $path, $format, $sha, $profile, $options,
				$at::TIMESTAMP, $by, $read, 0, 0, $warnings)`,
			{
				id: batchId,
				kind: info.kind,
				file: info.file,
				path: info.path,
				format: info.format,
				sha: info.sha256,
				profile: info.profile,
				options: JSON.stringify(info.options),
				// In UTC, from the one clock (tests set it): imported_at is shown as UTC.
				at: now().toISOString(),
				by: info.importedBy,
				read: rowsRead,
				warnings: JSON.stringify(info.warnings)
			}
		);
		// Validation is a view; it is evaluated once for the accepted rows and, only when some
		// rows failed, once more for the rejects (materialising it would cost as much as storing).
		const cols = spec.fields.join(', ');
		const insertDone = phase('validate + insert');
		// The insert reports how many rows it stored: no count over the new rows afterwards.
		const inserted = await withoutFilterPushdown(con, () =>
			con.run(
				`INSERT INTO ${spec.table} (batch_id, source_row, ${cols})
				SELECT $id, __row, ${cols} FROM validated WHERE __errors IS NULL`,
				{ id: batchId }
			)
		);
		const rowsAccepted = inserted.rowsChanged;
		insertDone();
		const rowsRejected = rowsRead - rowsAccepted;
		if (info.typed && rowsRejected > 0) {
			await con.run('ROLLBACK');
			return { retryAsText: true, batchId };
		}
		const rejectsDone = phase('rejects');
		if (rowsRejected > 0) await storeRejects(con, batchId, info.sources);
		rejectsDone();
		const supersedeDone = phase('supersede');
		const superseded = await supersede(con, spec, batchId);
		supersedeDone();
		await con.run(
			'UPDATE batch SET rows_accepted = $accepted, rows_rejected = $rejected, rows_superseded = $superseded WHERE batch_id = $id',
			{ accepted: rowsAccepted, rejected: rowsRejected, superseded, id: batchId }
		);
		await pauseForTests();
		const commitDone = phase('commit');
		await con.run('COMMIT');
		commitDone();
		// The batch stands whatever happens to its copy: a copy that cannot be renamed is reported,
		// and its download then answers that the original is not kept.
		await info.keepOriginal().catch((e: unknown) => {
			info.warnings.push(
				`the original file could not be kept: ${e instanceof Error ? e.message : String(e)}`
			);
		});
		const errors = await listErrors(con, batchId);
		return {
			...stripCommitInfo(info),
			batchId,
			status: rowsRejected > 0 ? 'partial' : 'accepted',
			rowsRead,
			rowsAccepted,
			rowsRejected,
			errors
		};
	} catch (e) {
		await con.run('ROLLBACK').catch(() => {});
		throw e;
	}
}

/**
 * Pushing "no errors" down into the validation inlines every parsed value into one filter
 * expression many times over: measured 2.3x slower at 10^6 rows. The setting is global in
 * DuckDB, so it is switched off only around the one statement and restored at once; queries
 * running meanwhile stay correct, merely unoptimised.
 */
async function withoutFilterPushdown<T>(con: DuckDBConnection, fn: () => Promise<T>): Promise<T> {
	const before = String(
		(await con.runAndReadAll("SELECT current_setting('disabled_optimizers')")).getRows()[0][0] ?? ''
	);
	const disabled = [...new Set([...before.split(',').filter(Boolean), 'filter_pushdown'])].join(
		','
	);
	await con.run(`SET disabled_optimizers = '${disabled}'`);
	try {
		return await fn();
	} finally {
		await con.run(before ? `SET disabled_optimizers = '${before}'` : 'RESET disabled_optimizers');
	}
}

/** Store every error of every rejected row, with the whole row as read. */
async function storeRejects(con: DuckDBConnection, batchId: number, sources: Map<string, string>) {
	// The user sees their own column names in errors; `col` is the canonical field.
	await con.run('CREATE OR REPLACE TEMP TABLE ingest_source (field VARCHAR, source VARCHAR)');
	for (const [field, source] of sources) {
		await con.run('INSERT INTO ingest_source VALUES ($f, $s)', { f: field, s: source });
	}
	await con.run(
		`INSERT INTO reject (batch_id, row_number, column_name, value, message, raw)
		SELECT $id, v.__row, coalesce(s.source, e.col), e.val,
			CASE WHEN s.source IS NOT NULL AND s.source <> e.col THEN e.col || ': ' ELSE '' END || e.msg,
			to_json(r)::VARCHAR
		FROM (SELECT __row, __rid, unnest(__errors) AS e FROM validated WHERE __errors IS NOT NULL) v
		JOIN stage_raw r ON r.rowid = v.__rid
		LEFT JOIN ingest_source s ON s.field = v.e.col`,
		{ id: batchId }
	);
}

function stripCommitInfo(info: CommitInfo): IngestResult {
	return {
		batchId: info.batchId,
		kind: info.kind,
		file: info.file,
		sha256: info.sha256,
		status: info.status,
		rowsRead: info.rowsRead,
		rowsAccepted: info.rowsAccepted,
		rowsRejected: info.rowsRejected,
		errors: info.errors,
		warnings: info.warnings
	};
}

/** Mark earlier current rows with the same key as superseded by this batch; returns how many. */
async function supersede(con: DuckDBConnection, spec: KindSpec, batchId: number): Promise<number> {
	const earlier = await con.runAndReadAll(
		`SELECT EXISTS (SELECT 1 FROM ${spec.table} WHERE batch_id <> $id AND superseded_by IS NULL)`,
		{ id: batchId }
	);
	// Nothing stored before this batch: nothing to supersede (skips a join over the new rows).
	if (earlier.getRows()[0][0] !== true) return 0;
	const join = spec.key.map((k) => `t.${k} = n.${k}`).join(' AND ');
	const r = await con.runAndReadAll(
		`UPDATE ${spec.table} AS t SET superseded_by = $id
		FROM (SELECT ${spec.key.join(', ')} FROM ${spec.table} WHERE batch_id = $id) AS n
		WHERE t.superseded_by IS NULL AND t.batch_id <> $id AND ${join}
		RETURNING 1`,
		{ id: batchId }
	);
	return r.getRows().length;
}

async function listErrors(con: DuckDBConnection, batchId: number): Promise<RowError[]> {
	const r = await con.runAndReadAll(
		`SELECT row_number, column_name, value, message FROM reject WHERE batch_id = $id
		ORDER BY row_number, column_name NULLS FIRST LIMIT ${maxListedErrors}`,
		{ id: batchId }
	);
	return r.getRowObjectsJson().map((e) => ({
		row: Number(e.row_number),
		column: e.column_name as string | null,
		value: e.value as string | null,
		message: e.message as string
	}));
}

/**
 * Lets the atomicity test kill the process at the worst moment (everything written, nothing
 * committed) without depending on timing: with COSI_TEST_PAUSE_BEFORE_COMMIT set, announce
 * the pause on stderr and wait to be killed.
 */
async function pauseForTests(): Promise<void> {
	if (!process.env.COSI_TEST_PAUSE_BEFORE_COMMIT) return;
	process.stderr.write('cosi: paused before commit\n');
	// A pending promise alone would let Node exit; a timer keeps the process (and its open
	// transaction) alive until it is killed.
	await new Promise(() => setInterval(() => {}, 60_000));
}
