// Readers: each format becomes the temp table `stage_raw`, one VARCHAR column per source
// column, one row per record in file order. DuckDB reads CSV, JSON and Parquet itself; Arrow
// IPC (no offline DuckDB extension) and XLSX are read in JS, streaming (a record batch or a
// row at a time, never the whole file), and appended.
import type { DuckDBConnection } from '@duckdb/node-api';
import {
	DataType,
	RecordBatchReader,
	type AsyncRecordBatchFileReader,
	type AsyncRecordBatchStreamReader,
	type Field,
	type RecordBatch
} from 'apache-arrow';
import ExcelJS from 'exceljs';
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';

export const formats = ['csv', 'ndjson', 'json', 'parquet', 'arrow', 'xlsx'] as const;
export type Format = (typeof formats)[number];

/**
 * A file DuckDB or our readers cannot read at all: the whole file is rejected. `message` says
 * what is wrong in words, to follow the file's name ("is not a readable Parquet file"); it never
 * holds a path or a driver's message, which go in `detail`, for the log (and the CLI) only.
 */
export class UnreadableFileError extends Error {
	constructor(
		message: string,
		readonly detail?: string
	) {
		super(message);
		this.name = 'UnreadableFileError';
	}
}

const formatNames: Record<Format, string> = {
	csv: 'CSV file (text with a header row, separated by commas or semicolons)',
	ndjson: 'NDJSON file (one JSON object per line)',
	json: 'JSON file (an array of objects)',
	parquet: 'Parquet file',
	arrow: 'Arrow IPC file',
	xlsx: 'XLSX workbook'
};

/** The file is not `format` at all; `cause` (a driver's error) becomes the detail. */
function unreadable(format: Format, cause: unknown): UnreadableFileError {
	return new UnreadableFileError(`is not a readable ${formatNames[format]}`, duckdbMessage(cause));
}

export interface RawTable {
	/** SQL expression, over stage_raw, for the row number as the user counts it. */
	rowExpr: string;
	/** Source column names in file order (excluding the row-number helper column). */
	columns: string[];
	/** Columns DuckDB added for fields beyond the header (CSV null padding). */
	extraColumns: string[];
}

/** Format by extension, else by the first bytes. */
export function detectFormat(path: string): Format {
	const ext = extname(path).toLowerCase();
	const byExt: Record<string, Format> = {
		'.csv': 'csv',
		'.tsv': 'csv',
		'.txt': 'csv',
		'.ndjson': 'ndjson',
		'.jsonl': 'ndjson',
		'.parquet': 'parquet',
		'.arrow': 'arrow',
		'.arrows': 'arrow',
		'.ipc': 'arrow',
		'.feather': 'arrow',
		'.xlsx': 'xlsx'
	};
	const head = readHead(path, 8);
	if (ext === '.json') return firstNonSpace(path) === '[' ? 'json' : 'ndjson';
	if (byExt[ext]) return byExt[ext];
	if (head.subarray(0, 4).toString('latin1') === 'PAR1') return 'parquet';
	if (head.subarray(0, 6).toString('latin1') === 'ARROW1') return 'arrow';
	if (head.subarray(0, 4).equals(Buffer.from([0xff, 0xff, 0xff, 0xff]))) return 'arrow';
	if (head.subarray(0, 2).toString('latin1') === 'PK') return 'xlsx';
	const c = firstNonSpace(path);
	if (c === '[') return 'json';
	if (c === '{') return 'ndjson';
	return 'csv';
}

function readHead(path: string, n: number): Buffer {
	const fd = openSync(path, 'r');
	try {
		const buf = Buffer.alloc(n);
		const got = readSync(fd, buf, 0, n, 0);
		return buf.subarray(0, got);
	} finally {
		closeSync(fd);
	}
}

function firstNonSpace(path: string): string {
	const s = readHead(path, 4096)
		.toString('utf8')
		.replace(/^\uFEFF/, '');
	return s.trimStart().charAt(0);
}

/** Quote an identifier taken from a file header: DuckDB cannot bind identifiers. */
export function ident(name: string): string {
	return `"${name.replace(/"/g, '""')}"`;
}

async function describeColumns(con: DuckDBConnection, table: string): Promise<string[]> {
	const r = await con.runAndReadAll(
		`SELECT column_name FROM duckdb_columns() WHERE table_name = $t AND database_name = 'temp' ORDER BY column_index`,
		{ t: table }
	);
	return r.getRows().map((row) => String(row[0]));
}

function duckdbMessage(e: unknown): string {
	const m = e instanceof Error ? e.message : String(e);
	return m
		.split('\n')
		.filter((l) => l.trim() && !/^LINE \d+:|^\s*\^/.test(l))
		.slice(0, 6)
		.join('\n');
}

/** Read `path` into temp table stage_raw. */
export async function readIntoStage(
	con: DuckDBConnection,
	path: string,
	format: Format,
	sheet?: string
): Promise<RawTable> {
	await con.run('DROP TABLE IF EXISTS stage_raw');
	switch (format) {
		case 'csv':
			return readCsv(con, path);
		case 'ndjson':
		case 'json':
			return readDuckdb(
				con,
				`read_json($path, format = '${format === 'json' ? 'array' : 'newline_delimited'}', sample_size = -1)`,
				path,
				format
			);
		case 'parquet':
			return readDuckdb(con, 'read_parquet($path)', path, format);
		case 'arrow':
			return readArrow(con, path);
		case 'xlsx':
			return readXlsx(con, path, sheet);
	}
}

/** Run a DuckDB read; its failure means the file cannot be read, so the file is rejected. */
async function duckdbRead(
	con: DuckDBConnection,
	sql: string,
	path: string,
	format: Format,
	run: () => Promise<unknown> = () => con.run(sql, { path })
) {
	try {
		await run();
	} catch (e) {
		throw unreadable(format, e);
	}
}

async function readCsv(con: DuckDBConnection, path: string): Promise<RawTable> {
	// all_varchar: every value is validated by our own rules (dates in either order, decimal
	// commas, ja/nee), not guessed by the sniffer. null_padding keeps short rows as rows (their
	// missing fields are then reported per row) and gives overlong rows extra columns, so file
	// order and row numbers stay intact.
	const read = (parallel: boolean) =>
		con.run(
			`CREATE TEMP TABLE stage_raw AS SELECT * FROM read_csv($path, header = true, all_varchar = true, null_padding = true, parallel = ${parallel})`,
			{ path }
		);
	try {
		await read(true);
	} catch (e) {
		// Multi-line quoted cells (state-of-play texts) with null padding need the serial reader;
		// the parallel one is kept for the large single-line logs.
		if (!/does not support null_padding in conjunction with quoted new lines/.test(String(e))) {
			throw unreadable('csv', e);
		}
		await con.run('DROP TABLE IF EXISTS stage_raw');
		await duckdbRead(con, '', path, 'csv', () => read(false));
	}
	const columns = await describeColumns(con, 'stage_raw');
	const header = readHeaderNames(columns);
	return {
		rowExpr: 'rowid + 2',
		columns: header.named,
		extraColumns: header.extra
	};
}

/** The header of a CSV file as DuckDB reads it (column names after its own de-duplication). */
export async function csvColumns(con: DuckDBConnection, path: string): Promise<string[]> {
	try {
		const r = await con.runAndReadAll(
			'DESCRIBE SELECT * FROM read_csv($path, header = true, all_varchar = true, null_padding = true)',
			{ path }
		);
		return readHeaderNames(r.getRows().map((row) => String(row[0]))).named;
	} catch (e) {
		throw unreadable('csv', e);
	}
}

/** A string literal for DuckDB (header names are not bindable inside a struct of types). */
function literal(text: string): string {
	return `'${text.replace(/'/g, "''")}'`;
}

/**
 * The fast path for large, clean exports: read some columns typed (`types`: source column ->
 * DATE or BOOLEAN) instead of as text, so DuckDB's reader parses them and validation has
 * nothing left to do for them. Dates must be exactly %Y-%m-%d (the first format the text path
 * tries, so a date read here is the date the text path would give); booleans are the spellings
 * DuckDB accepts (true/false, t/f, yes/no, y/n, 1/0 in any case), all of which the reference
 * synonyms map the same way. Any other value fails the whole read: the caller then reads the
 * file as text, which reports each bad value by row.
 */
export async function readCsvTyped(
	con: DuckDBConnection,
	path: string,
	types: Record<string, 'DATE' | 'BOOLEAN'>
): Promise<RawTable> {
	await con.run('DROP TABLE IF EXISTS stage_raw');
	const struct = Object.entries(types)
		.map(([column, type]) => `${literal(column)}: ${literal(type)}`)
		.join(', ');
	await con.run(
		`CREATE TEMP TABLE stage_raw AS SELECT * FROM read_csv($path, header = true, all_varchar = true,
			types = {${struct}}, dateformat = '%Y-%m-%d', null_padding = true, parallel = true)`,
		{ path }
	);
	const header = readHeaderNames(await describeColumns(con, 'stage_raw'));
	return { rowExpr: 'rowid + 2', columns: header.named, extraColumns: header.extra };
}

/** Columns DuckDB named columnN itself (no header text): padding or unnamed columns. */
function readHeaderNames(columns: string[]) {
	const extra = columns.filter((c) => /^column\d+$/.test(c));
	return { named: columns.filter((c) => !extra.includes(c)), extra };
}

async function readDuckdb(
	con: DuckDBConnection,
	source: string,
	path: string,
	format: Format
): Promise<RawTable> {
	// Every column as text, so validation treats all formats alike; dates become YYYY-MM-DD.
	await duckdbRead(
		con,
		`CREATE TEMP TABLE stage_raw AS SELECT COLUMNS(*)::VARCHAR FROM ${source}`,
		path,
		format
	);
	return {
		rowExpr: 'rowid + 1',
		columns: await describeColumns(con, 'stage_raw'),
		extraColumns: []
	};
}

async function createVarcharTable(con: DuckDBConnection, columns: string[], withRow: boolean) {
	const cols = columns.map((c) => `${ident(c)} VARCHAR`);
	if (withRow) cols.push('__source_row INTEGER');
	await con.run(`CREATE TEMP TABLE stage_raw (${cols.join(', ')})`);
	return con.createAppender('stage_raw', 'main', 'temp');
}

function arrowValueToText(value: unknown, type: DataType): string | null {
	if (value === null || value === undefined) return null;
	if (DataType.isDate(type) || DataType.isTimestamp(type)) {
		const d = value instanceof Date ? value : new Date(Number(value));
		return DataType.isDate(type) ? d.toISOString().slice(0, 10) : d.toISOString();
	}
	if (typeof value === 'object' && !(value instanceof Date))
		return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
	return typeof value === 'string' ? value : (value as number | boolean | bigint).toString();
}

/**
 * Arrow IPC, one record batch at a time: a file (random access, through a file handle, so that
 * only the footer and the batch being read are in memory) or a stream. What JS holds at once is
 * one record batch, as the writer of the file cut them.
 */
async function readArrow(con: DuckDBConnection, path: string): Promise<RawTable> {
	const handle = await open(path, 'r');
	try {
		let reader: AsyncRecordBatchFileReader | AsyncRecordBatchStreamReader;
		try {
			reader = await RecordBatchReader.from(handle);
			await reader.open();
		} catch (e) {
			throw unreadable('arrow', e);
		}
		if (!reader.schema) throw unreadable('arrow', 'no schema');
		const fields: Field[] = reader.schema.fields;
		const columns = fields.map((f) => f.name);
		const appender = await createVarcharTable(con, columns, false);
		const batches = reader[Symbol.asyncIterator]();
		for (;;) {
			let next: IteratorResult<RecordBatch>;
			try {
				next = await batches.next();
			} catch (e) {
				throw unreadable('arrow', e);
			}
			if (next.done) break;
			const batch = next.value;
			const vectors = fields.map((_, i) => batch.getChildAt(i));
			for (let r = 0; r < batch.numRows; r++) {
				for (let c = 0; c < fields.length; c++) {
					const text = arrowValueToText(vectors[c]?.get(r), fields[c].type as DataType);
					if (text === null) appender.appendNull();
					else appender.appendVarchar(text);
				}
				appender.endRow();
			}
		}
		appender.closeSync();
		return { rowExpr: 'rowid + 1', columns, extraColumns: [] };
	} finally {
		await handle.close();
	}
}

/**
 * A cell holding the workbook's shared string n reads as this mark followed by n, until its
 * text is looked up in xlsx_strings (stageSheet, a batch of rows at a time): the shared strings,
 * one per distinct text of the whole workbook, stay in DuckDB, not in JS. No cell text can hold
 * U+0001: XML 1.0 does not allow it (Excel writes _x0001_).
 */
const sharedMark = '\u0001';

function cellText(value: ExcelJS.CellValue): string | null {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) {
		// Excel stores dates as serial days; exceljs gives midnight UTC for date-only cells.
		const iso = value.toISOString();
		return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
	}
	if (typeof value === 'object') {
		if ('sharedString' in value) return `${sharedMark}${String(value.sharedString)}`;
		if ('richText' in value) return value.richText.map((t) => t.text).join('');
		if ('result' in value) return cellText(value.result);
		if ('text' in value) return String(value.text);
		if ('error' in value) return String(value.error);
		return JSON.stringify(value);
	}
	return String(value);
}

/** A worksheet as exceljs's streaming reader gives it: its rows, in file order. */
interface StreamedSheet extends AsyncIterable<ExcelJS.Row> {
	name: string;
}

/**
 * What WorkbookReader.parse() yields (exceljs 4.4.0, pinned): a worksheet as
 * `{eventType: 'worksheet', value}`, and with `sharedStrings: 'emit'` each shared string as
 * `{index, text}` (text: a string, rich text, or null for an empty one).
 */
type WorkbookItem =
	| { eventType: string; value: unknown }
	| { index: number; text: string | { richText: { text: string }[] } | null };

/** The workbook's sheet names in tab order (from xl/workbook.xml), once it has been read. */
function sheetNames(reader: ExcelJS.stream.xlsx.WorkbookReader): string[] | null {
	const model = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model;
	return model?.sheets ? model.sheets.map((s) => s.name) : null;
}

/**
 * XLSX, row by row (exceljs's streaming WorkbookReader): JS holds one row at a time and the
 * styles (to tell dates from numbers); the shared strings go to the temp table xlsx_strings as
 * they are read. With shared strings emitted, exceljs unpacks every sheet to a temporary file
 * first and reads it after the shared strings (which Excel stores after the sheets); it removes
 * each file once read. Row numbers are Excel's; the header is row 1. Every sheet is read to its
 * end, so that exceljs removes all its temporary files, also when the sheet wanted fails.
 */
async function readXlsx(
	con: DuckDBConnection,
	path: string,
	sheetName?: string
): Promise<RawTable> {
	const input = createReadStream(path);
	const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
		worksheets: 'emit',
		sharedStrings: 'emit',
		styles: 'cache',
		hyperlinks: 'ignore',
		entries: 'ignore'
	});
	await con.run('CREATE OR REPLACE TEMP TABLE xlsx_strings (i INTEGER, s VARCHAR)');
	const strings = await con.createAppender('xlsx_strings', 'main', 'temp');
	let stringsOpen = true;
	const closeStrings = () => {
		if (stringsOpen) strings.closeSync();
		stringsOpen = false;
	};
	const emitted: string[] = [];
	let table: RawTable | null = null;
	// Assigned in a callback, which TypeScript's flow analysis cannot see.
	let failure = null as Error | null;
	try {
		for await (const item of reader.parse() as unknown as AsyncIterable<WorkbookItem>) {
			if ('index' in item) {
				const text =
					typeof item.text === 'object' && item.text !== null
						? item.text.richText.map((t) => t.text).join('')
						: item.text;
				strings.appendInteger(item.index);
				if (text === null) strings.appendNull();
				else strings.appendVarchar(text);
				strings.endRow();
				continue;
			}
			if (item.eventType !== 'worksheet') continue;
			// Every shared string has been read before the first sheet (see above).
			closeStrings();
			const sheet = item.value as StreamedSheet;
			emitted.push(sheet.name);
			const first = sheetNames(reader)?.[0] ?? emitted[0];
			const wanted = table === null && failure === null && sheet.name === (sheetName ?? first);
			if (!wanted) {
				for await (const row of sheet) void row;
				continue;
			}
			try {
				table = await stageSheet(con, sheet);
			} catch (e) {
				// Read the rest, then report: exceljs removes its temporary files as it goes.
				failure = e instanceof Error ? e : new Error(String(e));
			}
		}
	} catch (e) {
		throw unreadable('xlsx', e);
	} finally {
		input.destroy();
		closeStrings();
	}
	if (failure) throw failure;
	if (!table) {
		const names = sheetNames(reader) ?? emitted;
		throw new UnreadableFileError(
			sheetName
				? `has no sheet named ${JSON.stringify(sheetName)} (the workbook has ${names.map((n) => JSON.stringify(n)).join(', ')})`
				: 'has no sheets'
		);
	}
	await con.run('DROP TABLE xlsx_strings');
	return table;
}

/** Rows read before their shared strings are looked up and they are appended. */
const xlsxBatchRows = 4096;

/**
 * Shared strings looked up lately, by id, at most this many: the codes a column repeats are
 * looked up once, and JS never holds more than this many texts whatever the workbook's size.
 */
const sharedCacheSize = 65_536;

/**
 * Make sure `texts` holds the shared strings `ids` (from xlsx_strings). The ids not yet known
 * are mostly new texts, which a workbook numbers in order of first use, so they lie close
 * together: read as one range of ids, which DuckDB finds from its zone maps without a scan.
 */
async function lookUpShared(
	con: DuckDBConnection,
	ids: Set<number>,
	texts: Map<number, string | null>
): Promise<void> {
	let missing = [...ids].filter((id) => !texts.has(id));
	if (missing.length === 0) return;
	if (texts.size + missing.length > sharedCacheSize) {
		// Start afresh, keeping none: every id of this batch is then looked up.
		texts.clear();
		missing = [...ids];
	}
	let lo = Infinity;
	let hi = -Infinity;
	for (const id of missing) {
		lo = Math.min(lo, id);
		hi = Math.max(hi, id);
	}
	// Whole numbers parsed from the sheet: safe to write into the SQL.
	const where =
		hi - lo < 4 * missing.length + 1024
			? `i BETWEEN ${lo} AND ${hi}`
			: `i IN (${missing.join(', ')})`;
	const r = await con.runAndReadAll(`SELECT i, s FROM xlsx_strings WHERE ${where}`);
	for (const [i, text] of r.getRows()) texts.set(Number(i), text as string | null);
	// An id the workbook does not define reads as an empty cell.
	for (const id of missing) if (!texts.has(id)) texts.set(id, null);
}

/** A cell's text with its shared string (if it is one) looked up in `texts`. */
function resolved(text: string | null, texts: Map<number, string | null>): string | null {
	if (text === null || !text.startsWith(sharedMark)) return text;
	return texts.get(Number(text.slice(1))) ?? null;
}

/** The ids of the shared strings among `cells`, added to `into`. */
function sharedIds(cells: (string | null)[], into: Set<number>): void {
	for (const text of cells) {
		if (text !== null && text.startsWith(sharedMark)) into.add(Number(text.slice(1)));
	}
}

/**
 * One sheet into stage_raw: a VARCHAR column per cell of the header (row 1; an empty header cell
 * is named columnN, N counted from 0, and repeated names get _1, _2, ...), and __source_row.
 * Rows are appended 4,096 at a time, after one look-up of their shared strings. A value to the
 * right of the header goes to a side table and becomes a column of its own at the end (named
 * the same way), so no row is ever held back longer.
 */
async function stageSheet(con: DuckDBConnection, sheet: StreamedSheet): Promise<RawTable> {
	const names = new Map<string, number>();
	const columnName = (header: string | null, c: number) => {
		let name = header?.trim() || `column${c - 1}`;
		const n = names.get(name) ?? 0;
		names.set(name, n + 1);
		if (n > 0) name = `${name}_${n}`;
		return name;
	};
	const columns: string[] = [];
	let appender: Awaited<ReturnType<typeof createVarcharTable>> | null = null;
	await con.run('CREATE OR REPLACE TEMP TABLE stage_xlsx_extra (r INTEGER, c INTEGER, v VARCHAR)');
	const extra = await con.createAppender('stage_xlsx_extra', 'main', 'temp');
	let width = 0;
	let extraColumns = 0;
	/** Rows read, not yet appended: [Excel row number, cells in the header, cells right of it]. */
	let pending: [number, (string | null)[], [number, string][]][] = [];
	const texts = new Map<number, string | null>();
	const flush = async () => {
		const ids = new Set<number>();
		for (const [, cells, beyond] of pending) {
			sharedIds(cells, ids);
			sharedIds(
				beyond.map(([, text]) => text),
				ids
			);
		}
		await lookUpShared(con, ids, texts);
		appender ??= await createVarcharTable(con, columns, true);
		for (const [number, cells, beyond] of pending) {
			for (const cell of cells) {
				const text = resolved(cell, texts);
				if (text === null) appender.appendNull();
				else appender.appendVarchar(text);
			}
			appender.appendInteger(number);
			appender.endRow();
			for (const [c, cell] of beyond) {
				const text = resolved(cell, texts);
				if (text === null) continue;
				extra.appendInteger(number);
				extra.appendInteger(c);
				extra.appendVarchar(text);
				extra.endRow();
				extraColumns = Math.max(extraColumns, c);
			}
		}
		pending = [];
	};
	for await (const row of sheet) {
		if (row.number === 1) {
			width = row.cellCount;
			const header = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
			const ids = new Set<number>();
			sharedIds(header, ids);
			await lookUpShared(con, ids, texts);
			header.forEach((text, i) => columns.push(columnName(resolved(text, texts), i + 1)));
			continue;
		}
		// A wholly blank row is a gap in the sheet, not a record.
		if (!row.hasValues) continue;
		const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
		const beyond: [number, string][] = [];
		for (let c = width + 1; c <= row.cellCount; c++) {
			const text = cellText(row.getCell(c).value);
			if (text !== null) beyond.push([c, text]);
		}
		pending.push([row.number, cells, beyond]);
		if (pending.length >= xlsxBatchRows) await flush();
	}
	await flush();
	appender!.closeSync();
	extra.closeSync();
	// Values right of the header: one column each, filled from the side table.
	for (let c = width + 1; c <= extraColumns; c++) {
		const name = columnName(null, c);
		columns.push(name);
		await con.run(`ALTER TABLE stage_raw ADD COLUMN ${ident(name)} VARCHAR`);
		await con.run(
			`UPDATE stage_raw SET ${ident(name)} = x.v FROM stage_xlsx_extra x WHERE x.c = $c AND x.r = stage_raw.__source_row`,
			{ c }
		);
	}
	await con.run('DROP TABLE stage_xlsx_extra');
	if (columns.length === 0)
		throw new UnreadableFileError(`has an empty sheet ${JSON.stringify(sheet.name)}`);
	return { rowExpr: '__source_row', columns, extraColumns: [] };
}
