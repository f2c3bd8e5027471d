// One member state (or any actor of the reference list) as of D: progress per programme and
// chapter, its actions (paged), sharing by channel, ground and month with the sharing delay,
// retention by register and legal basis, and the data quality of the files it sent.
//
// Everything is cached per query, parameters and data version, the paged action list too (at
// most 50 rows a page). Data quality covers every file imported up to today (it is
// about what was sent, and files are imported after the dates they report on).
import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { QualityFigures } from '$lib/quality';
import { cached, cachedQuery, dataVersion } from '$lib/server/cache';
import {
	filtersOf,
	withheldMonthChart,
	type ActorRow,
	type RenderedChart
} from '$lib/server/dashboard';
import { todayIso } from '$lib/server/metrics';
import { pageParam } from '$lib/server/paging';
import { withConnection } from '$lib/server/store';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export interface ProgressRow {
	programme: string;
	pairs: number;
	applicable: number;
	implemented: number;
	in_progress: number;
	not_started: number;
	no_report: number;
	not_applicable: number;
	overdue: number;
	progress_pct: number | null;
	weighted_pct: number | null;
}

export interface ChapterRow extends ProgressRow {
	chapter: string;
	actions: number;
}

export interface PairRow {
	programme: string;
	action_id: string;
	title: string | null;
	chapter: string;
	deadline: string | null;
	status: string | null;
	category: string;
	applicable: boolean;
	overdue: boolean;
	reported_on: string | null;
	completion_pct: number | null;
}

export interface SharingRow {
	relevant: number;
	shared: number;
	withheld: number;
	pending: number;
	unjustified: number;
	ratio: number | null;
}

export interface ChannelRow extends SharingRow {
	channel: string;
}

export interface GroundRow {
	ground: string;
	withheld: number;
	weighing_documented: number;
	unjustified: number;
	share_pct: number | null;
}

export interface MonthRow extends SharingRow {
	month: string;
}

export interface DelayRow {
	shared: number;
	measured: number;
	median_days: number | null;
	p90_days: number | null;
	missing_shared_on: number;
	shared_after_as_of: number;
	negative_delay: number;
}

export interface RetentionRow {
	records: number;
	active: number;
	overdue_review: number;
	past_retention: number;
	missing_assessment: number;
	no_rule: number;
	compliant: number;
	compliance_pct: number | null;
	deleted: number;
	late_deletion: number;
}

export interface RegisterRow extends RetentionRow {
	register: string;
}

export interface LegalBasisRow extends RetentionRow {
	legal_basis: string;
	review_months: number | null;
	max_retention_months: number | null;
}

/** quality_by_sender: the quality figures of one sender and kind. */
export interface QualityRow extends QualityFigures {
	kind: string;
	sender: string;
	rows_current: number;
}

export const load: PageServerLoad = async ({ params, url }) => {
	const filters = filtersOf(url);
	const page = pageParam(url, (value) => m.dash_bad_page({ value }));
	const locale = getLocale();
	const today = todayIso();

	return withConnection(async (con) => {
		const version = await dataVersion(con);
		const [actor] = await cachedQuery<ActorRow>(con, version, 'actor_get', { code: params.ms });
		if (!actor) error(404, m.dash_ms_unknown({ code: params.ms }));
		// An alias (GR) or lower case (at) leads to the canonical address.
		if (actor.code !== params.ms) {
			const parent = url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1);
			redirect(308, `${parent}${encodeURIComponent(actor.code)}${url.search}`);
		}
		const code = actor.code;
		const { asOf, from, to, programme, channel, register } = filters;

		const progress = await cachedQuery<ProgressRow>(con, version, 'progress_by_actor', {
			as_of: asOf,
			programme: null,
			actor: code
		});
		const chapters = await cachedQuery<ChapterRow>(con, version, 'progress_by_chapter', {
			as_of: asOf,
			programme,
			actor: code
		});
		const pairFilter = {
			as_of: asOf,
			programme,
			actor: code,
			action_id: null,
			chapter: null,
			category: null
		};
		const [{ total: pairTotal }] = await cachedQuery<{ total: number }>(
			con,
			version,
			'progress_pairs_count',
			pairFilter
		);
		// A page of at most 50 pairs: small enough to cache like the aggregates.
		const pairs = await cachedQuery<PairRow>(con, version, 'progress_pairs', {
			...pairFilter,
			limit: PAGE_SIZE,
			offset: (page - 1) * PAGE_SIZE
		});

		const period = { as_of: asOf, from, to, member_state: code };
		const [sharing] = await cachedQuery<SharingRow>(
			con,
			version,
			'withheld_by_member_state',
			period
		);
		const channels = await cachedQuery<ChannelRow>(con, version, 'withheld_by_channel', period);
		const grounds = await cachedQuery<GroundRow>(con, version, 'withheld_by_ground', {
			...period,
			channel
		});
		const months = await cachedQuery<MonthRow>(con, version, 'withheld_by_month', {
			...period,
			channel
		});
		const [delay] = await cachedQuery<DelayRow>(con, version, 'withheld_delay', {
			...period,
			channel
		});

		const [retention] = await cachedQuery<RetentionRow>(con, version, 'retention_by_member_state', {
			as_of: asOf,
			member_state: code
		});
		const registers = await cachedQuery<RegisterRow>(con, version, 'retention_by_register', {
			as_of: asOf,
			member_state: code
		});
		const legalBases = await cachedQuery<LegalBasisRow>(con, version, 'retention_by_legal_basis', {
			as_of: asOf,
			member_state: code,
			register
		});

		const quality = (
			await cachedQuery<QualityRow>(con, version, 'quality_by_sender', {
				as_of: today,
				kind: null,
				late_after_days: null
			})
		).filter((q) => q.sender === code);

		const programmes = (
			await cachedQuery<{ programme: string }>(con, version, 'progress_by_actor', {
				as_of: asOf,
				programme: null,
				actor: null
			})
		)
			.map((r) => r.programme)
			.filter((p, i, all) => all.indexOf(p) === i);

		const name = locale === 'nl' ? actor.name_nl : actor.name_en;
		const chart = await cached(
			version,
			`ms-chart|${locale}|${code}|${asOf}|${from}|${to}|${channel}`,
			async () => monthChart(months, name, code, channel, locale)
		);

		return {
			filters,
			actor: { code, kind: actor.kind, name },
			today,
			programmes,
			progress,
			chapters,
			actions: { rows: pairs, total: pairTotal, page, pageSize: PAGE_SIZE },
			sharing: sharing ?? null,
			channels,
			grounds,
			months,
			delay: delay ?? null,
			retention: retention ?? null,
			registers,
			legalBases,
			quality,
			chart
		};
	});
};

function monthChart(
	months: MonthRow[],
	name: string,
	code: string,
	channel: string | null,
	locale: string
): RenderedChart | null {
	const title = channel
		? m.dash_ms_chart_title_channel({ name, code, channel })
		: m.dash_ms_chart_title({ name, code });
	return withheldMonthChart(months, title, locale);
}
