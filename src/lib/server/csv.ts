// CSV for downloads: RFC 4180 quoting, a UTF-8 BOM so that Excel reads accents correctly, and
// protection against CSV (formula) injection.
//
// Quoting: a field is quoted when it holds a quote, a comma, a semicolon, a line feed or a
// carriage return; quotes inside are doubled. Records end with CRLF.
//
// Formula injection: a spreadsheet treats a cell that starts with = + - @ (and, in some
// programs, a tab or carriage return) as a formula, so imported text such as
// `=HYPERLINK("http://...")` could run when someone opens the download. Text cells that start
// with one of those characters are prefixed with a single quote ('), which spreadsheets show
// as text and do not evaluate (OWASP's recommendation). Only text is prefixed: numbers and
// booleans that this app computes are written as they are, so -5 stays a number. The quote is
// visible to programs that read the file as plain CSV: strip a leading ' before = + - @ tab or
// CR if the exact text matters.

/** Byte order mark: tells Excel the file is UTF-8. */
export const BOM = '\uFEFF';

const needsQuotes = /[",;\r\n]/;
const formulaStart = /^[=+\-@\t\r]/;

/** One field: empty for null/undefined, booleans as true/false, text guarded and quoted. */
export function csvField(value: unknown): string {
	if (value === null || value === undefined) return '';
	let text: string;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return '';
		text = String(value);
	} else if (typeof value === 'boolean' || typeof value === 'bigint') {
		text = String(value);
	} else {
		text = typeof value === 'string' ? value : JSON.stringify(value);
		if (formulaStart.test(text)) text = `'${text}`;
	}
	return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated. */
export function csvRecord(values: readonly unknown[]): string {
	return values.map(csvField).join(',') + '\r\n';
}

/** A whole file (BOM, header, records) as one string: for small results and tests. */
export function csvDocument(
	header: readonly string[],
	rows: readonly (readonly unknown[])[]
): string {
	return BOM + csvRecord(header) + rows.map(csvRecord).join('');
}

/**
 * A file name part from a filter value: letters, digits, dot, dash and underscore only, so the
 * name is safe in a Content-Disposition header and on every file system.
 */
export function fileNamePart(value: string): string {
	return value
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9._-]+/g, '_')
		.replace(/^[._]+|_+$/g, '')
		.slice(0, 60);
}

/**
 * A streamed CSV response: the BOM and header first, then `next()` chunks of rows until it
 * returns fewer than `chunkSize` rows (or none). `close` runs exactly once, when the stream
 * ends, fails or is cancelled by the client.
 */
export function csvResponse(options: {
	fileName: string;
	header: readonly string[];
	/** Rows already fetched (fetching the first chunk before answering turns errors into 4xx/5xx). */
	first: readonly (readonly unknown[])[];
	chunkSize: number;
	next: () => Promise<readonly (readonly unknown[])[]>;
	close: () => void | Promise<void>;
}): Response {
	const encoder = new TextEncoder();
	let closed = false;
	const close = async () => {
		if (closed) return;
		closed = true;
		await options.close();
	};
	let more = options.first.length >= options.chunkSize;
	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			controller.enqueue(
				encoder.encode(BOM + csvRecord(options.header) + options.first.map(csvRecord).join(''))
			);
			if (!more) {
				await close();
				controller.close();
			}
		},
		async pull(controller) {
			try {
				const rows = await options.next();
				if (rows.length > 0) controller.enqueue(encoder.encode(rows.map(csvRecord).join('')));
				more = rows.length >= options.chunkSize;
				if (!more) {
					await close();
					controller.close();
				}
			} catch (e) {
				await close();
				controller.error(e);
			}
		},
		async cancel() {
			await close();
		}
	});
	return new Response(stream, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${options.fileName}"`,
			'Cache-Control': 'no-store'
		}
	});
}
