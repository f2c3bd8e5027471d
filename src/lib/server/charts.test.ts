// Server-side charts: accessible SVG with titles, axis labels and a text alternative, and
// imported text escaped, which is what makes {@html} of the SVG safe.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { renderChart, type ChartSpec } from './charts.ts';

const attack = '<script>alert(1)</script>';
const quoteAttack = '"><img src=x onerror=alert(2)>';

function spec(overrides: Partial<ChartSpec> = {}): ChartSpec {
	return {
		kind: 'barX',
		title: 'Implementation progress per member state',
		summary: 'Highest: FR 87.1 %; lowest: ES 50.0 %.',
		keyLabel: 'Member state',
		valueLabel: 'Progress (% of applicable pairs implemented)',
		locale: 'en-GB',
		percent: true,
		data: [
			{ key: 'FR', value: 87.1, text: '87.1 %', tip: 'FR: 87.1 %' },
			{ key: 'ES', value: 50, text: '50.0 %', tip: 'ES: 50.0 %' }
		],
		...overrides
	};
}

describe('renderChart', () => {
	it('renders an SVG image with a name, a description, axis labels and a tooltip per bar', () => {
		const svg = renderChart(spec());
		expect(svg.startsWith('<svg')).toBe(true);
		expect(svg).toContain('role="img"');
		expect(svg).toContain('aria-label="Implementation progress per member state"');
		expect(svg).toContain('<desc>Highest: FR 87.1 %; lowest: ES 50.0 %.</desc>');
		expect(svg).toContain('Progress (% of applicable pairs implemented)');
		expect(svg).toContain('Member state');
		expect(svg).toContain('<title>FR: 87.1 %</title>');
		expect(svg).toContain('<title>ES: 50.0 %</title>');
		// A percentage axis runs to 100.
		expect(svg).toMatch(/>100</);
	});

	it('escapes imported text in labels, tooltips, title and summary', () => {
		const svg = renderChart(
			spec({
				kind: 'barY',
				title: `Withheld per channel ${quoteAttack}`,
				summary: `Largest: ${attack}`,
				percent: false,
				data: [
					{ key: attack, value: 3, text: '3', tip: `${attack}: 3 withheld` },
					{ key: 'SIS', label: quoteAttack, value: 1, text: '1', tip: quoteAttack }
				]
			})
		);
		expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(svg.toLowerCase()).not.toContain('<script');
		// In attributes the quote is escaped, so a value cannot end early: parsed back, the SVG
		// has no element but its own, and the attribute holds the text as given.
		expect(svg).toContain('aria-label="Withheld per channel &quot;>');
		const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
		expect(document.querySelectorAll('script, img').length).toBe(0);
		expect(document.querySelector('svg')?.getAttribute('aria-label')).toBe(
			`Withheld per channel ${quoteAttack}`
		);
		expect(document.querySelector('desc')?.textContent).toBe(`Largest: ${attack}`);
		const titles = [...document.querySelectorAll('title')].map((t) => t.textContent);
		expect(titles).toEqual([`${attack}: 3 withheld`, quoteAttack]);
	});

	it('draws a monthly line with a gap for a month without rows, in the reader’s language', () => {
		const svg = renderChart(
			spec({
				kind: 'line',
				title: 'Aandeel achtergehouden per maand',
				keyLabel: 'Maand',
				valueLabel: 'Achtergehouden (%)',
				locale: 'nl-NL',
				percent: false,
				data: [
					{ key: '2025-01-01', value: 10.5, text: '10,5 %', tip: 'januari 2025: 10,5 %' },
					{ key: '2025-02-01', value: null, text: '–', tip: 'februari 2025: geen rijen' },
					{ key: '2025-03-01', value: 12.25, text: '12,3 %', tip: 'maart 2025: 12,3 %' },
					{ key: '2025-04-01', value: 11, text: '11,0 %', tip: 'april 2025: 11,0 %' }
				]
			})
		);
		expect(svg).toContain('<title>januari 2025: 10,5 %</title>');
		expect(svg).toContain('Maand');
		expect(svg).toContain('Achtergehouden (%)');
		// Dutch month names on the time axis; the line breaks at the month without rows.
		expect(svg).toContain('>mrt 2025<');
		expect(svg).toMatch(/<path d="M[^"]*ZM/);
	});

	it('formats value ticks for the reader’s language (decimal comma in Dutch)', () => {
		const data = [
			{ key: 'SIS', value: 0.3, text: '0,3', tip: 'SIS: 0,3' },
			{ key: 'EIS', value: 0.45, text: '0,45', tip: 'EIS: 0,45' }
		];
		const nl = renderChart(spec({ kind: 'barY', percent: false, locale: 'nl-NL', data }));
		const en = renderChart(spec({ kind: 'barY', percent: false, locale: 'en-GB', data }));
		expect(nl).toMatch(/>0,1</);
		expect(en).toMatch(/>0\.1</);
	});

	it('renders within a few milliseconds once warm', () => {
		renderChart(spec());
		const t0 = performance.now();
		for (let i = 0; i < 10; i++) renderChart(spec());
		expect((performance.now() - t0) / 10).toBeLessThan(50);
	});
});
