// One member state (or any actor of the reference list) as of D: progress per programme and
// chapter, its actions (paged), sharing by channel, ground and month with the sharing delay,
// retention by register and legal basis, and the data quality of the files it sent.
//
// Everything is cached per query, parameters, scope and data version, the paged action list too
// (at most 50 rows a page). Data quality covers every file imported up to D, like every other
// figure of the page, so that its address gives the same page on any day. Files are imported
// after the dates they report on: as of an earlier D, the files of those dates may not have been
// imported yet.
import { error } from '@sveltejs/kit';
import type { Filters } from '$lib/filters';
import {
	stateRows,
	type RetentionLegalBasisRow,
	type RetentionRegisterRow,
	type RetentionStateRow,
	type WithheldChannelRow,
	type WithheldDelayRow,
	type WithheldGroundRow,
	type WithheldMonthRow,
	type WithheldStateRow
} from '$lib/figures';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { QualitySenderRow } from '$lib/quality';
import type { ActorProgressRow, ChangeCountRow, ChapterRow, PairRow } from '$lib/records/rows';
import { actorChanges } from './changes.ts';
import { actorName, addressedActor } from './actor.ts';
import { withheldMonthChart, type RenderedChart } from './dashboard.ts';
import { withData } from './data.ts';
import { pageCount } from '$lib/params';
import { PAGE_SIZE } from './paging.ts';
import { allows, type Scope } from './scope.ts';

export interface MemberStateParams {
	/** The code as typed in the address (any case, or an alias). */
	ms: string;
	filters: Filters;
	/** The page of the action list. */
	page: number;
	/** Called with the canonical code when `ms` is not it (a route redirects there). */
	onAlias: (code: string) => never;
}

export interface MemberStatePage {
	filters: Filters;
	actor: { code: string; kind: string; name: string };
	/** The programmes with pairs as of D (every actor's), for the filter form. */
	programmes: string[];
	progress: ActorProgressRow[];
	chapters: ChapterRow[];
	/** Its changes per programme between the programme's last two rounds up to D. */
	changes: ChangeCountRow[];
	actions: { rows: PairRow[]; total: number; page: number; pageSize: number };
	sharing: WithheldStateRow | null;
	/**
	 * Rows of this state marked not relevant (in the period, up to D): no figure counts them, so
	 * the page says how many there are and leads to them. Null when the reader may not see the
	 * state's records.
	 */
	notRelevant: number | null;
	channels: WithheldChannelRow[];
	grounds: WithheldGroundRow[];
	months: WithheldMonthRow[];
	delay: WithheldDelayRow | null;
	retention: RetentionStateRow | null;
	registers: RetentionRegisterRow[];
	legalBases: RetentionLegalBasisRow[];
	quality: QualitySenderRow[];
	chart: RenderedChart | null;
}

/** The page of one member state; 404 for an unknown code. */
export function memberStatePage(scope: Scope, params: MemberStateParams): Promise<MemberStatePage> {
	const { filters, page } = params;
	const locale = getLocale();

	return withData(scope, async (data) => {
		const actor = await addressedActor(data, params.ms, params.onAlias);
		if (!actor) error(404, m.dash_ms_unknown({ code: params.ms }));
		const code = actor.code;
		const { asOf, from, to, programme, channel, register } = filters;

		const progress = await data.cachedRows('progress_by_actor', {
			as_of: asOf,
			programme: null,
			actor: code
		});
		const chapters = await data.cachedRows('progress_by_chapter', {
			as_of: asOf,
			programme,
			actor: code
		});
		const changes = await actorChanges(data, code, asOf);
		const pairFilter = {
			as_of: asOf,
			programme,
			actor: code,
			action_id: null,
			chapter: null,
			category: null
		};
		const [{ total: pairTotal }] = await data.cachedRows('progress_pairs_count', pairFilter);
		// A page past the last is an error, as on every paged list.
		const pages = pageCount(pairTotal);
		if (page > pages) error(404, m.rec_error_no_page({ page, pages }));
		// A page of at most 50 pairs: small enough to cache like the aggregates.
		const pairs = await data.cachedRows('progress_pairs', {
			...pairFilter,
			limit: PAGE_SIZE,
			offset: (page - 1) * PAGE_SIZE
		});

		const period = { as_of: asOf, from, to, member_state: code };
		const sharing = await data.cachedRows('withheld_by_member_state', period);
		const notRelevant = allows(scope.records, code)
			? (
					await data.cachedRows('withheld_rows_count', {
						as_of: asOf,
						from,
						to,
						member_state: code,
						channel: null,
						ground: null,
						decision: null,
						only_unjustified: null,
						month: null,
						relevant: 'false'
					})
				)[0].total
			: null;
		const channels = await data.cachedRows('withheld_by_channel', period);
		const grounds = await data.cachedRows('withheld_by_ground', {
			...period,
			channel
		});
		const months = await data.cachedRows('withheld_by_month', {
			...period,
			channel
		});
		const delay = await data.cachedRows('withheld_delay', { ...period, channel });

		const ofState = { as_of: asOf, member_state: code };
		const retention = await data.cachedRows('retention_by_member_state', ofState);
		const registers = await data.cachedRows('retention_by_register', ofState);
		const legalBases = await data.cachedRows('retention_by_legal_basis', {
			...ofState,
			register
		});

		const quality = (
			await data.cachedRows('quality_by_sender', {
				as_of: asOf,
				kind: null,
				late_after_days: null
			})
		).filter((q) => q.sender === code);

		const programmes = (
			await data.cachedRows('progress_by_programme', {
				as_of: asOf,
				programme: null
			})
		).map((r) => r.programme);

		const name = actorName(actor, locale);
		const chart = await data.memo(
			`ms-chart|${locale}|${code}|${asOf}|${from}|${to}|${channel}`,
			() => {
				const title = channel
					? m.dash_ms_chart_title_channel({ name, code, channel })
					: m.dash_ms_chart_title({ name, code });
				return Promise.resolve(withheldMonthChart(months, title, locale));
			}
		);

		return {
			filters,
			actor: { code, kind: actor.kind, name },
			programmes,
			progress,
			chapters,
			changes,
			actions: { rows: pairs, total: pairTotal, page, pageSize: PAGE_SIZE },
			sharing: stateRows(sharing)[0] ?? null,
			notRelevant,
			channels,
			grounds,
			months,
			delay: delay[0] ?? null,
			retention: stateRows(retention)[0] ?? null,
			registers,
			legalBases,
			quality,
			chart
		};
	});
}
