// Charts as SVG, rendered on the server with Observable Plot and a linkedom document (about 10 ms
// a chart), so pages show them without JavaScript and a PDF can embed them. In the browser,
// Chart.svelte draws the same spec again with interactive tooltips.
//
// The SVG is put into pages with {@html}. That is safe because every text in a spec reaches the
// SVG through the DOM (text nodes and attributes), and linkedom escapes both when it serialises:
// charts.test.ts proves it with a label that is a script tag.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { renderSpec, type ChartSpec } from '../components/chart-spec.ts';

export type { ChartDatum, ChartSpec } from '../components/chart-spec.ts';

let sharedDocument: Document | null = null;

/** One document per process: charts are built detached from it, then serialised. */
function serverDocument(): Document {
	sharedDocument ??= parseHTML('<!doctype html><html><head></head><body></body></html>').document;
	return sharedDocument;
}

/** The chart as an SVG string (markup to inject with {@html}). */
export function renderChart(spec: ChartSpec, width?: number): string {
	return renderSpec(Plot, spec, { document: serverDocument(), width }).outerHTML;
}
