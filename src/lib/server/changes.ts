// Changes between two reporting rounds of a programme (docs/metrics.md, "Changes between
// rounds"): /programmes/[programme]/changes counts, per actor, the (action, actor) pairs that
// improved, regressed, were newly reported, stopped reporting, were reclassified or became
// overdue between an earlier and a later round, and lists the pairs behind each count; the
// member-state page shows one actor's counts per programme (its last two rounds each).
//
// The groups are defined once, in SQL (progress_change_pair in queries/lib/010_progress.sql);
// this module only checks the rounds asked for and reads the queries through the gate.
import { error } from '@sveltejs/kit';
import {
	choiceParam,
	codeParam,
	dateParam,
	invalid,
	knownParams,
	pageParam,
	ParamError
} from '$lib/params';
import { m } from '$lib/paraglide/messages';
import {
	changeGroups,
	type ChangeCountRow,
	type ChangeGroup,
	type ChangePairRow
} from '$lib/records/rows';
import { withData, type Data } from './data.ts';
import { pageOfRows } from './paging.ts';
import type { Scope } from './scope.ts';

/** A group of the pairs list: one of the groups, or every pair that changed. */
export type ChangeListGroup = ChangeGroup | 'changed';
export const changeListGroups: readonly ChangeListGroup[] = [...changeGroups, 'changed'];

export interface ChangesParams {
	programme: string;
	asOf: string;
	/** The rounds asked for (null: the defaults). */
	from: string | null;
	to: string | null;
	/** Only this actor's pairs in the list (null: every actor). */
	actor: string | null;
	/** The pairs of this group are listed (null: no list). */
	group: ChangeListGroup | null;
	page: number;
}

export interface ChangesPage {
	programme: string;
	asOf: string;
	/** The programme's rounds on or before the as-of date, latest first. */
	rounds: string[];
	/** The rounds compared (null when the programme has fewer than two rounds up to D). */
	from: string | null;
	to: string | null;
	actor: string | null;
	group: ChangeListGroup | null;
	/** One row per actor, then the total (actor null). */
	counts: ChangeCountRow[];
	/** The pairs of the group asked for (and actor, if any), one page. */
	pairs: { rows: ChangePairRow[]; total: number; page: number; pageCount: number } | null;
	/** Names of the actors, in the page's language. */
	names: Record<string, string>;
}

/** The rounds of `programme` on or before `asOf`, latest first (progress_trend's rounds). */
async function roundsOf(data: Data, programme: string, asOf: string): Promise<string[]> {
	const trend = await data.cachedRows('progress_trend', {
		as_of: asOf,
		programme,
		actor: null
	});
	return trend
		.filter((r) => r.actor === null)
		.map((r) => r.round_on)
		.reverse();
}

/** What a round parameter accepts: one of `rounds`. */
function expectedRounds(rounds: readonly string[]): string {
	return rounds.length > 0
		? m.rec_expected_one_of({ values: rounds.join(', ') })
		: m.chg_expected_no_rounds();
}

/**
 * The rounds compared: `to` (default: the latest round) and `from` (default: the round before
 * `to`), each one of `rounds` (latest first), `from` before `to`; null when there are fewer
 * than two rounds. ParamError naming the accepted rounds.
 */
export function comparedRounds(
	rounds: readonly string[],
	from: string | null,
	to: string | null
): { from: string; to: string } | null {
	const laters = rounds.slice(0, -1);
	const earliers = rounds.slice(1);
	if (to !== null && !laters.includes(to)) throw invalid('to', to, expectedRounds(laters));
	if (from !== null && !earliers.includes(from))
		throw invalid('from', from, expectedRounds(earliers));
	if (rounds.length < 2) return null;
	const later = to ?? rounds[0];
	const earlier = from ?? rounds[rounds.indexOf(later) + 1];
	if (earlier >= later) throw new ParamError(m.chg_error_order({ from: earlier, to: later }));
	return { from: earlier, to: later };
}

/** The parameters of /programmes/[programme]/changes from its address (ParamError if bad). */
export function parseChanges(programme: string, url: URL, today: string): ChangesParams {
	knownParams(url, ['asOf', 'from', 'to', 'actor', 'group', 'page']);
	return {
		programme,
		asOf: dateParam(url, 'asOf') ?? today,
		from: dateParam(url, 'from'),
		to: dateParam(url, 'to'),
		actor: codeParam(url, 'actor'),
		group: choiceParam(url, 'group', changeListGroups),
		page: pageParam(url)
	};
}

/** /programmes/[programme]/changes; 404 for an unknown programme, 400 for a bad round. */
export function changesPage(
	scope: Scope,
	params: ChangesParams,
	locale: string
): Promise<ChangesPage> {
	const { programme, asOf, actor, group, page } = params;
	if (programme.length > 200)
		error(404, m.rec_error_no_programme({ programme: programme.slice(0, 50) }));
	return withData(scope, async (data) => {
		const catalogues = await data.cachedRows('programme_catalogues', { as_of: asOf });
		if (!catalogues.some((c) => c.programme === programme))
			error(404, m.rec_error_no_programme({ programme }));
		const rounds = await roundsOf(data, programme, asOf);
		let compared: { from: string; to: string } | null;
		try {
			compared = comparedRounds(rounds, params.from, params.to);
		} catch (e) {
			if (e instanceof ParamError) error(400, e.message);
			throw e;
		}
		const names = await actorNames(data, locale);
		if (compared === null) {
			return {
				programme,
				asOf,
				rounds,
				from: null,
				to: null,
				actor,
				group,
				counts: [],
				pairs: null,
				names
			};
		}
		const filter = {
			as_of: asOf,
			programme,
			from_round: compared.from,
			to_round: compared.to
		};
		const counts = await data.cachedRows('progress_changes', { ...filter, actor: null });
		const pairs =
			group === null
				? null
				: await pageOfRows(data, 'progress_changes_pairs', { ...filter, actor, group }, page);
		return {
			programme,
			asOf,
			rounds,
			from: compared.from,
			to: compared.to,
			actor,
			group,
			counts,
			pairs: pairs && {
				rows: pairs.rows,
				total: pairs.total,
				page,
				pageCount: pairs.pageCount
			},
			names
		};
	});
}

async function actorNames(data: Data, locale: string): Promise<Record<string, string>> {
	const actors = await data.cachedRows('actor_names', {});
	return Object.fromEntries(actors.map((a) => [a.code, locale === 'nl' ? a.name_nl : a.name_en]));
}

/**
 * One actor's changes per programme between each programme's last two rounds up to D (the
 * member-state page): progress_changes with that actor, its per-actor rows.
 */
export async function actorChanges(
	data: Data,
	actor: string,
	asOf: string
): Promise<ChangeCountRow[]> {
	const rows = await data.cachedRows('progress_changes', {
		as_of: asOf,
		programme: null,
		from_round: null,
		to_round: null,
		actor
	});
	return rows.filter((r) => r.actor !== null);
}
