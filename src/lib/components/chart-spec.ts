// Chart specifications shared by the server (src/lib/server/charts.ts: SVG rendered with Plot
// and a linkedom document) and the browser (Chart.svelte: the same chart again, with tooltips).
//
// A spec is plain data, so it travels from a server load to the page. Every text in it (title,
// summary, axis labels, tooltips) is already translated and formatted for the reader's language,
// and reaches the SVG only as text content or attribute values that Plot sets through the DOM,
// so imported labels are escaped when the SVG is serialised (see charts.test.ts).
import type * as PlotModule from '@observablehq/plot';

type Plot = typeof PlotModule;

export type ChartKind = 'barX' | 'barY' | 'line';

export interface ChartDatum {
	/** A category (member state, channel) or, for a line, a month as YYYY-MM-01. */
	key: string;
	/** The category as shown on the axis (defaults to key). */
	label?: string;
	/** The value; null leaves a gap (a month without rows). */
	value: number | null;
	/** The value formatted for the reader ("12.5 %", "–"), for the data table. */
	text: string;
	/** The tooltip: the datum in words, with its formatted value. */
	tip: string;
}

export interface ChartSpec {
	kind: ChartKind;
	/** Shown above the chart and used as the SVG's accessible name. */
	title: string;
	/** The text alternative: what the chart shows in a sentence or two (SVG <desc>). */
	summary: string;
	/** Axis label of the categories or months, with the unit where there is one. */
	keyLabel: string;
	/** Axis label of the values, with the unit: "Withheld (% of shared and withheld)". */
	valueLabel: string;
	/** BCP 47 tag for the tick labels (en-GB, nl-NL). */
	locale: string;
	/** Values are percentages (0-100): the value axis runs from 0 to 100. */
	percent?: boolean;
	data: ChartDatum[];
}

export interface RenderOptions {
	/** The DOM to build in: linkedom's on the server, the page's in the browser. */
	document?: Document;
	/** In the browser: Plot's interactive tips instead of only native <title> tooltips. */
	interactive?: boolean;
	/** Width in pixels (default 640). */
	width?: number;
}

const accent = '#0b4f8a';
export const defaultWidth = 640;

/** Build the chart as an SVG element: Plot marks, then accessibility attributes and <desc>. */
export function renderSpec(Plot: Plot, spec: ChartSpec, options: RenderOptions = {}): Element {
	const svg = Plot.plot(plotOptions(Plot, spec, options)) as unknown as Element;
	decorate(svg, spec, options.document ?? globalThis.document);
	return svg;
}

/** Plot options for a spec (exported for tests). */
export function plotOptions(
	Plot: Plot,
	spec: ChartSpec,
	{ document, interactive = false, width = defaultWidth }: RenderOptions = {}
): PlotModule.PlotOptions {
	const numbers = new Intl.NumberFormat(spec.locale, { maximumFractionDigits: 1 });
	const formatValue = (d: number) => numbers.format(d);
	const valueDomain = spec.percent ? [0, 100] : undefined;
	const data = spec.data;
	const label = (d: ChartDatum) => d.label ?? d.key;
	const common = {
		document,
		width,
		ariaLabel: spec.title,
		ariaDescription: spec.summary,
		style: { fontSize: '12px', background: 'transparent' }
	};

	if (spec.kind === 'barX') {
		const longest = Math.max(4, ...data.map((d) => label(d).length));
		return {
			...common,
			height: Math.max(120, 22 * data.length + 84),
			marginLeft: Math.min(180, 12 + 7 * longest),
			marginRight: 24,
			// Both axis titles clear of the tick labels: the categories' title above them (a rotated
			// title beside them overlapped the codes), the values' title on a line of its own below.
			marginTop: 28,
			marginBottom: 48,
			x: {
				label: spec.valueLabel,
				labelOffset: 40,
				domain: valueDomain,
				grid: true,
				tickFormat: formatValue
			},
			y: { label: spec.keyLabel, labelAnchor: 'top', domain: data.map(label) },
			marks: [
				Plot.barX(data, {
					x: 'value',
					y: label,
					fill: accent,
					title: 'tip',
					tip: interactive ? { fontSize: 12 } : undefined
				}),
				Plot.ruleX([0])
			]
		};
	}

	if (spec.kind === 'barY') {
		// Room for the widest tick label ("2,500" was cut to ",500" by the default 40 pixels).
		const widest = Math.max(...data.map((d) => d.value ?? 0), 1);
		return {
			...common,
			height: 300,
			marginLeft: Math.max(48, 16 + 7 * formatValue(widest).length),
			marginBottom: 44,
			x: { label: spec.keyLabel, domain: data.map(label), tickRotate: data.length > 20 ? -45 : 0 },
			y: { label: spec.valueLabel, domain: valueDomain, grid: true, tickFormat: formatValue },
			marks: [
				Plot.barY(data, {
					x: label,
					y: 'value',
					fill: accent,
					title: 'tip',
					tip: interactive ? { fontSize: 12 } : undefined
				}),
				Plot.ruleY([0])
			]
		};
	}

	// A line over months.
	const months = new Intl.DateTimeFormat(spec.locale, {
		month: 'short',
		year: 'numeric',
		timeZone: 'UTC'
	});
	const years = new Intl.DateTimeFormat(spec.locale, { year: 'numeric', timeZone: 'UTC' });
	const span = data.length;
	const points = data.map((d) => ({ ...d, date: monthDate(d.key) }));
	return {
		...common,
		height: 300,
		marginLeft: 48,
		marginRight: 24,
		marginBottom: 48,
		x: {
			type: 'utc',
			label: spec.keyLabel,
			// On a line of its own below the ticks (it overlapped the last year's label).
			labelOffset: 40,
			ticks: span > 24 ? 'year' : Math.min(span, Math.max(2, Math.floor(width / 90))),
			tickFormat: (d: Date) => (span > 24 ? years : months).format(d)
		},
		y: { label: spec.valueLabel, domain: valueDomain, grid: true, tickFormat: formatValue },
		marks: [
			Plot.ruleY([0]),
			Plot.lineY(points, { x: 'date', y: 'value', stroke: accent, strokeWidth: 2 }),
			Plot.dot(points, {
				x: 'date',
				y: 'value',
				r: span > 60 ? 1.5 : 2.5,
				fill: accent,
				title: interactive ? undefined : 'tip'
			}),
			...(interactive
				? [Plot.tip(points, Plot.pointerX({ x: 'date', y: 'value', title: 'tip', fontSize: 12 }))]
				: [])
		]
	};
}

/** "2025-05-01" (or "2025-05") as the first day of that month, UTC. */
export function monthDate(iso: string): Date {
	const [y, m] = iso.slice(0, 7).split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, 1));
}

const svgNs = 'http://www.w3.org/2000/svg';

/**
 * Plot labels its groups (aria-label="bar", "x-axis tick"): not allowed on a <g> without a role,
 * and not needed inside one image, whose name and description say what it shows. The name stays
 * as data-mark, for the layout test that keeps axis titles clear of tick labels.
 */
export function stripInnerLabels(svg: Element): void {
	for (const el of svg.querySelectorAll('[aria-label], [aria-description]')) {
		const label = el.getAttribute('aria-label');
		if (label) el.setAttribute('data-mark', label);
		el.removeAttribute('aria-label');
		el.removeAttribute('aria-description');
	}
}

/**
 * Make the SVG one image with a name and a description: role="img", aria-label (set by Plot from
 * ariaLabel), and a <desc> with the summary. The marks' <title> elements stay, as native tooltips.
 */
function decorate(svg: Element, spec: ChartSpec, document: Document): void {
	svg.setAttribute('role', 'img');
	svg.setAttribute('aria-label', spec.title);
	svg.removeAttribute('aria-description');
	stripInnerLabels(svg);
	const desc = document.createElementNS(svgNs, 'desc');
	desc.textContent = spec.summary;
	svg.insertBefore(desc, svg.firstChild);
}
