// The overview page's data: the three headline metrics as of a date D, EU-wide and per member state, each
// with its change since what the reviewer compares with (below), and three charts.
//
// What the changes compare with (?compare=, $lib/filters; docs/metrics.md, "Comparisons on
// the overview"):
// - previous-round (the default):
//   - progress: the figure as of the programme's previous reporting round, i.e. the distinct
//     reported_on before the latest one on or before D (progress_trend). As of D the figure
//     equals the one as of the latest round, so the change is the one between the last two
//     rounds. With all programmes together, each programme contributes its own previous round;
//     a programme with only one round so far contributes its current figure (no change).
//   - withheld ratio and retention compliance: with one programme chosen that has a previous
//     round, the same figure as of that round's date; else as of the last day of the month
//     before D's month. Both are states "as of" a day, so the two figures are comparable.
// - a date C before D: every figure as of C (progress_summary with compare_on; the withheld and
//   retention queries as of C).
//
// Every figure comes from SQL (queries/progress_summary.sql, withheld_*.sql, retention_*.sql):
// the EU rows are the queries' total rows, never sums made here.
import { PREVIOUS_ROUND, type Compare, type Filters } from '$lib/filters';
import { formatNumber, formatPercent } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { chartLocale, rendered, withheldMonthChart, type RenderedChart } from './dashboard.ts';
import {
	stateRows,
	totalRow,
	type SummaryRow,
	type WithheldFigures,
	type WithheldMonthRow
} from '$lib/figures';
import { withData, type Data } from './data.ts';
import { headlineMetrics, type RetentionFigure, type WithheldFigure } from './metrics.ts';
import type { Scope } from './scope.ts';

export interface ProgressCell {
	pairs: number;
	applicable: number;
	implemented: number;
	overdue: number;
	noReport: number;
	/** Applicable pairs without a status row dated on their programme's latest round. */
	notInLatestRound: number;
	pct: number | null;
	prevPct: number | null;
}

/** A member state's (or the EU's) withheld figures, with the ratio at the previous month end. */
export interface WithheldCell extends Omit<WithheldFigure, 'memberState'> {
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
	/** One of the 27: associated (CH, NO, ...) and former (UK) states are rows too, not counted as such. */
	memberState: boolean;
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

/** What the changes of the page compare with. */
export interface Comparison {
	compare: Compare;
	/**
	 * The date the withheld ratio and retention compliance are compared with: the chosen date
	 * (kind 'date'), the chosen programme's previous round ('round'), or the end of the month
	 * before D ('month-end').
	 */
	on: string;
	kind: 'date' | 'round' | 'month-end';
}

export interface Overview {
	comparison: Comparison;
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

/** The overview as `scope` may see it, or null when nothing has been imported yet. */
export function overviewPage(
	scope: Scope,
	filters: Filters,
	compare: Compare,
	locale: string
): Promise<Overview | null> {
	return withData(scope, async (data) => {
		if ((await data.version()) === '0.0') return null;
		return data.memo(
			`overview|${locale}|${filters.asOf}|${filters.from}|${filters.to}|${filters.programme}|${compare}`,
			() => computeOverview(data, filters, compare, locale)
		);
	});
}

function progressCell(r: SummaryRow): ProgressCell {
	return {
		pairs: r.pairs,
		applicable: r.applicable,
		implemented: r.implemented,
		overdue: r.overdue,
		noReport: r.no_report,
		notInLatestRound: r.not_in_latest_round,
		pct: r.progress_pct,
		prevPct: r.prev_pct
	};
}

function withheldCell(
	now: Omit<WithheldFigures, 'unjustified_pct'>,
	previous: WithheldFigures | undefined
): WithheldCell {
	return {
		relevant: now.relevant,
		shared: now.shared,
		withheld: now.withheld,
		pending: now.pending,
		unjustified: now.unjustified,
		ratio: now.ratio,
		prevRatio: previous?.ratio ?? null
	};
}

function retentionCell(
	now: Omit<RetentionFigure, 'memberState'>,
	prevPct: number | null
): RetentionCell {
	return {
		active: now.active,
		overdueReview: now.overdueReview,
		pastRetention: now.pastRetention,
		missingAssessment: now.missingAssessment,
		compliant: now.compliant,
		pct: now.compliancePct,
		prevPct
	};
}

async function computeOverview(
	data: Data,
	filters: Filters,
	compare: Compare,
	locale: string
): Promise<Overview> {
	const { asOf, from, to, programme } = filters;

	// Every read is cached per query, parameters, scope and data version.
	const actors = await data.cachedRows('actor_names', {});
	const metrics = await data.memo(`headlineMetrics:${asOf}:${from}:${to}`, () =>
		headlineMetrics(data, { asOf, from, to })
	);
	const summary = await data.cachedRows('progress_summary', {
		as_of: asOf,
		programme,
		compare_on: compare === PREVIOUS_ROUND ? null : compare
	});
	const comparison = comparisonOf(compare, asOf, programme, summary);
	const period = { from, to };
	// The EU figures now are headlineMetrics' (the total rows of the queries by member state);
	// those on the comparison date, the total row of the same query as of that day.
	const withheldPrevious = await data.cachedRows('withheld_by_member_state', {
		as_of: comparison.on,
		...period,
		member_state: null
	});
	const retentionPrevious = await data.cachedRows('retention_by_member_state', {
		as_of: comparison.on,
		member_state: null
	});
	const months = await data.cachedRows('withheld_by_month', {
		as_of: asOf,
		...period,
		member_state: null,
		channel: null
	});

	const actorByCode = new Map(actors.map((a) => [a.code, a]));
	const nameOf = (code: string) => {
		const a = actorByCode.get(code);
		if (!a) return code;
		return locale === 'nl' ? a.name_nl : a.name_en;
	};

	const allProgrammes = [...new Set(metrics.progress.map((p) => p.programme))].sort();
	const progressByActor = new Map<string, ProgressCell>(
		summary.filter((r) => r.level === 'actor').map((r) => [r.actor as string, progressCell(r)])
	);
	const euProgress: ProgrammeFigure[] = summary
		.filter((r) => r.level === 'programme')
		.map((r) => ({
			programme: r.programme as string,
			...progressCell(r),
			latestRound: r.latest_round,
			previousRound: r.previous_round
		}));
	const all = summary.find((r) => r.level === 'all');

	const previousByState = new Map(stateRows(withheldPrevious).map((w) => [w.member_state, w]));
	const withheldByMs = new Map<string, WithheldCell>(
		metrics.withheld.map((w) => [
			w.memberState,
			withheldCell(w, previousByState.get(w.memberState))
		])
	);

	// Retention compliance: now and on the comparison date.
	const previousCompliance = new Map(
		retentionPrevious.map((r) => [r.member_state, r.compliance_pct] as const)
	);
	const retentionByMs = new Map<string, RetentionCell>(
		metrics.retention.map((r) => [
			r.memberState,
			retentionCell(r, previousCompliance.get(r.memberState) ?? null)
		])
	);

	// One row per member state (and other state) found in any of the three metrics.
	const codes = new Set<string>([...withheldByMs.keys(), ...retentionByMs.keys()]);
	for (const actor of progressByActor.keys()) {
		const kind = actorByCode.get(actor)?.kind;
		if (kind === undefined || stateKinds.has(kind)) codes.add(actor);
	}
	const rows: MemberStateRow[] = [...codes].sort().map((ms) => ({
		ms,
		name: nameOf(ms),
		memberState: actorByCode.get(ms)?.kind === 'member_state',
		progress: progressByActor.get(ms) ?? null,
		withheld: withheldByMs.get(ms) ?? null,
		retention: retentionByMs.get(ms) ?? null
	}));

	const euWithheld = metrics.eu.withheld;
	const euRetention = retentionCell(metrics.eu.retention, previousCompliance.get(null) ?? null);
	return {
		comparison,
		programmes: allProgrammes,
		eu: {
			progress: euProgress,
			progressAll: all ? progressCell(all) : emptyProgress,
			withheld: withheldCell(euWithheld, totalRow(withheldPrevious)),
			retention: euRetention
		},
		rows,
		charts: {
			progress: progressChart(rows, programme, locale),
			withheld: withheldChart(months, locale),
			overdue: overdueChart(rows, euRetention.overdueReview, locale)
		},
		hasData: {
			progress: euProgress.length > 0,
			sharing: euWithheld.relevant > 0,
			retention: euRetention.active > 0
		}
	};
}

const emptyProgress: ProgressCell = {
	pairs: 0,
	applicable: 0,
	implemented: 0,
	overdue: 0,
	noReport: 0,
	notInLatestRound: 0,
	pct: null,
	prevPct: null
};

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
						states: statesText(rows.filter((r) => r.progress && r.progress.pct !== null)),
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

function withheldChart(months: WithheldMonthRow[], locale: string): OverviewChart | null {
	return withheldMonthChart(months, m.dash_chart_withheld_title(), locale);
}

/**
 * How many states a chart shows, without counting CH, NO or the UK among the member states:
 * "27 member states and 2 other countries".
 */
function statesText(rows: MemberStateRow[]): string {
	const members = rows.filter((r) => r.memberState).length;
	const others = rows.length - members;
	return others === 0
		? m.dash_states_members({ members: formatNumber(members) })
		: m.dash_states_mixed({ members: formatNumber(members), others: formatNumber(others) });
}

/** `total` is the EU-wide figure from SQL (the total row of retention_by_member_state). */
function overdueChart(rows: MemberStateRow[], total: number, locale: string): OverviewChart | null {
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
	return rendered({
		kind: 'barY',
		title: m.dash_chart_overdue_title(),
		summary: m.dash_chart_overdue_summary({
			total: formatNumber(total),
			states: statesText(rows.filter((r) => r.retention && r.retention.active > 0)),
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

/**
 * What the withheld ratio and retention compliance compare with (progress: see the header):
 * the chosen date; else the chosen programme's previous round; else the previous month's end.
 */
function comparisonOf(
	compare: Compare,
	asOf: string,
	programme: string | null,
	summary: SummaryRow[]
): Comparison {
	if (compare !== PREVIOUS_ROUND) return { compare, on: compare, kind: 'date' };
	const round =
		programme === null
			? null
			: summary.find((r) => r.level === 'programme' && r.programme === programme)?.previous_round;
	if (round) return { compare, on: round, kind: 'round' };
	return { compare, on: lastDayOfPreviousMonth(asOf), kind: 'month-end' };
}

/** The last day of the month before the month of `iso` (YYYY-MM-DD). */
function lastDayOfPreviousMonth(iso: string): string {
	const [y, mo] = iso.split('-').map(Number);
	const d = new Date(0);
	d.setUTCFullYear(y, mo - 1, 0);
	return d.toISOString().slice(0, 10);
}
