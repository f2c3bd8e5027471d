// What the dashboard pages (the overview and a member state) load alike: the filters of the
// query string, the actor reference row, and the chart of the withheld ratio by month.
import { formatMonth, formatNumber, formatRatio } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { renderChart, type ChartSpec } from '$lib/server/charts';

/** A row of actor_get / actor_names. */
export interface ActorRow {
	code: string;
	kind: string;
	name_en: string;
	name_nl: string;
}

/** The part of a withheld_by_month row the chart uses. */
export interface WithheldMonth {
	month: string;
	shared: number;
	withheld: number;
	ratio: number | null;
}

/** A chart as the pages show it: its spec (for the table and the tooltips) and its SVG. */
export interface RenderedChart {
	spec: ChartSpec;
	svg: string;
}

const localeTags: Record<string, string> = { en: 'en-GB', nl: 'nl-NL' };

/** The BCP 47 tag a chart formats its axes with. */
export function chartLocale(locale: string): string {
	return localeTags[locale] ?? 'en-GB';
}

/** The spec rendered, or null when it has no data. */
export function rendered(spec: ChartSpec): RenderedChart | null {
	if (spec.data.length === 0) return null;
	return { spec, svg: renderChart(spec) };
}

/** A line of the withheld ratio by month; null when no month has a ratio. */
export function withheldMonthChart(
	months: WithheldMonth[],
	title: string,
	locale: string
): RenderedChart | null {
	const data = months.map((r) => ({
		key: r.month,
		label: formatMonth(r.month),
		value: r.ratio === null ? null : r.ratio * 100,
		text: formatRatio(r.ratio),
		tip: m.dash_tip_month({
			month: formatMonth(r.month),
			value: formatRatio(r.ratio),
			withheld: formatNumber(r.withheld),
			decided: formatNumber(r.shared + r.withheld)
		})
	}));
	const known = data.filter((d) => d.value !== null);
	if (known.length === 0) return null;
	const max = known.reduce((a, b) => ((b.value ?? 0) > (a.value ?? 0) ? b : a));
	const min = known.reduce((a, b) => ((b.value ?? 0) < (a.value ?? 0) ? b : a));
	const last = known[known.length - 1];
	return rendered({
		kind: 'line',
		title,
		summary: m.dash_chart_withheld_summary({
			first: formatMonth(data[0].key),
			last: formatMonth(data[data.length - 1].key),
			latestMonth: formatMonth(last.key),
			latest: last.text,
			highMonth: formatMonth(max.key),
			high: max.text,
			lowMonth: formatMonth(min.key),
			low: min.text
		}),
		keyLabel: m.dash_axis_month(),
		valueLabel: m.dash_axis_withheld(),
		locale: chartLocale(locale),
		percent: false,
		data
	});
}
