// Report filters live in the URL, so any view can be bookmarked or sent and opens identically.
// Shared by server loads (parse and validate) and components (build links).

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

export class FilterError extends Error {}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(iso: string): boolean {
	const d = new Date(`${iso}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

function dateParam(url: URL, key: string): string | null {
	const v = url.searchParams.get(key);
	if (v === null || v === '') return null;
	if (!isoDate.test(v) || !isRealDate(v))
		throw new FilterError(`invalid ${key}: ${JSON.stringify(v)} (expected a date YYYY-MM-DD)`);
	return v;
}

function codeParam(url: URL, key: string): string | null {
	const v = url.searchParams.get(key);
	if (v === null || v.trim() === '') return null;
	if (v.length > 100) throw new FilterError(`invalid ${key}: too long`);
	return v.trim();
}

/** Read filters from a URL; `today` is the default as-of date. Throws FilterError on bad input. */
export function parseFilters(url: URL, today: string): Filters {
	const from = dateParam(url, 'from');
	const to = dateParam(url, 'to');
	if (from && to && from > to)
		throw new FilterError(`invalid period: from ${from} is after to ${to}`);
	return {
		asOf: dateParam(url, 'asOf') ?? today,
		from,
		to,
		programme: codeParam(url, 'programme'),
		ms: codeParam(url, 'ms')?.toUpperCase() ?? null,
		channel: codeParam(url, 'channel')?.toUpperCase() ?? null,
		register: codeParam(url, 'register')?.toUpperCase() ?? null,
		legalBasis: codeParam(url, 'legalBasis')
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
