// One document, five formats.
import { renderCsvZip } from './csvzip.ts';
import { renderDocx } from './docx.ts';
import { renderHtml } from './html.ts';
import type { ReportDocument } from './model.ts';
import { renderPdf } from './pdf.ts';
import { renderXlsx } from './xlsx.ts';

export const reportFormats = ['pdf', 'docx', 'xlsx', 'csv', 'html'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const formatInfo: Record<ReportFormat, { extension: string; contentType: string }> = {
	pdf: { extension: 'pdf', contentType: 'application/pdf' },
	docx: {
		extension: 'docx',
		contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
	},
	xlsx: {
		extension: 'xlsx',
		contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
	},
	csv: { extension: 'zip', contentType: 'application/zip' },
	html: { extension: 'html', contentType: 'text/html; charset=utf-8' }
};

export function isReportFormat(value: string): value is ReportFormat {
	return (reportFormats as readonly string[]).includes(value);
}

export async function renderReport(doc: ReportDocument, format: ReportFormat): Promise<Uint8Array> {
	switch (format) {
		case 'pdf':
			return renderPdf(doc);
		case 'docx':
			return renderDocx(doc);
		case 'xlsx':
			return renderXlsx(doc);
		case 'csv':
			return renderCsvZip(doc);
		case 'html':
			return new TextEncoder().encode(renderHtml(doc));
	}
}

/** A download's file name: the report, its as-of date and member states, e.g. supervisor-audit_2025-06-30_NL.pdf. */
export function reportFileName(doc: ReportDocument, format: ReportFormat): string {
	const parts = [doc.report, doc.params.asOf];
	if (doc.params.programme) parts.push(doc.params.programme.replace(/[^A-Za-z0-9-]+/g, '_'));
	if (doc.params.memberStates.length) parts.push(doc.params.memberStates.join('-'));
	return `${parts.join('_')}.${formatInfo[format].extension}`;
}
