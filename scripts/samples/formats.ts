// The large sharing log in the other formats the importer reads, for benchmarks: the same rows
// as sharing-N.csv (same generator, same seed), as an Excel workbook and as an Arrow IPC file.
// Both are written in bounded memory, a row (XLSX) or a record batch (Arrow) at a time.
import {
	Bool,
	DateDay,
	RecordBatch,
	RecordBatchFileWriter,
	Table,
	Utf8,
	vectorFromArray
} from 'apache-arrow';
import ExcelJS from 'exceljs';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { ProgressOptions, writeSharingCsv } from './files.ts';
import { SHARING_HEADER, sharingRows, type SharingRow } from './sharing.ts';

const dateFields = new Set(['occurred_on', 'shared_on']);
const boolFields = new Set([
	'relevant',
	'weighing_documented',
	'terrorism_marker',
	'context_provided'
]);

/** A date-only cell value: midnight UTC, which Excel shows as the day itself. */
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A writer of `rows` sharing rows to `file` in `dir`, as writeSharingCsv. */
type SharingWriter = typeof writeSharingCsv;

/** The sharing rows, reporting every million rows as the CSV writer does. */
function* rowsOf(file: string, rows: number, options: ProgressOptions): Generator<SharingRow> {
	const started = performance.now();
	let n = 0;
	for (const row of sharingRows({ rows })) {
		yield row;
		if (++n % 1_000_000 === 0) options.onProgress?.(file, n, (performance.now() - started) / 1000);
	}
}

/**
 * `rows` sharing rows as an Excel workbook, one sheet "Sharing", header in row 1: dates as date
 * cells, booleans as booleans, texts as shared strings (as Excel itself stores them), empty
 * fields as empty cells.
 */
export const writeSharingXlsx: SharingWriter = async (dir, file, rows, written, options = {}) => {
	const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
		filename: join(dir, file),
		useSharedStrings: true,
		useStyles: true
	});
	const sheet = workbook.addWorksheet('Sharing');
	sheet.addRow([...SHARING_HEADER]).commit();
	for (const row of rowsOf(file, rows, options)) {
		sheet
			.addRow(
				SHARING_HEADER.map((field) => {
					const value = row[field as keyof SharingRow];
					if (value === null) return null;
					if (dateFields.has(field)) return day(value as string);
					return value;
				})
			)
			.commit();
	}
	sheet.commit();
	await workbook.commit();
	written.push({ file, rows });
};

/** Rows per record batch of the Arrow file (what a reader holds at once). */
const ARROW_BATCH_ROWS = 65_536;

function arrowBatch(chunk: SharingRow[]): RecordBatch {
	const columns = Object.fromEntries(
		SHARING_HEADER.map((field) => {
			const values = chunk.map((r) => r[field as keyof SharingRow]);
			if (dateFields.has(field)) {
				return [
					field,
					vectorFromArray(
						values.map((v) => (v === null ? null : day(v as string))),
						new DateDay()
					)
				];
			}
			if (boolFields.has(field)) return [field, vectorFromArray(values, new Bool())];
			return [field, vectorFromArray(values, new Utf8())];
		})
	);
	return new Table(columns).batches[0];
}

/**
 * `rows` sharing rows as an Arrow IPC file (the random-access format, .arrow): DATE, BOOLEAN and
 * UTF-8 columns, in record batches of 65,536 rows.
 */
export const writeSharingArrow: SharingWriter = async (dir, file, rows, written, options = {}) => {
	const out = createWriteStream(join(dir, file));
	const writer = new RecordBatchFileWriter();
	const piped = writer.toNodeStream();
	piped.pipe(out);
	let chunk: SharingRow[] = [];
	const flush = async () => {
		writer.write(arrowBatch(chunk));
		chunk = [];
		// Let the file take what was written before the next batch is built.
		if (out.writableNeedDrain) await once(out, 'drain');
		await new Promise((r) => setImmediate(r));
	};
	for (const row of rowsOf(file, rows, options)) {
		chunk.push(row);
		if (chunk.length === ARROW_BATCH_ROWS) await flush();
	}
	if (chunk.length > 0) await flush();
	writer.finish();
	await once(out, 'finish');
	written.push({ file, rows });
};
