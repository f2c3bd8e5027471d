// Report filters live in the URL, so any view can be bookmarked or sent and opens identically.
// Shared by server loads (parse and validate) and components (build links).
import { m } from '$lib/paraglide/messages';
import { typedDate } from '$lib/dates';
import { codeParam, dateParam, invalid, ParamError, textParam, textValue } from '$lib/params';

export interface Filters {
	/** As-of date D (YYYY-MM-DD). */
	asOf: string;
	/** Sharing period, inclusive; either may be absent. */
	from: string | null;
	to: string | null;
	programme: string | null;
	/** Member state (actor code). */
	ms: string | null;
	channel: string | null;
	register: string | null;
	legalBasis: string | null;
}

export const filterKeys = [
	'asOf',
	'from',
	'to',
	'programme',
	'ms',
	'channel',
	'register',
	'legalBasis'
] as const;
export type FilterKey = (typeof filterKeys)[number];

const legalBasisPattern = /^[A-Za-z0-9][A-Za-z0-9_. /-]{0,49}$/;

/** Read filters from a URL; `today` is the default as-of date. Throws ParamError on bad input. */
export function parseFilters(url: URL, today: string): Filters {
	const from = dateParam(url, 'from');
	const to = dateParam(url, 'to');
	if (from && to && from > to) throw new ParamError(m.param_error_period({ from, to }));
	const legalBasis = textValue(url, 'legalBasis');
	if (legalBasis !== null && !legalBasisPattern.test(legalBasis))
		throw invalid('legalBasis', legalBasis, m.rec_expected_code());
	return {
		asOf: dateParam(url, 'asOf') ?? today,
		from,
		to,
		programme: textParam(url, 'programme', 100),
		ms: codeParam(url, 'ms'),
		// A code or an alias (SIS II): the server resolves it against the reference list.
		channel: textParam(url, 'channel', 50)?.toUpperCase() ?? null,
		register: codeParam(url, 'register'),
		legalBasis
	};
}

/**
 * A query string for `filters` with `changes` applied (null removes a key). Keys keep a fixed
 * order so equal views have equal addresses.
 */
export function filterQuery(
	filters: Partial<Filters>,
	changes: Partial<Record<FilterKey, string | null>> = {},
	extra: Record<string, string | number | null | undefined> = {}
): string {
	const merged: Record<string, string | null | undefined> = { ...filters, ...changes };
	const params = new URLSearchParams();
	for (const key of filterKeys) {
		const v = merged[key];
		if (v) params.set(key, v);
	}
	for (const [k, v] of Object.entries(extra))
		if (v !== null && v !== undefined && v !== '') params.set(k, String(v));
	const s = params.toString();
	return s ? `?${s}` : '';
}

/**
 * What the overview's changes compare with (?compare=): each programme's previous reporting
 * round, or an earlier date (YYYY-MM-DD before the as-of date).
 */
export type Compare = typeof PREVIOUS_ROUND | (string & {});

/** ?compare=previous-round: the default. */
export const PREVIOUS_ROUND = 'previous-round';

/**
 * ?compare= (default: previous-round). The overview's form sends compare=date with the date in
 * compareOn; the page redirects that to compare=YYYY-MM-DD (comparisonQuery), so the address
 * has one name for the comparison. Throws ParamError naming the accepted values.
 */
export function parseCompare(url: URL, asOf: string): Compare {
	const v = textValue(url, 'compare');
	if (v === null || v === PREVIOUS_ROUND) return PREVIOUS_ROUND;
	const expected = () => m.param_expected_compare({ asOf });
	// Typed as the interface shows dates (dd-mm-jjjj in Dutch) or as YYYY-MM-DD.
	const on = typedDate(v);
	if (on === null || on >= asOf) throw invalid('compare', v, expected());
	return on;
}

/**
 * A form submission's query string made canonical: empty fields dropped, and compare=date with
 * its date in compareOn folded into compare=D (compareOn dropped). Null when already canonical.
 * compare=date without a date stays compare=date, which parseCompare refuses.
 */
export function canonicalQuery(url: URL): string | null {
	const params = [...url.searchParams];
	if (!params.some(([k, v]) => v === '' || k === 'compareOn')) return null;
	const on = url.searchParams.get('compareOn')?.trim() ?? '';
	const kept = new URLSearchParams();
	for (const [k, v] of params) {
		if (k === 'compare' && v === 'date') kept.append(k, on || v);
		else if (v !== '' && k !== 'compareOn') kept.append(k, v);
	}
	return kept.toString();
}
