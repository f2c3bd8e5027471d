// Report filters live in the URL, so any view can be bookmarked or sent and opens identically.
// Shared by server loads (parse and validate) and components (build links).
import { m } from '$lib/paraglide/messages';
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
