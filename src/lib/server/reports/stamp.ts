// Reading a report's stamp (report id, parameters, fingerprint, batches) back from a file we
// wrote: the PDF's document information (Keywords), the docx custom property cosi-report, the
// xlsx workbook description, the HTML meta element, the CSV zip's provenance.csv.
import JSZip from 'jszip';
import type { ReportStamp } from './model.ts';

function xmlText(s: string): string {
	return s
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
		.replace(/&amp;/g, '&');
}

function parseStamp(json: string | null | undefined): ReportStamp | null {
	if (!json) return null;
	try {
		const s = JSON.parse(json) as ReportStamp;
		if (
			s?.cosiReport !== 1 ||
			typeof s.report !== 'string' ||
			!/^[0-9a-f]{64}$/.test(s.fingerprint)
		)
			return null;
		return s;
	} catch {
		return null;
	}
}

function utf16be(hex: string): string {
	const bytes = Buffer.from(hex, 'hex');
	let out = '';
	for (let i = bytes[0] === 0xfe && bytes[1] === 0xff ? 2 : 0; i + 1 < bytes.length; i += 2)
		out += String.fromCharCode((bytes[i] << 8) | bytes[i + 1]);
	return out;
}

/** The stamp of a report file, or null when the file is not a report of ours. */
export async function readStamp(bytes: Uint8Array): Promise<ReportStamp | null> {
	const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
	if (head.startsWith('%PDF-')) {
		const text = Buffer.from(bytes).toString('latin1');
		const all = [...text.matchAll(/\/Keywords\s*<([0-9A-Fa-f\s]+)>/g)];
		const last = all.at(-1);
		return last ? parseStamp(utf16be(last[1].replace(/\s+/g, ''))) : null;
	}
	if (head.startsWith('PK')) {
		let zip: JSZip;
		try {
			zip = await JSZip.loadAsync(bytes);
		} catch {
			return null;
		}
		const custom = await zip.file('docProps/custom.xml')?.async('string');
		if (custom) {
			const m = /name="cosi-report"[^>]*>\s*<vt:lpwstr>([^<]*)<\/vt:lpwstr>/.exec(custom);
			if (m) return parseStamp(xmlText(m[1]));
		}
		const core = await zip.file('docProps/core.xml')?.async('string');
		const description = core && /<dc:description>([^<]*)<\/dc:description>/.exec(core);
		if (description) {
			const s = parseStamp(xmlText(description[1]));
			if (s) return s;
		}
		const provenance = await zip.file('provenance.csv')?.async('string');
		if (provenance) {
			const line = provenance.split('\r\n').find((l) => l.startsWith('cosi-report,'));
			if (line) {
				const field = line.slice('cosi-report,'.length);
				return parseStamp(field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field);
			}
		}
		return null;
	}
	const text = Buffer.from(bytes.subarray(0, 200_000)).toString('utf8');
	const meta = /<meta name="cosi-report" content="([^"]*)">/.exec(text);
	return meta ? parseStamp(xmlText(meta[1].replace(/&#39;/g, "'"))) : null;
}
