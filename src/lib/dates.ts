// The one date check: what counts as a date anywhere a user types one (URL parameters, CLI
// flags, form fields, query parameters). Plain code, no framework: the CLI uses it too.

/** The earliest and latest years a date may have: outside them a date is a typing error. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** Whether `iso` is a real calendar date YYYY-MM-DD from MIN_YEAR to MAX_YEAR. */
export function isIsoDate(iso: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
	const year = Number(iso.slice(0, 4));
	if (year < MIN_YEAR || year > MAX_YEAR) return false;
	const d = new Date(`${iso}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/**
 * The ISO date a person typed: YYYY-MM-DD, or day first as a Dutch (and British) reader writes
 * it, D-M-YYYY, D/M/YYYY or D.M.YYYY. Null when it is neither, or not a real date. Month first
 * (US) is never read: 03-04-2019 is 3 April.
 */
export function typedDate(text: string): string | null {
	const t = text.trim();
	if (isIsoDate(t)) return t;
	const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
	if (!dayFirst) return null;
	const [, d, mo, y] = dayFirst;
	const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
	return isIsoDate(iso) ? iso : null;
}

/** How a date input shows `iso` in the interface's language: dd-mm-jjjj in Dutch, ISO in English. */
export function dateInputText(iso: string | null | undefined, locale: string): string {
	if (!iso) return '';
	// Anything else (what a user typed and the server refused) is shown back as typed.
	if (locale !== 'nl' || !isIsoDate(iso)) return iso;
	const [y, mo, d] = iso.split('-');
	return `${d}-${mo}-${y}`;
}
