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
// Shared by server loads (which turn a ParamError into a 400) and components (links).
import { parseFilters, type Filters } from '$lib/filters';
import { choiceParam, codeParam, flagParam, monthParam, textParam } from '$lib/params';

export const actionCategories = [
	'implemented',
	'in_progress',
	'not_started',
	'no_report',
	'overdue',
	'not_applicable',
	'applicable',
	// Applicable pairs without a status row dated on the programme's latest round.
	'not_in_latest_round'
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

/** ?relevant=false: the rows marked not relevant (no figure counts them); default true. */
export const relevances = ['true', 'false'] as const;
export type Relevance = (typeof relevances)[number];

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
	/** 'false': the rows marked not relevant; null: the relevant rows (as ?relevant=true). */
	relevant: 'false' | null;
}

export interface RetentionView {
	set: 'retention';
	filters: Filters;
	flag: RetentionFlag | null;
	authority: string | null;
}

export type RecordsView = ActionsView | SharingView | RetentionView;

/**
 * Every parameter a records page and its download accept (besides page=N): those of
 * viewParams, and for the actions ms (read as the actor when actor is absent).
 */
export const viewKeys: Record<RecordSet, readonly string[]> = {
	actions: ['asOf', 'programme', 'actor', 'ms', 'category', 'chapter', 'action', 'round'],
	sharing: [
		'asOf',
		'from',
		'to',
		'ms',
		'channel',
		'decision',
		'unjustified',
		'ground',
		'month',
		'relevant'
	],
	retention: ['asOf', 'ms', 'register', 'legalBasis', 'flag', 'authority']
};

/** URL parameters of a view, in their fixed order; null = absent. */
export type Params = Record<string, string | null>;

export function parseActionsView(url: URL, today: string): ActionsView {
	const filters = parseFilters(url, today);
	return {
		set: 'actions',
		filters,
		actor: codeParam(url, 'actor') ?? filters.ms,
		category: choiceParam(url, 'category', actionCategories),
		chapter: textParam(url, 'chapter'),
		action: textParam(url, 'action', 100),
		round: choiceParam(url, 'round', actionRounds)
	};
}

export function parseSharingView(url: URL, today: string): SharingView {
	return {
		set: 'sharing',
		filters: parseFilters(url, today),
		decision: choiceParam(url, 'decision', decisions),
		unjustified: flagParam(url, 'unjustified'),
		ground: choiceParam(url, 'ground', grounds),
		month: monthParam(url),
		// One address per view: ?relevant=true is the default, written as nothing.
		relevant: choiceParam(url, 'relevant', relevances) === 'false' ? 'false' : null
	};
}

export function parseRetentionView(url: URL, today: string): RetentionView {
	return {
		set: 'retention',
		filters: parseFilters(url, today),
		flag: choiceParam(url, 'flag', retentionFlags),
		authority: textParam(url, 'authority')
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
				month: view.month,
				relevant: view.relevant
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
