// An independent RFC 4180 reader for tests: it proves that what the product writes (CSV
// downloads, sample files) reads back as the same values. Product code never parses CSV itself;
// that is DuckDB's job.

/** Records of a CSV text; quoted fields may hold delimiters, quotes and line breaks. */
export function parseCsv(text: string, delimiter = ','): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === delimiter) {
			row.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += c;
	}
	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

/** Records keyed by the header row. */
export function csvObjects(text: string, delimiter = ','): Record<string, string>[] {
	const [header, ...rows] = parseCsv(text, delimiter);
	return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}
