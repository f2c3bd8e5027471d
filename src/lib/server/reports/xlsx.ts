// The report as an Excel workbook (exceljs): one sheet per table with typed cells (numbers,
// dates, booleans; percentages as numbers with a percent format), a frozen header row and
// filters on; text is always stored as text (a cell starting with = is a string, never a
// formula). A last sheet, provenance, holds the parameters, the batches read and the
// fingerprint; the fingerprint and the report's stamp are also in the workbook's properties.
import ExcelJS from 'exceljs';
import { stampOf, tablesOf, type Cell, type Column, type ReportDocument } from './model.ts';
import { wordsFor } from './words.ts';
import { writeZip, zipEntries } from './zip.ts';

/** The sheet holding the provenance; its B-column cell next to "fingerprint" holds it. */
export const provenanceSheet = 'provenance';

function sheetName(id: string, used: Set<string>): string {
	let name = id.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
	for (let n = 2; used.has(name.toLowerCase()); n++) name = `${id.slice(0, 27)}~${n}`;
	used.add(name.toLowerCase());
	return name;
}

function cellValue(c: Column, v: Cell): ExcelJS.CellValue {
	if (v === null) return null;
	switch (c.type) {
		case 'integer':
		case 'id':
		case 'number':
		case 'percent':
		case 'ratio':
			return typeof v === 'number' ? v : String(v);
		case 'date':
			if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
				const [y, m, d] = v.split('-').map(Number);
				return new Date(Date.UTC(y, m - 1, d));
			}
			return String(v);
		case 'boolean':
			return typeof v === 'boolean' ? v : String(v);
		default:
			// Text stays text: a string value is never read as a formula by exceljs.
			return typeof v === 'string' ? v : String(v);
	}
}

function numFmt(c: Column, lang: string): string | undefined {
	switch (c.type) {
		case 'integer':
			return '#,##0';
		case 'id':
			return '0';
		case 'number':
			return '#,##0.0';
		case 'percent':
			// 0-100 as computed: shown with a percent sign, the value unchanged.
			return '0.0" %"';
		case 'ratio':
			return '0.0%';
		case 'date':
			return lang === 'nl' ? 'dd-mm-yyyy' : 'yyyy-mm-dd';
		default:
			return undefined;
	}
}

export async function renderXlsx(doc: ReportDocument): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	const at = new Date(doc.generatedAt);
	wb.creator = 'cosi-monitor';
	wb.lastModifiedBy = 'cosi-monitor';
	wb.created = at;
	wb.modified = at;
	wb.title = doc.title;
	wb.subject = doc.fingerprint;
	wb.keywords = `cosi-report ${doc.report}`;
	wb.description = JSON.stringify(stampOf(doc));
	const used = new Set<string>([provenanceSheet]);
	for (const t of tablesOf(doc)) {
		const ws = wb.addWorksheet(sheetName(t.id, used), {
			views: [{ state: 'frozen', ySplit: 1 }]
		});
		// Formats and the wrapping of long texts are column styles, which every cell added takes
		// (set cell by cell, they cost more than the rest of a 10,000-row sheet).
		ws.columns = t.columns.map((c) => {
			const style: Partial<ExcelJS.Style> = {};
			const format = numFmt(c, doc.lang);
			if (format) style.numFmt = format;
			if (c.type === 'text') style.alignment = { wrapText: true, vertical: 'top' };
			return {
				header: c.label,
				key: c.field,
				width: Math.min(80, Math.max(8, Math.round(c.width * 14))),
				style: format || c.type === 'text' ? style : undefined
			};
		});
		ws.getRow(1).font = { bold: true };
		for (const r of t.rows) ws.addRow(t.columns.map((c, i) => cellValue(c, r[i])));
		ws.autoFilter = {
			from: { row: 1, column: 1 },
			to: { row: Math.max(1, t.rows.length + 1), column: t.columns.length }
		};
	}
	const w = wordsFor(doc.lang);
	const ps = wb.addWorksheet(provenanceSheet);
	ps.columns = [
		{ width: 28 },
		{ width: 70 },
		{ width: 40 },
		{ width: 66 },
		{ width: 22 },
		{ width: 16 },
		{ width: 10 }
	];
	ps.addRow([w.provenance, doc.title]).font = { bold: true };
	ps.addRow(['report', doc.report]);
	for (const [k, v] of doc.paramLines) ps.addRow([k, v]);
	ps.addRow([w.generatedAt, doc.generatedAt]);
	ps.addRow(['fingerprint', doc.fingerprint]);
	ps.addRow(['cosi-report', JSON.stringify(stampOf(doc))]);
	ps.addRow([]);
	ps.addRow([w.batch, w.kind, w.file, w.sha256, w.importedAt, w.importedBy, w.rows]).font = {
		bold: true
	};
	for (const b of doc.batches)
		ps.addRow([
			b.batchId,
			b.kind,
			b.fileName,
			b.sha256,
			b.importedAt,
			b.importedBy,
			b.rowsAccepted
		]);
	// Written uncompressed by exceljs, compressed natively (zip.ts): the same parts, much faster.
	const stored = await wb.xlsx.writeBuffer({
		zip: { compression: 'STORE' }
	});
	return writeZip(await zipEntries(new Uint8Array(stored)));
}
