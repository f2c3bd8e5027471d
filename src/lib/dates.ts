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
