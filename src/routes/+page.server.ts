// The overview: the three headline metrics as of a date D, EU-wide and per member state, each
// with its change since the previous reporting round, and three charts.
//
// "Previous" (docs/metrics.md has the definitions of the figures themselves):
// - progress: the figure as of the programme's previous reporting round, i.e. the distinct
//   reported_on before the latest one on or before D (progress_trend). As of D the figure equals
//   the one as of the latest round, so the change is the one between the last two rounds. With
//   all programmes together, each programme contributes its own previous round; a programme with
//   only one round so far contributes its current figure (no change).
// - withheld ratio and retention compliance: the same figure as of the last day of the month
//   before D's month (withheld_by_member_state with that date; retention_trend's point for it).
//   Both are states "as of" a day, so the two figures are comparable.
import { redirect } from '@sveltejs/kit';
import type { Filters } from '$lib/filters';
import { formatNumber, formatPercent } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { cached, cachedQuery, dataVersion } from '$lib/server/cache';
import {
	chartLocale,
	filtersOf,
	rendered,
	withheldMonthChart,
	type ActorRow,
	type RenderedChart
} from '$lib/server/dashboard';
import { headlineMetrics, type HeadlineMetrics } from '$lib/server/metrics';
import { withConnection } from '$lib/server/store';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { PageServerLoad } from './$types';

interface TrendRow {
	programme: string;
	round_on: string;
	actor: string | null;
	applicable: number;
	implemented: number;
	progress_pct: number | null;
}

interface WithheldRow {
	member_state: string;
	shared: number;
	withheld: number;
	ratio: number | null;
}

interface RetentionTrendRow {
	point_on: string;
	member_state: string | null;
	active: number;
	compliant: number;
	compliance_pct: number | null;
}

interface MonthRow {
	month: string;
	relevant: number;
	shared: number;
	withheld: number;
	pending: number;
	ratio: number | null;
}

export interface ProgressCell {
	pairs: number;
	applicable: number;
	implemented: number;
	overdue: number;
	noReport: number;
	pct: number | null;
	prevPct: number | null;
}

export interface WithheldCell {
	relevant: number;
	shared: number;
	withheld: number;
	pending: number;
	unjustified: number;
	ratio: number | null;
	prevRatio: number | null;
}

export interface RetentionCell {
	active: number;
	overdueReview: number;
	pastRetention: number;
	missingAssessment: number;
	compliant: number;
	pct: number | null;
	prevPct: number | null;
}

export interface MemberStateRow {
	ms: string;
	name: string;
	progress: ProgressCell | null;
	withheld: WithheldCell | null;
	retention: RetentionCell | null;
}

export interface ProgrammeFigure extends ProgressCell {
	programme: string;
	latestRound: string | null;
	previousRound: string | null;
}

export type OverviewChart = RenderedChart;

export interface Overview {
	/** Last day of the month before D: the "previous" date of withheld and retention. */
	previousMonthEnd: string;
	programmes: string[];
	eu: {
		progress: ProgrammeFigure[];
		/** All programmes in scope and all their actors (EU bodies included) together. */
		progressAll: ProgressCell;
		withheld: WithheldCell;
		retention: RetentionCell;
	};
	rows: MemberStateRow[];
	charts: {
		progress: OverviewChart | null;
		withheld: OverviewChart | null;
		overdue: OverviewChart | null;
	};
	hasData: { progress: boolean; sharing: boolean; retention: boolean };
}

/** Kinds of actor listed as rows of the member-state table (EU bodies are not). */
const stateKinds = new Set(['member_state', 'associated', 'historical']);

export const load: PageServerLoad = async ({ url }) => {
	// A GET form sends empty fields (from=&to=): drop them, so equal views have equal addresses.
	const kept = [...url.searchParams].filter(([, v]) => v !== '');
	if (kept.length !== [...url.searchParams].length) {
		const query = new URLSearchParams(kept).toString();
		redirect(303, `${url.pathname}${query ? `?${query}` : ''}`);
	}
	const filters = filtersOf(url);
	const locale = getLocale();
	return withConnection(async (con) => {
		const version = await dataVersion(con);
		const empty = version === '0.0';
		const overview = empty
			? null
			: await cached(
					version,
					`overview|${locale}|${filters.asOf}|${filters.from}|${filters.to}|${filters.programme}`,
					() => computeOverview(con, version, filters, locale)
				);
		return { filters, empty, overview };
	});
};

async function computeOverview(
	con: DuckDBConnection,
	version: string,
	filters: Filters,
	locale: string
): Promise<Overview> {
	const { asOf, from, to, programme } = filters;
	const previousMonthEnd = lastDayOfPreviousMonth(asOf);
	const previousMonthStart = `${previousMonthEnd.slice(0, 8)}01`;

	// Every aggregate is cached per query, parameters and data version.
	const actors = await cachedQuery<ActorRow>(con, version, 'actor_names', {});
	const metrics = await cached<HeadlineMetrics>(
		version,
		`headlineMetrics:${asOf}:${from}:${to}`,
		() => headlineMetrics(con, { asOf, from, to })
	);
	const trend = await cachedQuery<TrendRow>(con, version, 'progress_trend', {
		as_of: asOf,
		programme,
		actor: null
	});
	const previousWithheld = await cachedQuery<WithheldRow>(
		con,
		version,
		'withheld_by_member_state',
		{ as_of: previousMonthEnd, from, to, member_state: null }
	);
	const retentionTrend = await cachedQuery<RetentionTrendRow>(con, version, 'retention_trend', {
		as_of: asOf,
		from: previousMonthStart,
		member_state: null
	});
	const months = await cachedQuery<MonthRow>(con, version, 'withheld_by_month', {
		as_of: asOf,
		from,
		to,
		member_state: null,
		channel: null
	});

	const actorByCode = new Map(actors.map((a) => [a.code, a]));
	const nameOf = (code: string) => {
		const a = actorByCode.get(code);
		if (!a) return code;
		return locale === 'nl' ? a.name_nl : a.name_en;
	};

	// Progress: the programmes in scope, their rounds, and the figures of each actor.
	const allProgrammes = [...new Set(metrics.progress.map((p) => p.programme))].sort();
	const progressRows = metrics.progress.filter((p) => !programme || p.programme === programme);
	const inScope = [...new Set(progressRows.map((p) => p.programme))];
	const rounds = new Map<string, string[]>();
	for (const t of trend) {
		const list = rounds.get(t.programme) ?? [];
		if (list[list.length - 1] !== t.round_on) list.push(t.round_on);
		rounds.set(t.programme, list);
	}
	const latestRound = (p: string) => rounds.get(p)?.at(-1) ?? null;
	const previousRound = (p: string) => rounds.get(p)?.at(-2) ?? null;

	const sumProgress = new Map<
		string,
		ProgressCell & { prevImplemented: number; prevApplicable: number }
	>();
	for (const p of progressRows) {
		const cell = sumProgress.get(p.actor) ?? {
			pairs: 0,
			applicable: 0,
			implemented: 0,
			overdue: 0,
			noReport: 0,
			pct: null,
			prevPct: null,
			prevImplemented: 0,
			prevApplicable: 0
		};
		cell.pairs += p.pairs;
		cell.applicable += p.applicable;
		cell.implemented += p.implemented;
		cell.overdue += p.overdue;
		cell.noReport += p.noReport;
		// A programme without an earlier round contributes its current figures: no change.
		if (!previousRound(p.programme)) {
			cell.prevImplemented += p.implemented;
			cell.prevApplicable += p.applicable;
		}
		sumProgress.set(p.actor, cell);
	}
	for (const t of trend) {
		if (t.actor === null || t.round_on !== previousRound(t.programme)) continue;
		if (!inScope.includes(t.programme)) continue;
		const cell = sumProgress.get(t.actor);
		if (!cell) continue;
		cell.prevImplemented += t.implemented;
		cell.prevApplicable += t.applicable;
	}
	const hasPrevious = inScope.some((p) => previousRound(p) !== null);
	const progressByActor = new Map<string, ProgressCell>();
	for (const [actor, c] of sumProgress) {
		progressByActor.set(actor, {
			pairs: c.pairs,
			applicable: c.applicable,
			implemented: c.implemented,
			overdue: c.overdue,
			noReport: c.noReport,
			pct: percent(c.implemented, c.applicable),
			prevPct: hasPrevious ? percent(c.prevImplemented, c.prevApplicable) : null
		});
	}

	const euProgress: ProgrammeFigure[] = inScope.map((p) => {
		const rows = progressRows.filter((r) => r.programme === p);
		const sum = (k: 'pairs' | 'applicable' | 'implemented' | 'overdue' | 'noReport') =>
			rows.reduce((s, r) => s + r[k], 0);
		const prev = trend.find(
			(t) => t.programme === p && t.actor === null && t.round_on === previousRound(p)
		);
		return {
			programme: p,
			pairs: sum('pairs'),
			applicable: sum('applicable'),
			implemented: sum('implemented'),
			overdue: sum('overdue'),
			noReport: sum('noReport'),
			pct: percent(sum('implemented'), sum('applicable')),
			prevPct: prev?.progress_pct ?? null,
			latestRound: latestRound(p),
			previousRound: previousRound(p)
		};
	});

	const euAll = (k: 'pairs' | 'applicable' | 'implemented' | 'overdue' | 'noReport') =>
		euProgress.reduce((s, p) => s + p[k], 0);
	let prevImplemented = 0;
	let prevApplicable = 0;
	for (const p of euProgress) {
		const prev = trend.find(
			(t) => t.programme === p.programme && t.actor === null && t.round_on === p.previousRound
		);
		prevImplemented += prev ? prev.implemented : p.implemented;
		prevApplicable += prev ? prev.applicable : p.applicable;
	}
	const euProgressAll: ProgressCell = {
		pairs: euAll('pairs'),
		applicable: euAll('applicable'),
		implemented: euAll('implemented'),
		overdue: euAll('overdue'),
		noReport: euAll('noReport'),
		pct: percent(euAll('implemented'), euAll('applicable')),
		prevPct: hasPrevious ? percent(prevImplemented, prevApplicable) : null
	};

	// Withheld ratio: now and as of the end of the previous month.
	const previousRatio = new Map(previousWithheld.map((w) => [w.member_state, w.ratio]));
	const withheldByMs = new Map<string, WithheldCell>(
		metrics.withheld.map((w) => [
			w.memberState,
			{
				relevant: w.relevant,
				shared: w.shared,
				withheld: w.withheld,
				pending: w.pending,
				unjustified: w.unjustified,
				ratio: w.ratio,
				prevRatio: previousRatio.get(w.memberState) ?? null
			}
		])
	);
	const sumBy = <T>(rows: T[], f: (r: T) => number) => rows.reduce((s, r) => s + f(r), 0);
	const euShared = sumBy(metrics.withheld, (w) => w.shared);
	const euWithheld = sumBy(metrics.withheld, (w) => w.withheld);
	const euPrevShared = sumBy(previousWithheld, (w) => w.shared);
	const euPrevWithheld = sumBy(previousWithheld, (w) => w.withheld);
	const euWithheldCell: WithheldCell = {
		relevant: sumBy(metrics.withheld, (w) => w.relevant),
		shared: euShared,
		withheld: euWithheld,
		pending: sumBy(metrics.withheld, (w) => w.pending),
		unjustified: sumBy(metrics.withheld, (w) => w.unjustified),
		ratio: fraction(euWithheld, euShared + euWithheld),
		prevRatio: fraction(euPrevWithheld, euPrevShared + euPrevWithheld)
	};

	// Retention compliance: now and at the end of the previous month.
	const previousPoint = retentionTrend.filter((r) => r.point_on === previousMonthEnd);
	const previousCompliance = new Map(
		previousPoint.map((r) => [r.member_state, r.compliance_pct] as const)
	);
	const retentionByMs = new Map<string, RetentionCell>(
		metrics.retention.map((r) => [
			r.memberState,
			{
				active: r.active,
				overdueReview: r.overdueReview,
				pastRetention: r.pastRetention,
				missingAssessment: r.missingAssessment,
				compliant: r.compliant,
				pct: r.compliancePct,
				prevPct: previousCompliance.get(r.memberState) ?? null
			}
		])
	);
	const euActive = sumBy(metrics.retention, (r) => r.active);
	const euCompliant = sumBy(metrics.retention, (r) => r.compliant);
	const euRetentionCell: RetentionCell = {
		active: euActive,
		overdueReview: sumBy(metrics.retention, (r) => r.overdueReview),
		pastRetention: sumBy(metrics.retention, (r) => r.pastRetention),
		missingAssessment: sumBy(metrics.retention, (r) => r.missingAssessment),
		compliant: euCompliant,
		pct: percent(euCompliant, euActive),
		prevPct: previousCompliance.get(null) ?? null
	};

	// One row per member state (and other state) found in any of the three metrics.
	const codes = new Set<string>([...withheldByMs.keys(), ...retentionByMs.keys()]);
	for (const actor of progressByActor.keys()) {
		const kind = actorByCode.get(actor)?.kind;
		if (kind === undefined || stateKinds.has(kind)) codes.add(actor);
	}
	const rows: MemberStateRow[] = [...codes].sort().map((ms) => ({
		ms,
		name: nameOf(ms),
		progress: progressByActor.get(ms) ?? null,
		withheld: withheldByMs.get(ms) ?? null,
		retention: retentionByMs.get(ms) ?? null
	}));

	const hasData = {
		progress: progressRows.length > 0,
		sharing: euWithheldCell.relevant > 0,
		retention: euActive > 0
	};

	return {
		previousMonthEnd,
		programmes: allProgrammes,
		eu: {
			progress: euProgress,
			progressAll: euProgressAll,
			withheld: euWithheldCell,
			retention: euRetentionCell
		},
		rows,
		charts: {
			progress: progressChart(rows, programme, locale),
			withheld: withheldChart(months, locale),
			overdue: overdueChart(rows, locale)
		},
		hasData
	};
}

function progressChart(
	rows: MemberStateRow[],
	programme: string | null,
	locale: string
): OverviewChart | null {
	const data = rows
		.filter((r) => r.progress && r.progress.pct !== null)
		.sort((a, b) => (b.progress?.pct ?? 0) - (a.progress?.pct ?? 0) || a.ms.localeCompare(b.ms))
		.map((r) => {
			const p = r.progress as ProgressCell;
			return {
				key: r.ms,
				value: p.pct,
				text: formatPercent(p.pct),
				tip: m.dash_tip_progress({
					name: r.name,
					ms: r.ms,
					value: formatPercent(p.pct),
					implemented: formatNumber(p.implemented),
					applicable: formatNumber(p.applicable)
				})
			};
		});
	const scope = programme ?? m.dash_all_programmes();
	return rendered({
		kind: 'barX',
		title: m.dash_chart_progress_title({ scope }),
		summary:
			data.length > 0
				? m.dash_chart_progress_summary({
						count: formatNumber(data.length),
						highest: data[0].key,
						highestValue: data[0].text,
						lowest: data[data.length - 1].key,
						lowestValue: data[data.length - 1].text
					})
				: '',
		keyLabel: m.dash_axis_member_state(),
		valueLabel: m.dash_axis_progress(),
		locale: chartLocale(locale),
		percent: true,
		data
	});
}

function withheldChart(months: MonthRow[], locale: string): OverviewChart | null {
	return withheldMonthChart(months, m.dash_chart_withheld_title(), locale);
}

function overdueChart(rows: MemberStateRow[], locale: string): OverviewChart | null {
	const data = rows
		.filter((r) => r.retention && r.retention.active > 0)
		.sort(
			(a, b) =>
				(b.retention?.overdueReview ?? 0) - (a.retention?.overdueReview ?? 0) ||
				a.ms.localeCompare(b.ms)
		)
		.map((r) => {
			const c = r.retention as RetentionCell;
			return {
				key: r.ms,
				value: c.overdueReview,
				text: formatNumber(c.overdueReview),
				tip: m.dash_tip_overdue({
					name: r.name,
					ms: r.ms,
					value: formatNumber(c.overdueReview),
					active: formatNumber(c.active)
				})
			};
		});
	if (data.length === 0) return null;
	const total = data.reduce((s, d) => s + (d.value ?? 0), 0);
	return rendered({
		kind: 'barY',
		title: m.dash_chart_overdue_title(),
		summary: m.dash_chart_overdue_summary({
			total: formatNumber(total),
			count: formatNumber(data.length),
			highest: data[0].key,
			highestValue: data[0].text
		}),
		keyLabel: m.dash_axis_member_state(),
		valueLabel: m.dash_axis_overdue(),
		locale: chartLocale(locale),
		percent: false,
		data
	});
}

function percent(part: number, whole: number): number | null {
	return whole > 0 ? (100 * part) / whole : null;
}

function fraction(part: number, whole: number): number | null {
	return whole > 0 ? part / whole : null;
}

/** The last day of the month before the month of `iso` (YYYY-MM-DD). */
function lastDayOfPreviousMonth(iso: string): string {
	const [y, mo] = iso.split('-').map(Number);
	const d = new Date(0);
	d.setUTCFullYear(y, mo - 1, 0);
	return d.toISOString().slice(0, 10);
}
