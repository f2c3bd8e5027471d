// One document, five formats. Everything but the printing is built in a render worker
// (render-pool.ts), off the main thread: docx, xlsx, the CSV zip, the HTML (the download, the
// page Chromium prints, the preview's body). Chromium prints the PDF in its own processes.
import type { ReportDocument } from './model.ts';
import { renderPdf } from './pdf.ts';
import { renderPool, type RunOptions } from './render-pool.ts';

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

/** The document as a file in `format`. */
export async function renderReport(
	doc: ReportDocument,
	format: ReportFormat,
	options: RunOptions = {}
): Promise<Uint8Array> {
	if (format === 'pdf') {
		const html = new TextDecoder().decode(await renderPool().run('html', doc, options));
		return renderPdf(doc, html);
	}
	return renderPool().run(format, doc, options);
}

/** The preview's report body (escaped HTML), built in a render worker. */
export async function renderPreviewBody(doc: ReportDocument): Promise<string> {
	return new TextDecoder().decode(await renderPool().run('html-body', doc));
}

/** A download's file name: the report, its as-of date and member states, e.g. supervisor-audit_2025-06-30_NL.pdf. */
export function reportFileName(doc: ReportDocument, format: ReportFormat): string {
	const parts = [doc.report, doc.params.asOf];
	if (doc.params.programme) parts.push(doc.params.programme.replace(/[^A-Za-z0-9-]+/g, '_'));
	if (doc.params.memberStates.length) parts.push(doc.params.memberStates.join('-'));
	return `${parts.join('_')}.${formatInfo[format].extension}`;
}
