// Numbers, percentages and dates in the reader's language: "27 mei 2016", "12,5 %".
import { getLocale } from '$lib/paraglide/runtime';

const tags: Record<string, string> = { en: 'en-GB', nl: 'nl-NL' };

// Building an Intl formatter is costly (it was the largest CPU cost of a dashboard page), and a
// page formats hundreds of figures with a handful of distinct formats: keep them per locale.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const tag = tags[getLocale()] ?? 'en-GB';
	const key = `n|${tag}|${JSON.stringify(options)}`;
	let f = formatters.get(key);
	if (!f) formatters.set(key, (f = new Intl.NumberFormat(tag, options)));
	return f as Intl.NumberFormat;
}

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const tag = tags[getLocale()] ?? 'en-GB';
	const key = `d|${tag}|${JSON.stringify(options)}`;
	let f = formatters.get(key);
	if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(tag, options)));
	return f as Intl.DateTimeFormat;
}

/** A count or amount; `null` (no data) as an en dash. */
export function formatNumber(n: number | null | undefined, digits = 0): string {
	if (n === null || n === undefined) return '–';
	return numberFormat({ maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}

/** A percentage given as 0-100; `null` (zero denominator) as an en dash. */
export function formatPercent(pct: number | null | undefined, digits = 1): string {
	if (pct === null || pct === undefined) return '–';
	return numberFormat({
		style: 'percent',
		maximumFractionDigits: digits,
		minimumFractionDigits: digits
	}).format(pct / 100);
}

/** A ratio given as 0-1, shown as a percentage. */
export function formatRatio(ratio: number | null | undefined, digits = 1): string {
	return formatPercent(ratio === null || ratio === undefined ? ratio : ratio * 100, digits);
}

/** A calendar date (YYYY-MM-DD) as "27 May 2016" / "27 mei 2016". */
export function formatDate(iso: string | null | undefined): string {
	if (!iso) return '–';
	const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
	return dateFormat({ day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(Date.UTC(y, m - 1, d))
	);
}

/** A month (YYYY-MM or YYYY-MM-DD) as "May 2016" / "mei 2016". */
export function formatMonth(iso: string | null | undefined): string {
	if (!iso) return '–';
	const [y, m] = iso.slice(0, 7).split('-').map(Number);
	return dateFormat({ month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(Date.UTC(y, m - 1, 1))
	);
}
