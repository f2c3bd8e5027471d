// Calendar helpers on whole days (days since 1970-01-01, UTC). The generator never reads the
// current date: every date it writes is derived from the fixed constants below and the PRNG.

const MS_PER_DAY = 86_400_000;

/** Day number of an ISO date (YYYY-MM-DD). */
export function dayOf(iso: string): number {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!m) throw new Error(`not an ISO date: ${iso}`);
	return Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / MS_PER_DAY);
}

/** ISO date (YYYY-MM-DD) of a day number. */
export function isoOf(day: number): string {
	return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Dutch notation dd-mm-jjjj of an ISO date. */
export function dutchDate(iso: string): string {
	return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}

/** Calendar year of a day number. */
export function yearOf(day: number): number {
	return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/**
 * Add calendar months to a day; a day past the target month's end clamps to its last day
 * (2016-01-31 + 1 month = 2016-02-29), as the retention metric does.
 */
export function addMonths(day: number, months: number): number {
	const d = new Date(day * MS_PER_DAY);
	const y = d.getUTCFullYear();
	const m = d.getUTCMonth() + months;
	const targetYear = y + Math.floor(m / 12);
	const targetMonth = ((m % 12) + 12) % 12;
	const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
	const dom = Math.min(d.getUTCDate(), lastDay);
	return Math.round(Date.UTC(targetYear, targetMonth, dom) / MS_PER_DAY);
}

/** Memoised ISO strings for a range of days, for fast formatting of millions of rows. */
export class DateCache {
	private readonly first: number;
	private readonly iso: string[];

	constructor(firstIso: string, lastIso: string) {
		this.first = dayOf(firstIso);
		const last = dayOf(lastIso);
		this.iso = [];
		for (let d = this.first; d <= last; d++) this.iso.push(isoOf(d));
	}

	get(day: number): string {
		const s = this.iso[day - this.first];
		return s === undefined ? isoOf(day) : s;
	}
}
