// The report as PDF: headless Chromium (playwright-core) prints the HTML report. A4, selectable
// text, a running header (title, as-of date, classification), a footer "page X of Y" /
// "pagina X van Y", table headers repeated on every page (thead), rows split only when taller
// than a page (CSS break-inside: avoid), charts as the server's vector SVG.
//
// One browser per process, started on first use and reused; at most two renders at once (the
// others wait their turn); each render has its own browser context, closed afterwards, so its
// renderer's memory is released. Which Chromium: COSI_CHROMIUM if set, else Playwright's own if
// installed (npx playwright install chromium), else the system's (/usr/bin/chromium, ...), else
// a ChromiumMissingError that says what to install.
//
// The fingerprint goes into the PDF's document information (Subject; the stamp in Keywords),
// added as an incremental update after Chromium wrote the file.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { formatDate, formatTimestamp } from './format.ts';
import { renderHtml, escapeHtml } from './html.ts';
import { stampOf, type ReportDocument } from './model.ts';
import { wordsFor } from './words.ts';

export class ChromiumMissingError extends Error {
	constructor() {
		super(
			'PDF needs Chromium and none was found: install Playwright’s browser (npx playwright install chromium), or the system Chromium (Debian/Ubuntu: apt-get install -y chromium), or set COSI_CHROMIUM to a Chromium executable'
		);
		this.name = 'ChromiumMissingError';
	}
}

const systemChromiums = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable'
];

/** The Chromium executable to launch, in the order of preference above. */
export function chromiumPath(): string {
	const own = process.env.COSI_CHROMIUM;
	if (own) {
		if (existsSync(own)) return own;
		throw new ChromiumMissingError();
	}
	try {
		const bundled = chromium.executablePath();
		if (bundled && existsSync(bundled)) return bundled;
	} catch {
		// playwright-core knows no browser of its own here.
	}
	const system = systemChromiums.find((p) => existsSync(p));
	if (system) return system;
	throw new ChromiumMissingError();
}

let browser: Promise<Browser> | null = null;
let launched: Browser | null = null;

function sharedBrowser(): Promise<Browser> {
	if (!browser) pdfLoad.launches++;
	browser ??= chromium
		.launch({
			executablePath: chromiumPath(),
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-dev-shm-usage',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		})
		.then(
			(b) => {
				launched = b;
				b.on('disconnected', () => {
					browser = null;
					launched = null;
				});
				return b;
			},
			(e) => {
				browser = null;
				throw e;
			}
		);
	return browser;
}

/** Close the shared browser (the CLI, before it exits; tests). */
export async function closePdfBrowser(): Promise<void> {
	const b = browser;
	browser = null;
	if (b) await (await b).close().catch(() => undefined);
}

/** At most this many PDF renders at once; the others wait in arrival order. */
export const MAX_PDF_RENDERS = 2;
let running = 0;
const waiting: (() => void)[] = [];
/** Renders running and waiting, the most at once, browser launches, open contexts (tests). */
export const pdfLoad = {
	running: () => running,
	waiting: () => waiting.length,
	peak: 0,
	launches: 0,
	openContexts: () => launched?.contexts().length ?? 0
};

async function slot<T>(work: () => Promise<T>): Promise<T> {
	if (running >= MAX_PDF_RENDERS) await new Promise<void>((resolve) => waiting.push(resolve));
	running++;
	pdfLoad.peak = Math.max(pdfLoad.peak, running);
	try {
		return await work();
	} finally {
		running--;
		waiting.shift()?.();
	}
}

function templates(doc: ReportDocument) {
	const w = wordsFor(doc.lang);
	const style =
		'font-family: Arial, sans-serif; font-size: 7.5pt; color: #333; width: 100%; padding: 0 14mm;';
	const classification = doc.params.classification
		? `<span style="float:right; font-weight:bold">${escapeHtml(doc.params.classification)}</span>`
		: '';
	const header = `<div style="${style}">${classification}<span>${escapeHtml(doc.title)} · ${escapeHtml(w.asOf)} ${escapeHtml(formatDate(doc.lang, doc.params.asOf))}</span></div>`;
	const page = `${w.page[0].toUpperCase()}${w.page.slice(1)}`;
	const footer = `<div style="${style}"><span style="float:right">${page} <span class="pageNumber"></span> ${escapeHtml(w.of)} <span class="totalPages"></span></span><span>${escapeHtml(w.generatedAt)} ${escapeHtml(formatTimestamp(doc.lang, doc.generatedAt))}${doc.params.classification ? ` · ${escapeHtml(doc.params.classification)}` : ''}</span></div>`;
	return { header, footer };
}

/** Print the document (`html`: its standalone HTML, when already built, e.g. by a render worker). */
export async function renderPdf(
	doc: ReportDocument,
	html: string = renderHtml(doc)
): Promise<Uint8Array> {
	const { header, footer } = templates(doc);
	const pdf = await slot(async () => {
		const b = await sharedBrowser();
		const context = await b.newContext({ javaScriptEnabled: false });
		try {
			const page = await context.newPage();
			await page.setContent(html, { waitUntil: 'load' });
			return await page.pdf({
				format: 'A4',
				landscape: doc.landscape,
				printBackground: true,
				displayHeaderFooter: true,
				headerTemplate: header,
				footerTemplate: footer,
				margin: { top: '20mm', bottom: '18mm', left: '14mm', right: '14mm' },
				tagged: process.env.COSI_PDF_TAGGED === '1',
				outline: false
			});
		} finally {
			await context.close();
		}
	});
	return withInfo(new Uint8Array(pdf), {
		Title: doc.title,
		Subject: `cosi-fingerprint ${doc.fingerprint}`,
		Keywords: JSON.stringify(stampOf(doc)),
		Creator: 'cosi-monitor'
	});
}

/** A PDF text string: UTF-16BE with BOM, hex-encoded (any character, nothing to escape). */
function pdfString(text: string): string {
	let hex = 'FEFF';
	for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
	return `<${hex.toUpperCase()}>`;
}

/**
 * Add a document information dictionary by an incremental update: a new object, a cross-reference
 * section for it and a trailer pointing to the previous one (ISO 32000-1, 7.5.6).
 */
export function withInfo(pdf: Uint8Array, info: Record<string, string>): Uint8Array {
	const text = Buffer.from(pdf).toString('latin1');
	const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
	const root =
		/\/Root\s+(\d+\s+\d+\s+R)/.exec(text.slice(text.lastIndexOf('trailer')))?.[1] ??
		/\/Root\s+(\d+\s+\d+\s+R)/.exec(text)?.[1];
	const size = Number(/\/Size\s+(\d+)/.exec(text.slice(text.lastIndexOf('trailer')))?.[1]);
	if (!Number.isFinite(startxref) || !root || !Number.isFinite(size))
		throw new Error('unexpected PDF structure from Chromium: cannot add document information');
	const id = size;
	const nl = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
	const body = `${nl}${id} 0 obj\n<< ${Object.entries(info)
		.map(([k, v]) => `/${k} ${pdfString(v)}`)
		.join(' ')} >>\nendobj\n`;
	const objOffset = pdf.length + nl.length;
	const xrefOffset = pdf.length + Buffer.byteLength(body, 'latin1');
	const tail = `xref\n0 1\n0000000000 65535 f \n${id} 1\n${String(objOffset).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${id + 1} /Root ${root} /Info ${id} 0 R /Prev ${startxref} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
	return new Uint8Array(Buffer.concat([Buffer.from(pdf), Buffer.from(body + tail, 'latin1')]));
}
