// Links from a figure to the rows it was computed from, and to member-state, programme and
// action pages. Call these while rendering (components), not in server loads: resolve() gives
// paths relative to the page being rendered.
//
// The links to rows (actions, sharing, retention; quality through `readable` in the quality
// figure cells) are null when the signed-in user may not read those rows ($lib/access): the
// figure is then shown without its link, never as a link to an error. Checked here, where pages build their links, rather than in Figure.svelte: a page
// has hundreds of figures, and a component that calls anything costs more to render.
import { page } from '$app/state';
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import { mayFollow, type Access } from '$lib/access';
import { filterQuery, type Filters } from '$lib/filters';

type Extra = Record<string, string | number | null | undefined>;

// The /records and /programmes routes are built alongside this module, so they are resolved as
// plain paths rather than typed route ids.
const resolvePath = resolve as unknown as (path: string) => ResolvedPathname;

function withQuery(path: ResolvedPathname, query: string): ResolvedPathname {
	return `${path}${query}` as ResolvedPathname;
}

/** `href`, or null when the signed-in user may not read what it leads to. */
export function readable(href: ResolvedPathname): ResolvedPathname | null {
	return mayFollow((page.data.access as Access | null) ?? null, href, page.url) ? href : null;
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
		withQuery(
			resolvePath('/records/actions'),
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
	}
): ResolvedPathname | null {
	const { unjustified, ...rest } = extra;
	return readable(
		withQuery(
			resolvePath('/records/sharing'),
			filterQuery(
				{
					asOf: filters.asOf,
					from: filters.from,
					to: filters.to,
					ms: filters.ms,
					channel: filters.channel
				},
				{},
				{ ...rest, unjustified: unjustified ? 1 : null } as Extra
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
		withQuery(
			resolvePath('/records/retention'),
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
	return withQuery(
		resolve('/member-states/[ms]', { ms }),
		`${filterQuery({ ...filters, ms: null }, {}, extra)}${hash}`
	);
}

/** A programme's catalogue, as of the same date. */
export function programmeHref(programme: string, filters: Partial<Filters>): ResolvedPathname {
	return withQuery(
		resolvePath(`/programmes/${encodeURIComponent(programme)}`),
		filterQuery({ asOf: filters.asOf })
	);
}

/** One action of a programme, as of the same date. */
export function actionHref(
	programme: string,
	action: string,
	filters: Partial<Filters>
): ResolvedPathname {
	return withQuery(
		resolvePath(`/programmes/${encodeURIComponent(programme)}/${encodeURIComponent(action)}`),
		filterQuery({ asOf: filters.asOf })
	);
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
