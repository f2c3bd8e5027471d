// Plain-text tables for the terminal.

/** Render rows as an aligned text table; columns are [key, heading] pairs. */
export function renderTable<R extends object>(
	rows: readonly R[],
	columns: [keyof R & string, string][]
): string {
	const cells = rows.map((r) => columns.map(([key]) => formatCell(r[key])));
	const widths = columns.map(([, heading], i) =>
		Math.min(60, Math.max(heading.length, ...cells.map((row) => row[i].length)))
	);
	const line = (values: string[]) =>
		values
			.map((v, i) => (v.length > widths[i] ? v.slice(0, widths[i] - 1) + '…' : v.padEnd(widths[i])))
			.join('  ')
			.trimEnd();
	return [
		line(columns.map(([, h]) => h)),
		line(widths.map((w) => '-'.repeat(w))),
		...cells.map(line)
	].join('\n');
}

function formatCell(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2);
	const text =
		typeof v === 'string'
			? v
			: typeof v === 'object'
				? JSON.stringify(v)
				: (v as boolean | bigint).toString();
	return text.replace(/\s+/g, ' ');
}
