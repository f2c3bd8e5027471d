// Values in a report's language: "27 mei 2016", "12,5 %" (Dutch), "27 May 2016", "12.5%".
// Formatting only: every figure arrives computed from SQL.
import type { ColumnType, Lang } from './definition.ts';
import type { Cell } from './model.ts';

const tags: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numbers(lang: Lang, digits: number): Intl.NumberFormat {
	const key = `n${lang}${digits}`;
	let f = formatters.get(key);
	if (!f)
		formatters.set(
			key,
			(f = new Intl.NumberFormat(tags[lang], {
				minimumFractionDigits: digits,
				maximumFractionDigits: digits
			}))
		);
	return f as Intl.NumberFormat;
}

function dates(lang: Lang): Intl.DateTimeFormat {
	const key = `d${lang}`;
	let f = formatters.get(key);
	if (!f)
		formatters.set(
			key,
			(f = new Intl.DateTimeFormat(tags[lang], {
				day: 'numeric',
				month: 'long',
				year: 'numeric',
				timeZone: 'UTC'
			}))
		);
	return f as Intl.DateTimeFormat;
}

export function localeTag(lang: Lang): string {
	return tags[lang];
}

/** A date (YYYY-MM-DD...) in words. */
export function formatDate(lang: Lang, iso: string): string {
	const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
	return dates(lang).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A timestamp (ISO) as date and UTC time. */
export function formatTimestamp(lang: Lang, iso: string): string {
	return `${formatDate(lang, iso)} ${iso.slice(11, 16)} UTC`;
}

/** A percentage given as 0-100: "12,5 %" in Dutch, "12.5%" in English. */
export function formatPercent(lang: Lang, pct: number): string {
	const n = numbers(lang, 1).format(pct);
	return lang === 'nl' ? `${n} %` : `${n}%`;
}

const yesNo: Record<Lang, [string, string]> = { nl: ['ja', 'nee'], en: ['yes', 'no'] };

/** A date in digits, for long record lists: 27-05-2016 (Dutch), 2016-05-27 (English). */
export function formatShortDate(lang: Lang, iso: string): string {
	return lang === 'nl' ? iso.slice(0, 10).split('-').reverse().join('-') : iso.slice(0, 10);
}

/** A cell as text for a reader; null is an en dash (no value / zero denominator). */
export function formatCell(lang: Lang, type: ColumnType, value: Cell, compact = false): string {
	if (value === null || value === undefined || value === '') return type === 'text' ? '' : '–';
	switch (type) {
		case 'integer':
			return typeof value === 'number' ? numbers(lang, 0).format(value) : String(value);
		case 'number':
			return typeof value === 'number' ? numbers(lang, 1).format(value) : String(value);
		case 'percent':
			return typeof value === 'number' ? formatPercent(lang, value) : String(value);
		case 'ratio':
			return typeof value === 'number' ? formatPercent(lang, value * 100) : String(value);
		case 'id':
			return String(value);
		case 'date':
			return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)
				? compact
					? formatShortDate(lang, value)
					: formatDate(lang, value)
				: String(value);
		case 'boolean':
			return value === true ? yesNo[lang][0] : value === false ? yesNo[lang][1] : String(value);
		default:
			return String(value);
	}
}
