// The report as HTML: the app's preview, the standalone .html download and what Chromium prints
// to PDF. Every text from the data or the user is escaped (it never becomes markup); charts are
// the server-rendered SVG, whose texts the DOM escaped (charts.ts).
import type { Lang } from './definition.ts';
import { formatCell, formatTimestamp } from './format.ts';
import { stampOf, type Block, type ReportDocument, type TableBlock } from './model.ts';
import { wordsFor } from './words.ts';

const entities: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => entities[c]);
}

/** The styles of a report, for screen and print (A4; headers repeat, rows split only when taller than a page). */
export const reportCss = `
.cosi-report { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; line-height: 1.35; color: #111; }
.cosi-report h1 { font-size: 17pt; margin: 0 0 4pt; }
.cosi-report h2 { font-size: 13pt; margin: 14pt 0 6pt; break-after: avoid; }
.cosi-report h3 { font-size: 11pt; margin: 12pt 0 4pt; break-after: avoid; }
.cosi-report .classification { font-weight: bold; letter-spacing: 0.05em; margin: 0 0 6pt; }
.cosi-report .meta { color: #444; margin: 0 0 10pt; }
.cosi-report table { border-collapse: collapse; width: 100%; margin: 4pt 0 10pt; table-layout: fixed; }
.cosi-report caption { text-align: left; font-weight: bold; padding: 0 0 3pt; }
.cosi-report thead { display: table-header-group; }
.cosi-report tr { break-inside: avoid; }
.cosi-report th, .cosi-report td { border: 0.5pt solid #888; padding: 2pt 4pt; vertical-align: top; text-align: left; white-space: pre-wrap; overflow-wrap: anywhere; }
.cosi-report th { background: #e8eef5; }
.cosi-report td.num { text-align: right; white-space: nowrap; }
.cosi-report .chart { break-inside: avoid; margin: 6pt 0 12pt; }
.cosi-report .chart svg { max-width: 100%; height: auto; }
.cosi-report .provenance { break-before: page; }
.cosi-report .provenance code { font-size: 8.5pt; overflow-wrap: anywhere; }
.cosi-report dl { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 10pt; }
.cosi-report dt { font-weight: bold; }
.cosi-report dd { margin: 0; }
.cosi-report .empty { font-style: italic; }
.cosi-report table + table { margin-top: -10pt; }
.cosi-report table.compact { font-size: 7.5pt; }
.cosi-report table.compact th, .cosi-report table.compact td { padding: 1pt 3pt; }
`;

const numeric = new Set(['integer', 'number', 'percent', 'ratio', 'id']);

/** Rows per <table> element of a long table. */
const CHUNK = 100;

function tableHtml(t: TableBlock, lang: Lang, headingLevel: number): string {
	const shown = t.columns.map((c, i) => ({ c, i })).filter(({ i }) => i !== t.groupBy);
	const total = shown.reduce((s, { c }) => s + c.width, 0);
	const colgroup = `<colgroup>${shown.map(({ c }) => `<col style="width:${((100 * c.width) / total).toFixed(2)}%">`).join('')}</colgroup>`;
	const head = `<thead><tr>${shown.map(({ c }) => `<th scope="col">${escapeHtml(c.label)}</th>`).join('')}</tr></thead>`;
	const body = (rows: TableBlock['rows']) =>
		`<tbody>${rows
			.map(
				(r) =>
					`<tr>${shown
						.map(({ c, i }) => {
							const cls = numeric.has(c.type) ? ' class="num"' : '';
							return `<td${cls}>${escapeHtml(formatCell(lang, c.type, r[i], t.compact))}</td>`;
						})
						.join('')}</tr>`
			)
			.join('')}</tbody>`;
	const parts = [`<h${headingLevel}>${escapeHtml(t.title)}</h${headingLevel}>`];
	if (t.note) parts.push(`<p>${escapeHtml(t.note)}</p>`);
	if (t.rows.length === 0) {
		parts.push(`<p class="empty">${escapeHtml(t.empty)}</p>`);
		return parts.join('\n');
	}
	for (const group of groups(t)) {
		if (group.label !== null)
			parts.push(`<h${headingLevel + 1}>${escapeHtml(group.label)}</h${headingLevel + 1}>`);
		// Long tables in parts of CHUNK rows: Chromium lays out (and paginates) one huge table in
		// time that grows faster than its rows; the header repeats on every page either way.
		for (let i = 0; i < group.rows.length || i === 0; i += CHUNK)
			parts.push(
				`<table data-table="${escapeHtml(t.id)}"${t.compact ? ' class="compact"' : ''}>${colgroup}${head}${body(group.rows.slice(i, i + CHUNK))}</table>`
			);
	}
	return parts.join('\n');
}

/** A table's rows in groups (one group with a null label when the table is not grouped). */
export function groups(t: TableBlock): { label: string | null; rows: TableBlock['rows'] }[] {
	if (t.groupBy === null) return [{ label: null, rows: t.rows }];
	const out: { label: string | null; rows: TableBlock['rows'] }[] = [];
	for (const r of t.rows) {
		const label = r[t.groupBy] === null ? '–' : String(r[t.groupBy]);
		if (out.at(-1)?.label !== label) out.push({ label, rows: [] });
		out.at(-1)!.rows.push(r);
	}
	return out;
}

function blockHtml(b: Block, lang: Lang, level: number): string {
	switch (b.kind) {
		case 'heading':
			return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
		case 'text':
			return b.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
		case 'chart':
			return `<figure class="chart">${b.svg}</figure>`;
		case 'table':
			return tableHtml(b, lang, level);
	}
}

/** The report's body: an <article class="cosi-report"> (for the app's preview). */
export function renderHtmlBody(doc: ReportDocument, options: { title?: boolean } = {}): string {
	const w = wordsFor(doc.lang);
	const parts: string[] = [`<article class="cosi-report" lang="${doc.lang}">`];
	if (doc.params.classification)
		parts.push(`<p class="classification">${escapeHtml(doc.params.classification)}</p>`);
	// In the app's preview the page's own h1 is the title.
	if (options.title !== false) parts.push(`<h1>${escapeHtml(doc.title)}</h1>`);
	if (doc.subtitle) parts.push(`<p>${escapeHtml(doc.subtitle)}</p>`);
	parts.push(
		`<p class="meta">${escapeHtml(w.generatedAt)} ${escapeHtml(formatTimestamp(doc.lang, doc.generatedAt))}</p>`
	);
	// A table directly under a programme heading (h2) gets an h3 title.
	let level = 2;
	for (const b of doc.blocks) {
		if (b.kind === 'heading') level = b.level + 1;
		parts.push(blockHtml(b, doc.lang, Math.min(level, 4)));
	}
	parts.push(provenanceHtml(doc));
	parts.push('</article>');
	return parts.join('\n');
}

function provenanceHtml(doc: ReportDocument): string {
	const w = wordsFor(doc.lang);
	const rows = doc.batches
		.map(
			(b) =>
				`<tr><td class="num">${b.batchId}</td><td>${escapeHtml(b.kind)}</td><td>${escapeHtml(b.fileName)}</td><td><code>${escapeHtml(b.sha256)}</code></td><td>${escapeHtml(formatTimestamp(doc.lang, b.importedAt))}</td><td>${escapeHtml(b.importedBy)}</td><td class="num">${escapeHtml(formatCell(doc.lang, 'integer', b.rowsAccepted))}</td></tr>`
		)
		.join('');
	return `<section class="provenance">
<h2>${escapeHtml(w.provenance)}</h2>
<p>${escapeHtml(w.provenanceIntro)}</p>
<h3>${escapeHtml(w.parameters)}</h3>
<dl>${doc.paramLines.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}<dt>${escapeHtml(w.generatedAt)}</dt><dd>${escapeHtml(formatTimestamp(doc.lang, doc.generatedAt))}</dd><dt>${escapeHtml(w.fingerprint)}</dt><dd><code class="fingerprint">${doc.fingerprint}</code></dd></dl>
<h3>${escapeHtml(w.batches)}</h3>
${
	doc.batches.length === 0
		? `<p class="empty">${escapeHtml(w.noBatches)}</p>`
		: `<table><colgroup><col style="width:6%"><col style="width:9%"><col style="width:22%"><col style="width:30%"><col style="width:15%"><col style="width:10%"><col style="width:8%"></colgroup><thead><tr><th>${escapeHtml(w.batch)}</th><th>${escapeHtml(w.kind)}</th><th>${escapeHtml(w.file)}</th><th>${escapeHtml(w.sha256)}</th><th>${escapeHtml(w.importedAt)}</th><th>${escapeHtml(w.importedBy)}</th><th>${escapeHtml(w.rows)}</th></tr></thead><tbody>${rows}</tbody></table>`
}
</section>`;
}

/** A standalone HTML document (the .html download; what Chromium prints). */
export function renderHtml(doc: ReportDocument): string {
	const options = { landscape: doc.landscape };
	const stamp = escapeHtml(JSON.stringify(stampOf(doc)));
	return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(doc.title)}</title>
<meta name="generator" content="cosi-monitor">
<meta name="cosi-fingerprint" content="${doc.fingerprint}">
<meta name="cosi-report" content="${stamp}">
<style>
@page { size: A4${options.landscape ? ' landscape' : ''}; }
body { margin: 0; }
@media screen { body { margin: 2em auto; max-width: ${options.landscape ? 1100 : 800}px; } }
${reportCss}
</style>
</head>
<body>
${renderHtmlBody(doc)}
</body>
</html>
`;
}
