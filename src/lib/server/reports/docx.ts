// The report as a Word document (docx): real headings (Title, Heading 1-3 styles) and Word
// tables whose header row repeats on every page (w:tblHeader), so a ministry can edit the annex.
// Texts are text runs (never markup or fields); a line break in a cell is a new paragraph.
// The fingerprint is in the document properties (subject, keywords and a custom property
// cosi-fingerprint) and the report's stamp in the custom property cosi-report.
// Charts are not embedded: their figures are in the table each chart draws.
import {
	AlignmentType,
	Document,
	Footer,
	Header,
	HeadingLevel,
	Packer,
	PageNumber,
	PageOrientation,
	Paragraph,
	TextRun
} from 'docx';
import type { Lang } from './definition.ts';
import { formatCell, formatDate, formatTimestamp } from './format.ts';
import { groups } from './html.ts';
import { stampOf, type ReportDocument, type TableBlock } from './model.ts';
import { wordsFor } from './words.ts';
import { writeZip, zipEntries } from './zip.ts';

type Child = Paragraph;

const headingLevels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3];
const numeric = new Set(['integer', 'number', 'percent', 'ratio', 'id']);

function heading(text: string, level: number): Paragraph {
	return new Paragraph({ text, heading: headingLevels[Math.min(Math.max(level, 1), 3) - 1] });
}

/** XML text: escaped, and without the control characters XML 1.0 does not allow. */
function xmlText(text: string): string {
	return (
		text
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
			.replace(/&/g, '&amp;')
			.replace(/</g, '&lt;')
			.replace(/>/g, '&gt;')
	);
}

/** A cell's paragraphs: one per line, 9 pt runs. */
function cellXml(text: string, bold: boolean, right: boolean): string {
	const pPr = right ? '<w:pPr><w:jc w:val="right"/></w:pPr>' : '';
	const rPr = `<w:rPr>${bold ? '<w:b/><w:bCs/>' : ''}<w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>`;
	return text
		.split('\n')
		.map(
			(line) => `<w:p>${pPr}<w:r>${rPr}<w:t xml:space="preserve">${xmlText(line)}</w:t></w:r></w:p>`
		)
		.join('');
}

const border = (side: string) =>
	`<w:${side} w:val="single" w:sz="4" w:space="0" w:color="888888"/>`;

/**
 * A Word table as WordprocessingML: fixed layout, borders, a header row repeated on every page
 * (w:tblHeader). Written as text because building tens of thousands of cells as docx objects
 * takes seconds per thousand rows; renderDocx puts it where its placeholder paragraph is.
 */
function tableXml(
	header: string[],
	widths: number[],
	rows: { text: string; right: boolean }[][],
	totalWidth: number
): string {
	const sum = widths.reduce((a, b) => a + b, 0);
	const twips = widths.map((w) => Math.round((totalWidth * w) / sum));
	const tcPr = (i: number, shade: boolean) =>
		`<w:tcPr><w:tcW w:w="${twips[i]}" w:type="dxa"/>${shade ? '<w:shd w:val="clear" w:color="auto" w:fill="E8EEF5"/>' : ''}</w:tcPr>`;
	const parts = [
		`<w:tbl><w:tblPr><w:tblW w:w="${totalWidth}" w:type="dxa"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="70" w:type="dxa"/><w:right w:w="70" w:type="dxa"/></w:tblCellMar></w:tblPr>`,
		`<w:tblGrid>${twips.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
		`<w:tr><w:trPr><w:tblHeader/></w:trPr>${header.map((h, i) => `<w:tc>${tcPr(i, true)}${cellXml(h, true, false)}</w:tc>`).join('')}</w:tr>`
	];
	for (const r of rows)
		parts.push(
			`<w:tr>${r.map((c, i) => `<w:tc>${tcPr(i, false)}${cellXml(c.text, false, c.right)}</w:tc>`).join('')}</w:tr>`
		);
	parts.push('</w:tbl>');
	return parts.join('');
}

/** Tables written as XML, put in place of their placeholder paragraphs after packing. */
class TableSlots {
	readonly xml: string[] = [];
	/** A placeholder paragraph for a table. */
	add(xml: string): Paragraph {
		this.xml.push(xml);
		return new Paragraph(`@@cosi-table-${this.xml.length - 1}@@`);
	}
	/** document.xml with every placeholder paragraph replaced by its table. */
	fill(document: string): string {
		return document.replace(
			/<w:p>(?:(?!<\/w:p>).)*?@@cosi-table-(\d+)@@(?:(?!<\/w:p>).)*?<\/w:p>/gs,
			(_, i: string) => this.xml[Number(i)]
		);
	}
}

function tableChildren(
	t: TableBlock,
	lang: Lang,
	level: number,
	totalWidth: number,
	slots: TableSlots
): Child[] {
	const out: Child[] = [heading(t.title, level)];
	if (t.note) out.push(new Paragraph(t.note));
	if (t.rows.length === 0) {
		out.push(new Paragraph({ children: [new TextRun({ text: t.empty, italics: true })] }));
		return out;
	}
	const shown = t.columns.map((c, i) => ({ c, i })).filter(({ i }) => i !== t.groupBy);
	for (const g of groups(t)) {
		if (g.label !== null) out.push(heading(g.label, level + 1));
		out.push(
			slots.add(
				tableXml(
					shown.map(({ c }) => c.label),
					shown.map(({ c }) => c.width),
					g.rows.map((r) =>
						shown.map(({ c, i }) => ({
							text: formatCell(lang, c.type, r[i], t.compact),
							right: numeric.has(c.type)
						}))
					),
					totalWidth
				)
			)
		);
		out.push(new Paragraph(''));
	}
	return out;
}

export async function renderDocx(doc: ReportDocument): Promise<Uint8Array> {
	const w = wordsFor(doc.lang);
	// A4 in twips, margins 1.5 cm (850 twips) each side.
	const pageWidth = doc.landscape ? 16838 : 11906;
	const contentWidth = pageWidth - 2 * 850;
	const children: Child[] = [];
	const slots = new TableSlots();
	if (doc.params.classification)
		children.push(
			new Paragraph({ children: [new TextRun({ text: doc.params.classification, bold: true })] })
		);
	children.push(new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }));
	if (doc.subtitle) children.push(new Paragraph(doc.subtitle));
	children.push(new Paragraph(`${w.generatedAt} ${formatTimestamp(doc.lang, doc.generatedAt)}`));
	let level = 1;
	for (const b of doc.blocks) {
		switch (b.kind) {
			case 'heading':
				children.push(heading(b.text, b.level - 1));
				level = b.level;
				break;
			case 'text':
				for (const p of b.paragraphs) children.push(new Paragraph(p));
				break;
			case 'table':
				children.push(...tableChildren(b, doc.lang, Math.min(level, 2), contentWidth, slots));
				break;
			case 'chart':
				break;
		}
	}
	children.push(heading(w.provenance, 1));
	children.push(new Paragraph(w.provenanceIntro));
	for (const [k, v] of [
		...doc.paramLines,
		[w.generatedAt, formatTimestamp(doc.lang, doc.generatedAt)],
		[w.fingerprint, doc.fingerprint]
	])
		children.push(
			new Paragraph({ children: [new TextRun({ text: `${k}: `, bold: true }), new TextRun(v)] })
		);
	children.push(heading(w.batches, 2));
	if (doc.batches.length === 0) children.push(new Paragraph(w.noBatches));
	else
		children.push(
			slots.add(
				tableXml(
					[w.batch, w.kind, w.file, w.sha256, w.importedAt, w.importedBy, w.rows],
					[0.6, 0.9, 2.2, 3, 1.5, 1, 0.8],
					doc.batches.map((b) =>
						[
							String(b.batchId),
							b.kind,
							b.fileName,
							b.sha256,
							formatTimestamp(doc.lang, b.importedAt),
							b.importedBy,
							formatCell(doc.lang, 'integer', b.rowsAccepted)
						].map((text, i) => ({ text, right: i === 0 || i === 6 }))
					),
					contentWidth
				)
			)
		);
	const running = `${doc.title} · ${w.asOf} ${formatDate(doc.lang, doc.params.asOf)}`;
	const document = new Document({
		creator: 'cosi-monitor',
		lastModifiedBy: 'cosi-monitor',
		title: doc.title,
		subject: doc.fingerprint,
		keywords: `cosi-report ${doc.report} ${doc.fingerprint}`,
		description: running,
		customProperties: [
			{ name: 'cosi-fingerprint', value: doc.fingerprint },
			{ name: 'cosi-report', value: JSON.stringify(stampOf(doc)) }
		],
		styles: { default: { document: { run: { font: 'Arial', size: 20 } } } },
		sections: [
			{
				properties: {
					page: {
						size: {
							orientation: doc.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
							width: 11906,
							height: 16838
						},
						margin: { top: 1100, bottom: 1000, left: 850, right: 850 }
					}
				},
				headers: {
					default: new Header({
						children: [
							new Paragraph({
								children: [
									new TextRun({ text: running, size: 16 }),
									...(doc.params.classification
										? [
												new TextRun({
													text: `  ${doc.params.classification}`,
													bold: true,
													size: 16
												})
											]
										: [])
								]
							})
						]
					})
				},
				footers: {
					default: new Footer({
						children: [
							new Paragraph({
								alignment: AlignmentType.CENTER,
								children: [
									new TextRun({
										size: 16,
										children: [
											`${w.page[0].toUpperCase()}${w.page.slice(1)} `,
											PageNumber.CURRENT,
											` ${w.of} `,
											PageNumber.TOTAL_PAGES
										]
									})
								]
							})
						]
					})
				},
				children
			}
		]
	});
	// The package as docx wrote it, with the tables in place; compressed natively (zip.ts).
	const entries = await zipEntries(await Packer.toBuffer(document));
	const main = entries.find(([name]) => name === 'word/document.xml')!;
	main[1] = Buffer.from(slots.fill(Buffer.from(main[1]).toString('utf8')), 'utf8');
	return writeZip(entries);
}
