// The report as CSV: a zip with one file per table (its id), plus provenance.csv. Each file as
// the app's CSV downloads write them (csv.ts): UTF-8 with BOM, RFC 4180, text that a spreadsheet
// would run as a formula prefixed with '. Values are as computed (numbers as numbers, ISO dates).
import JSZip from 'jszip';
import { csvDocument } from '../csv.ts';
import { stampOf, tablesOf, type ReportDocument } from './model.ts';
import { wordsFor } from './words.ts';

/** A fixed date for the zip entries, so the same document gives the same bytes. */
const entryDate = new Date(Date.UTC(2000, 0, 1));

export async function renderCsvZip(doc: ReportDocument): Promise<Uint8Array> {
	const zip = new JSZip();
	for (const t of tablesOf(doc)) {
		zip.file(
			`${t.id}.csv`,
			csvDocument(
				t.columns.map((c) => c.label),
				t.rows
			),
			{ date: entryDate }
		);
	}
	zip.file('provenance.csv', provenanceCsv(doc), { date: entryDate });
	return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export function provenanceCsv(doc: ReportDocument): string {
	const w = wordsFor(doc.lang);
	const rows: unknown[][] = [
		['report', doc.report],
		['title', doc.title],
		...doc.paramLines,
		[w.generatedAt, doc.generatedAt],
		[w.fingerprint, doc.fingerprint],
		['cosi-report', JSON.stringify(stampOf(doc))],
		...doc.batches.map((b) => [
			`${w.batch} ${b.batchId}`,
			b.kind,
			b.fileName,
			b.sha256,
			b.importedAt,
			b.importedBy,
			b.rowsAccepted
		])
	];
	return csvDocument([w.provenance, ''], rows);
}
