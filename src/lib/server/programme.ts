// The programme pages: /programmes, every action catalogue with its actions, actors and
// reporting rounds as of D; /programmes/[programme], one catalogue as of D by chapter and by
// action (all actors, or one), with its reporting rounds and every actor's figures.
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type {
	ActionRow,
	ActorProgressRow,
	CatalogueRow,
	ChapterRow,
	ProgrammeProgressRow,
	ProgressCounts,
	TrendRow
} from '$lib/records/rows';
import { withData } from './data.ts';
import type { Scope } from './scope.ts';

/** A catalogue with the figures of all its pairs (progress_by_programme). */
export interface ProgrammeSummary extends CatalogueRow, ProgressCounts {
	actors: number;
}

export interface ProgrammesPage {
	asOf: string;
	programmes: ProgrammeSummary[];
}

/** The figures of a programme without pairs as of D. */
function noPairs(programme: string): ProgrammeProgressRow {
	return {
		programme,
		actors: 0,
		pairs: 0,
		applicable: 0,
		implemented: 0,
		ongoing: 0,
		in_progress: 0,
		not_started: 0,
		no_report: 0,
		not_applicable: 0,
		overdue: 0,
		progress_pct: null,
		weighted_pct: null,
		not_in_latest_round: 0
	};
}

/** Every programme (action catalogue) as of `asOf`, with its figures. */
export function programmesPage(scope: Scope, asOf: string): Promise<ProgrammesPage> {
	return withData(scope, async (data) => {
		const catalogues = await data.cachedRows('programme_catalogues', {
			as_of: asOf
		});
		const totals = await data.cachedRows('progress_by_programme', {
			as_of: asOf,
			programme: null
		});
		const byProgramme = new Map(totals.map((t) => [t.programme, t]));
		const programmes = catalogues.map((c) => {
			const { actors, progress_pct, weighted_pct, ...counts } =
				byProgramme.get(c.programme) ?? noPairs(c.programme);
			// The counts, then actors and the percentages: the order of the page's columns.
			return { ...c, ...counts, actors, progress_pct, weighted_pct };
		});
		return { asOf, programmes };
	});
}

export interface ProgrammeParams {
	programme: string;
	asOf: string;
	/** Only this actor's pairs (null: all), except in the list of actors. */
	actor: string | null;
}

export interface ProgrammePage {
	programme: string;
	asOf: string;
	actor: string | null;
	catalogue: CatalogueRow;
	chapters: ChapterRow[];
	actions: ActionRow[];
	/** The programme's totals per reporting round, latest first. */
	rounds: TrendRow[];
	/** Every actor's figures (whatever `actor` narrows the rest of the page to). */
	actors: ActorProgressRow[];
}

/** One programme as of `asOf`; 404 for an unknown programme. */
export async function programmePage(scope: Scope, params: ProgrammeParams): Promise<ProgrammePage> {
	const { programme, asOf, actor } = params;
	// Longer than any stored code: cannot exist.
	if (programme.length > 200)
		error(404, m.rec_error_no_programme({ programme: programme.slice(0, 50) }));
	return withData(scope, async (data) => {
		const catalogues = await data.cachedRows('programme_catalogues', {
			as_of: asOf
		});
		const catalogue = catalogues.find((c) => c.programme === programme);
		if (!catalogue) error(404, m.rec_error_no_programme({ programme }));
		const filter = { as_of: asOf, programme, actor };
		const chapters = await data.cachedRows('progress_by_chapter', filter);
		const actions = await data.cachedRows('progress_by_action', {
			...filter,
			chapter: null
		});
		const trend = await data.cachedRows('progress_trend', filter);
		const actors = await data.cachedRows('progress_by_actor', {
			as_of: asOf,
			programme,
			actor: null
		});
		return {
			programme,
			asOf,
			actor,
			catalogue,
			chapters,
			actions,
			// The total rows (those with an actor are per actor).
			rounds: trend.filter((r) => r.actor === null).reverse(),
			actors
		};
	});
}
