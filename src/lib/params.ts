// The one parser of URL parameters: every page, download and endpoint reads its query string
// with these, so a bad value gets the same translated message everywhere (a ParamError, which
// $lib/server/url turns into a 400). Shared by server loads and components (no server code).
import { isIsoDate, MAX_YEAR, MIN_YEAR, typedDate } from '$lib/dates';
import { m } from '$lib/paraglide/messages';

export { isIsoDate, MAX_YEAR, MIN_YEAR };

/** Rows to a page, on every paged list. */
export const PAGE_SIZE = 50;

/** Largest value of an INTEGER column: a larger id cannot exist. */
export const MAX_INTEGER = 2_147_483_647;

/** A bad URL parameter; its message names the parameter, the value and what is accepted. */
export class ParamError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ParamError';
	}
}

/** A ParamError for `name` = `value`, saying what was `expected`. */
export function invalid(name: string, value: string, expected: string): ParamError {
	return new ParamError(
		m.rec_error_invalid({ name, value: JSON.stringify(value.slice(0, 60)), expected })
	);
}

/**
 * Refuse every parameter not in `accepted`: a misspelt or unsupported filter (?relevant=no,
 * ?member_state=NL) would otherwise be ignored silently and show rows the reader did not ask for.
 */
export function knownParams(url: URL, accepted: readonly string[]): void {
	for (const key of new Set(url.searchParams.keys())) {
		if (!accepted.includes(key)) {
			throw new ParamError(
				m.param_unknown({ name: JSON.stringify(key), accepted: accepted.join(', ') })
			);
		}
	}
}

/** The trimmed value of `key`, or null when absent or empty. */
export function textValue(url: URL, key: string): string | null {
	const v = url.searchParams.get(key);
	if (v === null) return null;
	const t = v.trim();
	return t === '' ? null : t;
}

/** ?key=YYYY-MM-DD (or dd-mm-yyyy, as a Dutch date input sends it), as YYYY-MM-DD, or null. */
export function dateParam(url: URL, key: string): string | null {
	const v = textValue(url, key);
	if (v === null) return null;
	const iso = typedDate(v);
	if (iso === null) throw invalid(key, v, m.param_expected_date({ min: MIN_YEAR, max: MAX_YEAR }));
	return iso;
}

/** ?key= one of `accepted`, or null. */
export function choiceParam<T extends string>(
	url: URL,
	key: string,
	accepted: readonly T[]
): T | null {
	const v = textValue(url, key);
	if (v === null) return null;
	if (!(accepted as readonly string[]).includes(v))
		throw invalid(key, v, m.rec_expected_one_of({ values: accepted.join(', ') }));
	return v as T;
}

/** ?key= free text of at most `max` characters and no control characters, or null. */
export function textParam(url: URL, key: string, max = 200): string | null {
	const v = textValue(url, key);
	if (v === null) return null;
	// eslint-disable-next-line no-control-regex -- control characters are refused
	if (v.length > max || /[\u0000-\u001f]/.test(v))
		throw invalid(key, v.slice(0, 40), m.rec_expected_text({ max }));
	return v;
}

const codePattern = /^[A-Z0-9][A-Z0-9_.-]{0,29}$/;

/** ?key= a code (upper-cased: nl is NL), or null. */
export function codeParam(url: URL, key: string): string | null {
	const v = textValue(url, key)?.toUpperCase() ?? null;
	if (v === null) return null;
	if (!codePattern.test(v)) throw invalid(key, v, m.rec_expected_code());
	return v;
}

/** ?key=1 (or true); 0, false or empty mean no. */
export function flagParam(url: URL, key: string): boolean {
	const v = textValue(url, key);
	if (v === null || v === '0' || v === 'false') return false;
	if (v === '1' || v === 'true') return true;
	throw invalid(key, v, m.rec_expected_one_of({ values: '1, 0' }));
}

/** ?month=YYYY-MM-01: the first day of a month, or null. */
export function monthParam(url: URL, key = 'month'): string | null {
	const v = textValue(url, key);
	if (v === null) return null;
	if (!isIsoDate(v) || !v.endsWith('-01')) throw invalid(key, v, m.rec_expected_month());
	return v;
}

/** ?page=N: 1 when absent; a whole number from 1 up. */
export function pageParam(url: URL): number {
	const v = textValue(url, 'page');
	if (v === null) return 1;
	const n = /^\d{1,6}$/.test(v) ? Number(v) : NaN;
	if (!Number.isInteger(n) || n < 1) throw invalid('page', v, m.rec_expected_page());
	return n;
}

/** The number of pages of `total` rows (an empty list has one). */
export function pageCount(total: number): number {
	return Math.max(1, Math.ceil(total / PAGE_SIZE));
}
