// Every link the app draws to one of its own pages: from a figure to the rows it was computed
// from, to the member-state, programme and action pages, to an import batch, to the records
// pages and their CSV downloads. The one place that knows the app's paths and their query
// strings; each path comes from SvelteKit's typed `resolve()`.
//
// Call these while rendering (components), not in server loads: resolve() gives paths relative
// to the page being rendered.
//
// A `query` argument is a query string built by filterQuery() ($lib/filters) or toQuery()
// ($lib/records/params): "" or "?a=b&...". Where a page keeps only the as-of date, the
// dashboard's filters may be passed instead.
//
// The links to rows (actions, sharing, retention; quality through `readable` in the quality
// figure cells) are null when the signed-in user may not read those rows ($lib/access): the
// figure is then shown without its link, never as a link to an error. Checked here, where
// pages build their links, rather than in Figure.svelte: a page has hundreds of figures, and
// a component that calls anything costs more to render.
import { page } from '$app/state';
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import { mayFollow, type Access } from '$lib/access';
import { filterQuery, type Filters } from '$lib/filters';
import type { BatchView } from '$lib/imports';
import type { RecordSet } from '$lib/records/params';

type Extra = Record<string, string | number | null | undefined>;

/** A query string ("" or "?..."), or filters of which the link keeps the as-of date. */
export type AsOfQuery = string | Pick<Partial<Filters>, 'asOf'>;

/** `path` with a query string ("", "?a=b" or "a=b") appended. */
function withQuery(path: ResolvedPathname, query: string): ResolvedPathname {
	const q = query.replace(/^\?/, '');
	return (q ? `${path}?${q}` : path) as ResolvedPathname;
}

function asOfQuery(query: AsOfQuery): string {
	return typeof query === 'string' ? query : filterQuery({ asOf: query.asOf });
}

function recordsPath(set: RecordSet): ResolvedPathname {
	switch (set) {
		case 'actions':
			return resolve('/records/actions');
		case 'sharing':
			return resolve('/records/sharing');
		case 'retention':
			return resolve('/records/retention');
	}
}

function csvPath(set: RecordSet): ResolvedPathname {
	switch (set) {
		case 'actions':
			return resolve('/records/actions.csv');
		case 'sharing':
			return resolve('/records/sharing.csv');
		case 'retention':
			return resolve('/records/retention.csv');
	}
}

/** `href`, or null when the signed-in user may not read what it leads to. */
export function readable(href: ResolvedPathname): ResolvedPathname | null {
	return mayFollow((page.data.access as Access | null) ?? null, href, page.url) ? href : null;
}

/** A records page (/records/actions, /records/sharing, /records/retention) with a query. */
export function recordsHref(set: RecordSet, query = ''): ResolvedPathname {
	return withQuery(recordsPath(set), query);
}

/** The CSV download of a records view. */
export function csvHref(set: RecordSet, query = ''): ResolvedPathname {
	return withQuery(csvPath(set), query);
}

/**
 * The action-status pairs behind a progress figure: /records/actions with category, actor,
 * chapter or action (the as-of date and programme come from the filters); round 'previous'
 * judges each programme as of its previous round (the earlier figure of a change).
 */
export function actionsHref(
	filters: Partial<Filters>,
	extra: {
		category?: string | null;
		actor?: string | null;
		chapter?: string | null;
		action?: string | null;
		round?: 'previous' | null;
	}
): ResolvedPathname | null {
	return readable(
		recordsHref(
			'actions',
			filterQuery({ asOf: filters.asOf, programme: filters.programme }, {}, extra)
		)
	);
}

/**
 * The sharing rows behind a withheld figure: /records/sharing with decision, unjustified=1,
 * ground or month (dates, member state and channel come from the filters).
 */
export function sharingHref(
	filters: Partial<Filters>,
	extra: {
		decision?: 'shared' | 'withheld' | 'pending' | null;
		unjustified?: boolean;
		ground?: string | null;
		month?: string | null;
		/** The rows marked not relevant, which no figure counts. */
		notRelevant?: boolean;
	}
): ResolvedPathname | null {
	const { unjustified, notRelevant, ...rest } = extra;
	return readable(
		recordsHref(
			'sharing',
			filterQuery(
				{
					asOf: filters.asOf,
					from: filters.from,
					to: filters.to,
					ms: filters.ms,
					channel: filters.channel
				},
				{},
				{ ...rest, unjustified: unjustified ? 1 : null, relevant: notRelevant ? 'false' : null }
			)
		)
	);
}

/**
 * The retention records behind a compliance figure: /records/retention with a flag and
 * authority (as-of date, member state, register and legal basis come from the filters).
 */
export function retentionHref(
	filters: Partial<Filters>,
	extra: { flag?: string | null; authority?: string | null }
): ResolvedPathname | null {
	return readable(
		recordsHref(
			'retention',
			filterQuery(
				{
					asOf: filters.asOf,
					ms: filters.ms,
					register: filters.register,
					legalBasis: filters.legalBasis
				},
				{},
				extra
			)
		)
	);
}

/** A member state's page, keeping the filters but ms (the page is about one already). */
export function memberStateHref(
	ms: string,
	filters: Partial<Filters>,
	extra: Extra = {},
	/** A fragment such as "#sharing". */
	hash = ''
): ResolvedPathname {
	const path = withQuery(
		resolve('/member-states/[ms]', { ms }),
		filterQuery({ ...filters, ms: null }, {}, extra)
	);
	return `${path}${hash}` as ResolvedPathname;
}

/** The overview with other filters (the language switch and forms keep the rest). */
export function overviewHref(filters: Partial<Filters>): ResolvedPathname {
	return withQuery(
		resolve('/'),
		filterQuery({
			asOf: filters.asOf,
			from: filters.from,
			to: filters.to,
			programme: filters.programme
		})
	);
}

/** The list of programmes. */
export function programmesHref(query = ''): ResolvedPathname {
	return withQuery(resolve('/programmes'), query);
}

/** A programme's catalogue (from the dashboard: as of the same date). */
export function programmeHref(programme: string, query: AsOfQuery = ''): ResolvedPathname {
	return withQuery(
		resolve('/programmes/[programme]', { programme: encodeURIComponent(programme) }),
		asOfQuery(query)
	);
}

/**
 * The changes between two reporting rounds of a programme (/programmes/[programme]/changes):
 * the rounds (default: its last two up to asOf) and, for the pairs behind a count, the group
 * and actor (and page).
 */
export function changesHref(
	programme: string,
	/** The view, or a query string ("" or "?...") such as a form's. */
	view:
		| {
				asOf?: string | null;
				from?: string | null;
				to?: string | null;
				actor?: string | null;
				group?: string | null;
				page?: number | null;
		  }
		| string = {},
	/** A fragment such as "#pairs". */
	hash = ''
): ResolvedPathname {
	let query: string;
	if (typeof view === 'string') query = view;
	else {
		const { asOf, from, to, actor, group, page } = view;
		query = filterQuery(
			{ asOf: asOf ?? undefined },
			{},
			{ from, to, actor, group, page: page && page > 1 ? page : null }
		);
	}
	const path = withQuery(
		resolve('/programmes/[programme]/changes', { programme: encodeURIComponent(programme) }),
		query
	);
	return `${path}${hash}` as ResolvedPathname;
}

/** One action of a programme (from the dashboard: as of the same date). */
export function actionHref(
	programme: string,
	action: string,
	query: AsOfQuery = ''
): ResolvedPathname {
	return withQuery(
		resolve('/programmes/[programme]/[action]', {
			programme: encodeURIComponent(programme),
			action: encodeURIComponent(action)
		}),
		asOfQuery(query)
	);
}

/**
 * The rows behind a data-quality figure of one sender (member state or actor) and kind:
 * /quality/[kind]/[sender] with the as-of date the figure used (so a bookmark opens identically)
 * and the view (show=batches | stored | rejected | superseded | empty | late), optionally one
 * optional field (show=empty: where it is empty; show=stored: where it applies), one batch and
 * a page.
 */
export function qualityHref(
	kind: string,
	sender: string,
	asOf: string,
	extra: {
		show?: string | null;
		field?: string | null;
		batch?: number | null;
		page?: number | null;
	} = {}
): ResolvedPathname {
	const { page, ...rest } = extra;
	return withQuery(
		resolve('/quality/[kind]/[sender]', { kind, sender }),
		filterQuery({ asOf }, {}, { ...rest, page: page && page > 1 ? page : null })
	);
}

/** An import batch's page. */
export function batchHref(batchId: number): ResolvedPathname {
	return resolve('/imports/[id]', { id: String(batchId) });
}

/** The file of an import batch exactly as it was imported (/imports/[id]/original). */
export function batchOriginalHref(batchId: number): ResolvedPathname {
	return resolve('/imports/[id]/original', { id: String(batchId) });
}

/**
 * Everything about one member state as of a date, as a zip (/member-states/[ms]/download.zip),
 * or null when the signed-in user may not read its records.
 */
export function dossierHref(ms: string, asOf: string): ResolvedPathname | null {
	return readable(
		withQuery(resolve('/member-states/[ms]/download.zip', { ms }), filterQuery({ asOf }))
	);
}

/** One view of an import batch's rows (/imports/[id]?show=...&page=...): see $lib/imports. */
export function batchViewHref(batchId: number, show: BatchView, page = 1): ResolvedPathname {
	return withQuery(batchHref(batchId), page > 1 ? `?show=${show}&page=${page}` : `?show=${show}`);
}
