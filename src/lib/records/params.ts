// The URL contract of the records pages (/records/actions, /records/sharing,
// /records/retention) and their CSV downloads: parse and validate every parameter, and build
// query strings in a fixed key order so that equal views have equal addresses.
//
//   /records/actions?{filters}&category=...&actor=XX&action=ID&chapter=...&round=previous
//     (actor, else ms; round=previous: each programme as of its previous reporting round)
//   /records/sharing?{filters}&decision=...&unjustified=1&ground=...&month=YYYY-MM-01
//   /records/retention?{filters}&flag=...&authority=...
//   plus, on each: q=text (a search over the set's text columns, searchColumns), sort=column
//   (one of sortColumns) and dir=asc|desc; and page=N (50 rows a page) on the pages.
//
// Shared by server loads (which turn a ParamError into a 400) and components (links).
import { parseFilters, type Filters } from '$lib/filters';
import { choiceParam, codeParam, flagParam, invalid, monthParam, textParam } from '$lib/params';
import { m } from '$lib/paraglide/messages';

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

/**
 * The columns a records table sorts by (?sort=), as its list query accepts them (the query
 * checks them too: queries/progress_pairs.sql, withheld_rows.sql, retention_records.sql). The
 * first is the default order's leading column.
 */
export const sortColumns = {
	actions: [
		'action',
		'programme',
		'actor',
		'status',
		'judged_on',
		'reported_on',
		'completion_pct',
		'deadline',
		'state_of_play',
		'source'
	],
	sharing: [
		'occurred_on',
		'event_id',
		'member_state',
		'channel',
		'recipient',
		'decision',
		'withholding_ground',
		'weighing_documented',
		'weighing_ref',
		'shared_on',
		'terrorism_marker',
		'context_provided',
		'category',
		'subject_ref',
		'source'
	],
	retention: [
		'member_state',
		'record_id',
		'register',
		'legal_basis',
		'kind',
		'authority',
		'created_on',
		'last_review',
		'review_due',
		'retention_end',
		'deleted_on',
		'impact_assessed',
		'flags',
		'source'
	]
} as const satisfies Record<RecordSet, readonly string[]>;

export type SortColumn<S extends RecordSet = RecordSet> = (typeof sortColumns)[S][number];

/** The column a table is in order of when the URL names none (ascending). */
export const defaultSort: { [S in RecordSet]: SortColumn<S> } = {
	actions: 'programme',
	sharing: 'occurred_on',
	retention: 'member_state'
};

/**
 * The columns a records table shows only when asked (?cols=a,b, from the column chooser), so
 * that the default ones, the source last, fit a 1280-pixel screen without scrolling sideways.
 * The CSV downloads always have every column.
 */
export const optionalColumns = {
	actions: ['completion_pct'],
	sharing: [
		'weighing_ref',
		'shared_on',
		'terrorism_marker',
		'context_provided',
		'category',
		'subject_ref'
	],
	retention: ['register', 'kind', 'last_review', 'deleted_on', 'impact_assessed']
} as const satisfies Record<RecordSet, readonly string[]>;

export const sortDirections = ['asc', 'desc'] as const;
export type SortDirection = (typeof sortDirections)[number];

/** Longest search text (?q=). */
export const SEARCH_MAX = 100;

/** The order and search of a records table: ?sort=, ?dir=, ?q= (null: absent). */
export interface Listing {
	sort: string | null;
	dir: SortDirection | null;
	/** A text searched for, ignoring case, in the set's text columns. */
	q: string | null;
	/** The optional columns shown (of optionalColumns), in their fixed order. */
	cols: string[];
}

export interface ActionsView extends Listing {
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

export interface SharingView extends Listing {
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

export interface RetentionView extends Listing {
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
	actions: [
		'asOf',
		'programme',
		'actor',
		'ms',
		'category',
		'chapter',
		'action',
		'round',
		'q',
		'sort',
		'dir',
		'cols'
	],
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
		'relevant',
		'q',
		'sort',
		'dir',
		'cols'
	],
	retention: [
		'asOf',
		'ms',
		'register',
		'legalBasis',
		'flag',
		'authority',
		'q',
		'sort',
		'dir',
		'cols'
	]
};

/**
 * ?cols=: the optional columns to show, comma-separated or repeated (a form's checkboxes), each
 * one of the set's optionalColumns; returned in that fixed order.
 */
function colsParam(set: RecordSet, url: URL): string[] {
	const accepted: readonly string[] = optionalColumns[set];
	const asked = url.searchParams
		.getAll('cols')
		.flatMap((v) => v.split(','))
		.map((v) => v.trim())
		.filter((v) => v !== '');
	for (const col of asked) {
		if (!accepted.includes(col))
			throw invalid('cols', col, m.rec_expected_one_of({ values: accepted.join(', ') }));
	}
	return accepted.filter((c) => asked.includes(c));
}

/** ?q=, ?sort= (one of the set's sortColumns), ?dir=asc|desc and ?cols=. */
export function parseListing(set: RecordSet, url: URL): Listing {
	const sort = choiceParam(url, 'sort', sortColumns[set]);
	// One address per view: ?dir=asc is the default, written as nothing.
	const dir = choiceParam(url, 'dir', sortDirections) === 'desc' ? 'desc' : null;
	return {
		cols: colsParam(set, url),
		q: textParam(url, 'q', SEARCH_MAX),
		// dir=desc alone turns the default order round: its column, named.
		sort: sort ?? (dir ? defaultSort[set] : null),
		dir
	};
}

/** The URL parameters of a listing, in their fixed order (after the set's own). */
function listingParams(view: Listing): Params {
	return {
		q: view.q,
		sort: view.sort,
		dir: view.dir,
		cols: view.cols.length > 0 ? view.cols.join(',') : null
	};
}

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
		round: choiceParam(url, 'round', actionRounds),
		...parseListing('actions', url)
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
		relevant: choiceParam(url, 'relevant', relevances) === 'false' ? 'false' : null,
		...parseListing('sharing', url)
	};
}

export function parseRetentionView(url: URL, today: string): RetentionView {
	return {
		set: 'retention',
		filters: parseFilters(url, today),
		flag: choiceParam(url, 'flag', retentionFlags),
		authority: textParam(url, 'authority'),
		...parseListing('retention', url)
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
				round: view.round,
				...listingParams(view)
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
				relevant: view.relevant,
				...listingParams(view)
			};
		case 'retention':
			return {
				asOf: f.asOf,
				ms: f.ms,
				register: f.register,
				legalBasis: f.legalBasis,
				flag: view.flag,
				authority: view.authority,
				...listingParams(view)
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
