// The URL contract of the records pages (/records/actions, /records/sharing,
// /records/retention) and their CSV downloads: parse and validate every parameter, and build
// query strings in a fixed key order so that equal views have equal addresses.
//
//   /records/actions?{filters}&category=...&actor=XX&action=ID&chapter=...&round=previous
//     (actor, else ms; round=previous: each programme as of its previous reporting round)
//   /records/sharing?{filters}&decision=...&unjustified=1&ground=...&month=YYYY-MM-01
//   /records/retention?{filters}&flag=...&authority=...
//   plus page=N (50 rows a page) on the pages.
//
// Shared by server loads (which turn a FilterError into a 400) and components (links).
import { FilterError, parseFilters, type Filters } from '$lib/filters';
import { m } from '$lib/paraglide/messages';

export { FilterError };

/** Rows on one page of a records table. */
export const PAGE_SIZE = 50;

export const actionCategories = [
	'implemented',
	'in_progress',
	'not_started',
	'no_report',
	'overdue',
	'not_applicable',
	'applicable'
] as const;
export type ActionCategory = (typeof actionCategories)[number];

export const actionStatuses = [
	'implemented',
	'ongoing',
	'in_progress',
	'not_started',
	'not_applicable'
] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/** ?round=previous: the pairs behind the earlier figure of a change on the overview. */
export const actionRounds = ['previous'] as const;
export type ActionRound = (typeof actionRounds)[number];

export const decisions = ['shared', 'withheld', 'pending'] as const;
export type Decision = (typeof decisions)[number];

/** Withholding grounds; '(none)' selects withheld rows without a ground. */
export const grounds = [
	'legal',
	'operational',
	'ongoing_investigation',
	'safety_of_persons',
	'third_party_consent',
	'other',
	'(none)'
] as const;
export type Ground = (typeof grounds)[number];

export const retentionFlags = [
	'overdue_review',
	'past_retention',
	'missing_assessment',
	'compliant',
	'active',
	'late_deletion',
	'no_rule'
] as const;
export type RetentionFlag = (typeof retentionFlags)[number];

export type RecordSet = 'actions' | 'sharing' | 'retention';
export const recordSets: readonly RecordSet[] = ['actions', 'sharing', 'retention'];

export interface ActionsView {
	set: 'actions';
	filters: Filters;
	/** The actor: ?actor=, else ?ms=. */
	actor: string | null;
	category: ActionCategory | null;
	chapter: string | null;
	action: string | null;
	/** 'previous': each programme as of its previous reporting round before the as-of date. */
	round: ActionRound | null;
}

export interface SharingView {
	set: 'sharing';
	filters: Filters;
	decision: Decision | null;
	unjustified: boolean;
	ground: Ground | null;
	/** First day of the month (YYYY-MM-01). */
	month: string | null;
}

export interface RetentionView {
	set: 'retention';
	filters: Filters;
	flag: RetentionFlag | null;
	authority: string | null;
}

export type RecordsView = ActionsView | SharingView | RetentionView;

/** URL parameters of a view, in their fixed order; null = absent. */
export type Params = Record<string, string | null>;

const codePattern = /^[A-Z0-9][A-Z0-9_.-]{0,29}$/;
const legalBasisPattern = /^[A-Za-z0-9][A-Za-z0-9_. /-]{0,49}$/;

function invalid(name: string, value: string, expected: string): FilterError {
	return new FilterError(m.rec_error_invalid({ name, value: JSON.stringify(value), expected }));
}

function raw(url: URL, key: string): string | null {
	const v = url.searchParams.get(key);
	if (v === null) return null;
	const t = v.trim();
	return t === '' ? null : t;
}

function oneOf<T extends string>(url: URL, key: string, accepted: readonly T[]): T | null {
	const v = raw(url, key);
	if (v === null) return null;
	if (!(accepted as readonly string[]).includes(v)) {
		throw invalid(key, v, m.rec_expected_one_of({ values: accepted.join(', ') }));
	}
	return v as T;
}

function text(url: URL, key: string, max = 200): string | null {
	const v = raw(url, key);
	if (v === null) return null;
	// eslint-disable-next-line no-control-regex -- control characters are refused
	if (v.length > max || /[\u0000-\u001f]/.test(v)) {
		throw invalid(key, v.slice(0, 40), m.rec_expected_text({ max }));
	}
	return v;
}

function checkCode(key: string, v: string | null): string | null {
	if (v === null) return null;
	if (!codePattern.test(v)) throw invalid(key, v, m.rec_expected_code());
	return v;
}

function isRealDate(iso: string): boolean {
	const d = new Date(`${iso}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/** ?month=YYYY-MM-01 (also YYYY-MM or any day of the month) as the month's first day. */
function month(url: URL): string | null {
	const v = raw(url, 'month');
	if (v === null) return null;
	const mm = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(v);
	const first = mm ? `${mm[1]}-${mm[2]}-01` : '';
	if (!mm || !isRealDate(first) || (mm[3] && !isRealDate(v))) {
		throw invalid('month', v, m.rec_expected_month());
	}
	return first;
}

/** ?unjustified=1 (or true); 0, false or empty mean no filter. */
function flagParam(url: URL, key: string): boolean {
	const v = raw(url, key);
	if (v === null || v === '0' || v === 'false') return false;
	if (v === '1' || v === 'true') return true;
	throw invalid(key, v, m.rec_expected_one_of({ values: '1, 0' }));
}

function checkLegalBasis(v: string | null): string | null {
	if (v === null) return null;
	if (!legalBasisPattern.test(v)) throw invalid('legalBasis', v, m.rec_expected_code());
	return v;
}

function commonFilters(url: URL, today: string): Filters {
	const f = parseFilters(url, today);
	return {
		...f,
		ms: checkCode('ms', f.ms),
		channel: checkCode('channel', f.channel),
		register: checkCode('register', f.register),
		legalBasis: checkLegalBasis(f.legalBasis)
	};
}

export function parseActionsView(url: URL, today: string): ActionsView {
	const filters = commonFilters(url, today);
	return {
		set: 'actions',
		filters,
		actor: checkCode('actor', raw(url, 'actor')?.toUpperCase() ?? null) ?? filters.ms,
		category: oneOf(url, 'category', actionCategories),
		chapter: text(url, 'chapter'),
		action: text(url, 'action', 100),
		round: oneOf(url, 'round', actionRounds)
	};
}

export function parseSharingView(url: URL, today: string): SharingView {
	return {
		set: 'sharing',
		filters: commonFilters(url, today),
		decision: oneOf(url, 'decision', decisions),
		unjustified: flagParam(url, 'unjustified'),
		ground: oneOf(url, 'ground', grounds),
		month: month(url)
	};
}

export function parseRetentionView(url: URL, today: string): RetentionView {
	return {
		set: 'retention',
		filters: commonFilters(url, today),
		flag: oneOf(url, 'flag', retentionFlags),
		authority: text(url, 'authority')
	};
}

export function parseView(set: RecordSet, url: URL, today: string): RecordsView {
	switch (set) {
		case 'actions':
			return parseActionsView(url, today);
		case 'sharing':
			return parseSharingView(url, today);
		case 'retention':
			return parseRetentionView(url, today);
	}
}

/** ?page=N: 1 when absent; a FilterError for anything but a whole number from 1 up. */
export function parsePage(url: URL): number {
	const v = raw(url, 'page');
	if (v === null) return 1;
	const n = /^\d{1,6}$/.test(v) ? Number(v) : NaN;
	if (!Number.isInteger(n) || n < 1) throw invalid('page', v, m.rec_expected_page());
	return n;
}

/** The URL parameters of a view, in their fixed order (the order of links and forms). */
export function viewParams(view: RecordsView): Params {
	const f = view.filters;
	switch (view.set) {
		case 'actions':
			return {
				asOf: f.asOf,
				programme: f.programme,
				actor: view.actor,
				category: view.category,
				chapter: view.chapter,
				action: view.action,
				round: view.round
			};
		case 'sharing':
			return {
				asOf: f.asOf,
				from: f.from,
				to: f.to,
				ms: f.ms,
				channel: f.channel,
				decision: view.decision,
				unjustified: view.unjustified ? '1' : null,
				ground: view.ground,
				month: view.month
			};
		case 'retention':
			return {
				asOf: f.asOf,
				ms: f.ms,
				register: f.register,
				legalBasis: f.legalBasis,
				flag: view.flag,
				authority: view.authority
			};
	}
}

/**
 * A query string ("?a=1&b=2", or "" when empty) for `params` with `changes` applied (null
 * removes a key; new keys go last) and an optional page (left out for page 1).
 */
export function toQuery(params: Params, changes: Params = {}, page?: number): string {
	const merged: Params = { ...params, ...changes };
	const search = new URLSearchParams();
	for (const [key, value] of Object.entries(merged)) if (value) search.set(key, value);
	if (page && page > 1) search.set('page', String(page));
	const s = search.toString();
	return s ? `?${s}` : '';
}
