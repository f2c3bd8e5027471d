// The document a report resolves to: what every renderer (HTML, PDF, docx, xlsx, CSV) reads.
// Values are as the named queries returned them (numbers, ISO dates, booleans, text); the
// renderers only format them, in the report's language.
import type { ColumnType, Lang } from './definition.ts';

export type Cell = string | number | boolean | null;

export interface Column {
	field: string;
	label: string;
	type: ColumnType;
	width: number;
}

export interface TableBlock {
	kind: 'table';
	/** Unique in the document (a programme block adds the programme): CSV file and sheet name. */
	id: string;
	title: string;
	note: string | null;
	columns: Column[];
	rows: Cell[][];
	/** Index of the column whose values head groups of rows (shown as headings, not a column). */
	groupBy: number | null;
	/** Shown instead of an empty table. */
	empty: string;
	/** A long record list: small type, dates in digits. */
	compact: boolean;
}

export interface ChartBlock {
	kind: 'chart';
	title: string;
	/** Vector SVG rendered on the server (charts.ts); texts escaped by the DOM. */
	svg: string;
}

export interface HeadingBlock {
	kind: 'heading';
	level: 2 | 3;
	text: string;
}

export interface TextBlock {
	kind: 'text';
	paragraphs: string[];
}

export type Block = TableBlock | ChartBlock | HeadingBlock | TextBlock;

/** The parameters as resolved (defaults applied): what regenerating the report needs. */
export interface ReportParams {
	asOf: string;
	from: string | null;
	to: string | null;
	/** Sorted, distinct; [] = every member state in the caller's scope. */
	memberStates: string[];
	programme: string | null;
	/** The programme holding the annex of open motions and commitments (kamerbrief-bijlage). */
	annex: string | null;
	lang: Lang;
	classification: string | null;
}

export interface BatchInfo {
	batchId: number;
	kind: string;
	fileName: string;
	sha256: string;
	importedAt: string;
	importedBy: string;
	rowsAccepted: number;
}

export interface ReportDocument {
	report: string;
	title: string;
	subtitle: string | null;
	lang: Lang;
	audience: string;
	/** Printed on A4 landscape (wide tables of long texts). */
	landscape: boolean;
	params: ReportParams;
	/** The parameters in words, for the provenance section: [label, value]. */
	paramLines: [string, string][];
	/** When it was generated (ISO timestamp, from the clock). Not part of the fingerprint. */
	generatedAt: string;
	blocks: Block[];
	batches: BatchInfo[];
	/** SHA-256 (hex) of the report id, the data parameters and every table's values. */
	fingerprint: string;
}

/** What a file carries so that `cosi report verify` can regenerate and compare it. */
export interface ReportStamp {
	cosiReport: 1;
	report: string;
	params: ReportParams;
	fingerprint: string;
	batches: number[];
}

export function stampOf(doc: ReportDocument): ReportStamp {
	return {
		cosiReport: 1,
		report: doc.report,
		params: doc.params,
		fingerprint: doc.fingerprint,
		batches: doc.batches.map((b) => b.batchId)
	};
}

/** The tables of a document, in order. */
export function tablesOf(doc: ReportDocument): TableBlock[] {
	return doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
}
