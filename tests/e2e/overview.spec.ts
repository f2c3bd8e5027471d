// The overview and member-state pages on the bundled sample data (see tests/e2e/serve.js).
//
// Every test passes an explicit as-of date. The expected figures come from `cosi metrics
// --as-of 2025-06-30 --json`, which serve.js runs on the same database before the server starts
// (afterwards the server holds the file and the CLI cannot open it).
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoPageOverflow, screenshot } from './helpers.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const asOf = '2025-06-30';
const programme = 'EU-ROADMAP-2016';
const metricsFile = join('tests', 'e2e', '.artifacts', `metrics-${asOf}.json`);

interface Metrics {
	asOf: string;
	progress: {
		programme: string;
		actor: string;
		progressPct: number | null;
		notInLatestRound: number;
	}[];
	withheld: { memberState: string; withheld: number; unjustified: number; ratio: number | null }[];
	retention: { memberState: string; overdueReview: number; compliancePct: number | null }[];
	eu: { progress: { programme: string; notInLatestRound: number }[] };
}

function expectedMetrics(): Metrics {
	return JSON.parse(readFileSync(metricsFile, 'utf8')) as Metrics;
}

// The page's own formatting (src/lib/i18n/format.ts), in English.
const integer = (n: number) => new Intl.NumberFormat('en-GB').format(n);
const percent = (pct: number | null) =>
	pct === null
		? '–'
		: new Intl.NumberFormat('en-GB', {
				style: 'percent',
				minimumFractionDigits: 1,
				maximumFractionDigits: 1
			}).format(pct / 100);

/** The visible text of a figure in the member-state table. */
function figure(page: Page, metric: string, ms: string) {
	return page.locator(`#ms-table [data-metric="${metric}"][data-ms="${ms}"] .value`);
}

test.describe('overview', () => {
	test('shows the same figures as `cosi metrics --json` for several member states', async ({
		page
	}) => {
		const expected = expectedMetrics();
		expect(expected.asOf).toBe(asOf);
		await page.goto(`/?asOf=${asOf}&programme=${programme}`);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.getByText('Figures as of 30 June 2025')).toBeVisible();

		for (const ms of ['AT', 'DE', 'FR', 'NL', 'MT']) {
			const w = expected.withheld.find((r) => r.memberState === ms);
			const r = expected.retention.find((x) => x.memberState === ms);
			const p = expected.progress.find((x) => x.programme === programme && x.actor === ms);
			expect(w && r && p, `${ms} in the JSON`).toBeTruthy();
			await expect(figure(page, 'withheld', ms)).toHaveText(integer(w!.withheld));
			await expect(figure(page, 'unjustified', ms)).toHaveText(integer(w!.unjustified));
			await expect(figure(page, 'ratio', ms)).toHaveText(
				percent(w!.ratio === null ? null : w!.ratio * 100)
			);
			await expect(figure(page, 'compliance', ms)).toHaveText(percent(r!.compliancePct));
			await expect(figure(page, 'overdue-review', ms)).toHaveText(integer(r!.overdueReview));
			await expect(figure(page, 'progress', ms)).toHaveText(percent(p!.progressPct));
		}

		// EU-wide: the sum over all member states.
		const total = expected.withheld.reduce((s, w) => s + w.withheld, 0);
		await expect(page.locator('[data-metric="eu-withheld"] .value')).toHaveText(integer(total));
		await expect(figure(page, 'withheld', 'EU')).toHaveText(integer(total));
	});

	test('a withheld figure leads to exactly that many sharing rows', async ({ page }) => {
		await page.goto(`/?asOf=${asOf}`);
		const link = page.locator('#ms-table a[data-metric="withheld"][data-ms="AT"]');
		const shown = (await link.locator('.value').innerText()).trim();
		expect(Number(shown.replace(/\D/g, ''))).toBeGreaterThan(0);
		await link.click();
		await expect(page).toHaveURL(/\/records\/sharing\?/);
		const url = new URL(page.url());
		expect(url.searchParams.get('asOf')).toBe(asOf);
		expect(url.searchParams.get('ms')).toBe('AT');
		expect(url.searchParams.get('decision')).toBe('withheld');
		await expect(page.getByRole('heading', { name: /^[\d,]+ rows?$/ })).toHaveText(`${shown} rows`);
	});

	test('every figure of a row leads to as many rows as it counts', async ({ page, request }) => {
		await page.goto(`/?asOf=${asOf}&programme=${programme}`);
		// Counts lead to that many rows; a percentage to the rows of its denominator, which its
		// accessible name states ("… of 2,372 relevant rows").
		const links = page.locator(
			'#ms-table tr:has([data-ms-link="MT"]) a.figure, #ms-table tfoot a.figure'
		);
		const n = await links.count();
		expect(n).toBeGreaterThanOrEqual(20);
		for (let i = 0; i < n; i++) {
			const link = links.nth(i);
			const value = (await link.locator('.value').innerText()).trim();
			const name = (await link.innerText()).trim();
			const denominator = /of ([\d,]+) (?:applicable pairs|relevant rows|active records)/.exec(
				name
			);
			const expected = denominator ? denominator[1] : value;
			const href = (await link.getAttribute('href')) as string;
			const body = await (await request.get(new URL(href, page.url()).toString())).text();
			const total = /id="records-total"[^>]*>([^<]+)</.exec(body)?.[1].trim();
			expect(total, `${name} → ${href}`).toBe(`${expected} ${expected === '1' ? 'row' : 'rows'}`);
		}
	});

	test('each change links to the rows behind its earlier figure, which give that change', async ({
		page,
		request
	}) => {
		// All programmes: progress changes compare with each programme's previous round.
		await page.goto(`/?asOf=${asOf}`);
		/** The exact total of a records page, with one parameter set or replaced. */
		const totalOf = async (href: string, key: string, value: string) => {
			const url = new URL(href, page.url());
			url.searchParams.set(key, value);
			const body = await (await request.get(url.toString())).text();
			const total = /id="records-total"[^>]*>([^<]+)</.exec(body)?.[1].trim() ?? '';
			expect(total, url.toString()).toMatch(/^[\d,]+ rows?$/);
			return Number(total.replace(/\D/g, ''));
		};
		// How each figure is computed from its rows: [parameter, numerator value, denominator
		// value, scale] (progress: implemented of applicable; ratio: withheld of shared plus
		// withheld; compliance: compliant of active).
		const percentOf = async (metric: string, href: string) => {
			if (metric.endsWith('progress')) {
				return (
					(100 * (await totalOf(href, 'category', 'implemented'))) /
					(await totalOf(href, 'category', 'applicable'))
				);
			}
			if (metric.endsWith('ratio')) {
				const withheld = await totalOf(href, 'decision', 'withheld');
				return (100 * withheld) / (withheld + (await totalOf(href, 'decision', 'shared')));
			}
			return (
				(100 * (await totalOf(href, 'flag', 'compliant'))) / (await totalOf(href, 'flag', 'active'))
			);
		};
		const rows = ['#ms-table tr:has([data-ms-link="MT"])', '#ms-table tfoot tr'];
		/** Each change of MT and the EU row equals its figure's rows minus its earlier rows. */
		const checkChanges = async (expectEarlier: (metric: string, href: string) => void) => {
			let checked = 0;
			for (const row of rows) {
				for (const metric of ['progress', 'ratio', 'compliance']) {
					const delta = page.locator(`${row} a[data-delta="${metric}"]`);
					const current = page.locator(`${row} a.figure[data-metric="${metric}"]`);
					await expect(delta).toHaveCount(1);
					const earlierHref = (await delta.getAttribute('href')) as string;
					const currentHref = (await current.getAttribute('href')) as string;
					expectEarlier(metric, earlierHref);
					const change =
						(await percentOf(metric, currentHref)) - (await percentOf(metric, earlierHref));
					const shown = (await delta.innerText()).replace(/\s+/g, ' ');
					const amount = Math.abs(change).toFixed(1);
					if (Math.abs(change) < 0.05) expect(shown, metric).toContain('=');
					else expect(shown, `${row} ${metric}`).toContain(`${change > 0 ? '+' : '−'}${amount}`);
					checked++;
				}
			}
			expect(checked).toBe(6);
		};
		await checkChanges((metric, href) => {
			if (metric === 'progress') expect(href).toContain('round=previous');
			else expect(href).toContain('asOf=2025-05-31');
		});

		// One programme's change, in the EU table, judges it at its previous round.
		const programmeDelta = page.locator('a[data-delta="eu-progress"]').first();
		await programmeDelta.click();
		await expect(page).toHaveURL(/\/records\/actions\?.*round=previous/);
		await expect(
			page.getByText('Each programme is judged as of its previous reporting round')
		).toBeVisible();
		await expect(page.getByRole('columnheader', { name: 'Judged at', exact: true })).toBeVisible();
		await expect(page.getByLabel('Judged at', { exact: true })).toHaveValue('previous');

		// An explicit comparison date: every earlier figure is the one as of that date.
		await page.goto(`/?asOf=${asOf}&compare=2024-03-31`);
		await checkChanges((_, href) => {
			expect(href).toContain('asOf=2024-03-31');
			expect(href).not.toContain('round=');
		});
	});

	test('filters chosen in the form survive a reload', async ({ page }) => {
		await page.goto(`/?asOf=${asOf}`);
		await page.getByLabel('As-of date').fill('2024-12-31');
		await page.getByLabel('Programme', { exact: true }).selectOption(programme);
		await page.getByRole('button', { name: 'Apply filters' }).click();
		await expect(page).toHaveURL(/asOf=2024-12-31/);
		expect(new URL(page.url()).searchParams.get('programme')).toBe(programme);
		// Empty period fields are dropped from the address.
		expect(new URL(page.url()).searchParams.has('from')).toBe(false);
		await expect(page.getByText('Figures as of 31 December 2024')).toBeVisible();
		const before = await figure(page, 'withheld', 'FR').innerText();
		const progressBefore = await figure(page, 'progress', 'FR').innerText();

		await page.reload();
		await expect(page.getByLabel('As-of date')).toHaveValue('2024-12-31');
		await expect(page.getByLabel('Programme', { exact: true })).toHaveValue(programme);
		await expect(figure(page, 'withheld', 'FR')).toHaveText(before);
		await expect(figure(page, 'progress', 'FR')).toHaveText(progressBefore);
		// An earlier date gives different figures than 30 June 2025.
		const expected = expectedMetrics().withheld.find((w) => w.memberState === 'FR')!;
		expect(before).not.toBe(integer(expected.withheld));
	});

	test('switches to Dutch and back: headings, dates and numbers follow', async ({ page }) => {
		await page.goto(`/?asOf=${asOf}`);
		await page.getByRole('link', { name: 'Nederlands' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Overzicht');
		await expect(page.getByRole('heading', { name: 'Lidstaten en andere landen' })).toBeVisible();
		await expect(page.getByText('Cijfers per 30 juni 2025')).toBeVisible();
		// The address (and so the as-of date) is kept.
		expect(new URL(page.url()).searchParams.get('asOf')).toBe(asOf);
		// A percentage with a decimal comma; thousands with a dot.
		await expect(figure(page, 'ratio', 'AT')).toHaveText(/^\d+,\d\s?%$/);
		await expect(figure(page, 'withheld', 'EU')).toHaveText(/^\d{1,3}(\.\d{3})+$/);
		await expect(page.locator('#chart-progress-title')).toContainText('Voortgang');

		await page.getByRole('link', { name: 'English' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Overview');
		await expect(figure(page, 'ratio', 'AT')).toHaveText(/^\d+\.\d%$/);
	});

	test('sorts the member-state table from its column headings', async ({ page }) => {
		const expected = expectedMetrics();
		await page.goto(`/?asOf=${asOf}`);
		const table = page.locator('#ms-table');
		const heading = table.getByRole('columnheader', { name: 'Withheld', exact: true });
		await heading.getByRole('button').click();
		await expect(heading).toHaveAttribute('aria-sort', 'descending');
		const most = [...expected.withheld].sort((a, b) => b.withheld - a.withheld)[0];
		await expect(table.locator('tbody tr').first().locator('th')).toContainText(most.memberState);
		// Again, by keyboard: ascending.
		await heading.getByRole('button').focus();
		await page.keyboard.press('Enter');
		await expect(heading).toHaveAttribute('aria-sort', 'ascending');
		const least = [...expected.withheld].sort((a, b) => a.withheld - b.withheld)[0];
		await expect(table.locator('tbody tr').first().locator('th')).toContainText(least.memberState);
		// The EU-wide row stays at the foot.
		await expect(table.locator('tfoot th')).toContainText('EU-wide');
	});

	test('charts are drawn again in the browser with tooltips', async ({ page }) => {
		await page.goto(`/?asOf=${asOf}`);
		const chart = page.locator('#chart-progress-title').locator('..');
		const svg = chart.locator('.browser-svg svg');
		await expect(svg).toHaveAttribute('role', 'img');
		await expect(svg).toHaveAttribute('aria-label', /Implementation progress per member state/);
		await expect(chart.locator('.server-svg')).toHaveCount(0);
		const box = await svg.boundingBox();
		expect(box).not.toBeNull();
		// Hover the first (longest) bar: Plot's tip shows its text.
		await svg.locator('rect').first().hover();
		await expect(svg.locator('text', { hasText: /% implemented \(\d+/ })).toHaveCount(1);
	});

	test('an as-of date before any data explains what is missing', async ({ page }) => {
		await page.goto('/?asOf=2000-01-01');
		await expect(page.getByText('Figures as of 1 January 2000')).toBeVisible();
		const sharing = page.getByRole('article', { name: 'Withheld information' });
		await expect(sharing).toContainText(
			'No relevant sharing rows on or before 1 January 2000 (in the chosen period).'
		);
		// What to do, in the browser first: the Imports page (an admin may upload), then the CLI.
		await expect(sharing).toContainText('Upload a file (Sharing log) on the Imports page.');
		await expect(sharing.getByRole('link', { name: 'Imports page' })).toHaveAttribute(
			'href',
			'/imports'
		);
		await expect(sharing).toContainText('npx cosi ingest FILE --kind sharing');
		const retention = page.getByRole('article', { name: 'Retention compliance' });
		await expect(retention).toContainText(
			'No retention records created on or before 1 January 2000.'
		);
		await expect(retention).toContainText('npx cosi ingest FILE --kind retention');
		// No programme had a reporting round yet: none is judged (no 0 %).
		const progress = page.getByRole('article', { name: 'Implementation progress' });
		await expect(progress).toContainText(
			'No action status was reported on or before 1 January 2000.'
		);
		await expect(progress.locator('[data-metric="eu-progress"]')).toHaveCount(0);
	});

	test('a bad date is a helpful 400 page', async ({ page }) => {
		const response = await page.goto('/?asOf=2025-02-30');
		expect(response?.status()).toBe(400);
		await expect(page.getByText('Invalid asOf: "2025-02-30"')).toBeVisible();
	});

	test('a filter the page does not take is a 400 naming the ones it does', async ({ page }) => {
		for (const [path, accepted] of [
			['/?asOf=2025-06-30&ms=NL', 'asOf, from, to, programme, compare'],
			['/member-states/NL?asOf=2025-06-30&decision=withheld', 'asOf, from, to, programme'],
			['/programmes?asOf=2025-06-30&programme=AIAJ', 'asOf']
		]) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(400);
			await expect(page.locator('main')).toContainText(accepted);
		}
	});

	test('is accessible, and fits at 1280 and 390 pixels', async ({ page }, testInfo) => {
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto(`/?asOf=${asOf}`);
		await expect(page.locator('.browser-svg svg').first()).toBeVisible();
		await expectAccessible(page);
		await expectNoPageOverflow(page);
		await screenshot(page, testInfo, 'overview-1280');

		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(`/?asOf=${asOf}`);
		await expect(page.locator('.browser-svg svg').first()).toBeVisible();
		await expectNoPageOverflow(page);
		await screenshot(page, testInfo, 'overview-390');
	});
});

test('not reported in the latest round: the figure of `cosi metrics --json`, leading to its pairs', async ({
	page,
	request
}) => {
	const expected = expectedMetrics();
	/** The total of the records page a figure links to ("60 rows"). */
	const pairsBehind = async (figureLink: ReturnType<Page['locator']>) => {
		const href = (await figureLink.getAttribute('href')) as string;
		expect(href).toContain('category=not_in_latest_round');
		expect(href).toContain(`asOf=${asOf}`);
		const body = await (await request.get(new URL(href, page.url()).toString())).text();
		return /id="records-total"[^>]*>([^<]+)</.exec(body)?.[1].trim();
	};
	const rows = (n: number) => `${integer(n)} ${n === 1 ? 'row' : 'rows'}`;

	// The overview of one programme: its EU figure and those of several member states.
	const eu = expected.eu.progress.find((p) => p.programme === programme)!;
	expect(eu.notInLatestRound).toBeGreaterThan(0);
	await page.goto(`/?asOf=${asOf}&programme=${programme}`);
	const euFigure = page.locator('a.figure[data-metric="eu-not-in-latest-round"]');
	await expect(euFigure.locator('.value')).toHaveText(integer(eu.notInLatestRound));
	expect(await pairsBehind(euFigure)).toBe(rows(eu.notInLatestRound));
	const inProgramme = expected.progress.filter((p) => p.programme === programme);
	const some = inProgramme.filter((p) => p.notInLatestRound > 0).slice(0, 3);
	expect(some.length).toBeGreaterThan(0);
	for (const p of [...some, inProgramme.find((x) => x.notInLatestRound === 0)!]) {
		const link = page.locator(
			`#ms-table a.figure[data-metric="not-in-latest-round"][data-ms="${p.actor}"]`
		);
		await expect(link.locator('.value')).toHaveText(integer(p.notInLatestRound));
		expect(await pairsBehind(link), p.actor).toBe(rows(p.notInLatestRound));
	}

	// The member-state page: one figure per programme.
	const nl = expected.progress.filter((p) => p.actor === 'NL');
	expect(nl.some((p) => p.notInLatestRound > 0)).toBe(true);
	await page.goto(`/member-states/NL?asOf=${asOf}`);
	const table = page.getByRole('table', { name: 'Progress of Netherlands per programme' });
	for (const p of nl) {
		const link = table
			.getByRole('row')
			.filter({ has: page.getByRole('link', { name: p.programme, exact: true }) })
			.locator('a.figure[data-metric="not-in-latest-round"]');
		await expect(link.locator('.value')).toHaveText(integer(p.notInLatestRound));
		expect(await pairsBehind(link), p.programme).toBe(rows(p.notInLatestRound));
	}
	await expect(table.getByRole('columnheader', { name: 'Not in latest round' })).toBeVisible();
});

test.describe('member-state page', () => {
	test('shows the member state as of the date, with links to its rows', async ({ page }) => {
		const expected = expectedMetrics();
		const w = expected.withheld.find((r) => r.memberState === 'NL')!;
		await page.goto(`/?asOf=${asOf}`);
		await page.locator('#ms-table a[data-ms-link="NL"]').click();
		await expect(page).toHaveURL(/\/member-states\/NL\?asOf=2025-06-30/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Netherlands (NL)');
		const crumbs = page.getByRole('navigation', { name: 'Breadcrumbs' });
		await expect(crumbs.getByRole('link', { name: 'Overview' })).toBeVisible();
		await expect(crumbs.locator('[aria-current="page"]')).toHaveText('Netherlands');
		await expect(page.locator('[data-metric="withheld"][data-ms="NL"] .value')).toHaveText(
			integer(w.withheld)
		);
		await expect(
			page.getByRole('table', { name: /Sharing by Netherlands per channel/ })
		).toBeVisible();
		await expect(
			page.getByRole('table', { name: /Retention of Netherlands per register/ })
		).toBeVisible();
		await expect(page.getByRole('table', { name: /Actions of Netherlands/ })).toBeVisible();
		// Data quality is as of the page's date too: the samples were imported after it.
		await expect(page.getByText('Over every file imported up to 30 June 2025')).toBeVisible();
		await expect(
			page.getByText('No files with rows from Netherlands have been imported.')
		).toBeVisible();
		await page.goto('/member-states/NL');
		await expect(
			page.getByRole('table', { name: /Quality of the files Netherlands sent/ })
		).toBeVisible();
	});

	test('the rows marked not relevant are counted apart and reached from their figure', async ({
		page
	}) => {
		await page.goto(`/member-states/NL?asOf=${asOf}`);
		const figure = page.getByRole('link', {
			name: /rows marked not relevant, counted in no figure/
		});
		const count = (await figure.locator('.value').innerText()).trim();
		expect(Number(count.replace(/,/g, ''))).toBeGreaterThan(0);
		await figure.click();
		await expect(page).toHaveURL(/\/records\/sharing\?.*relevant=false/);
		await expect(page.getByRole('status').getByRole('heading')).toHaveText(`${count} rows`);
	});

	test('an alias or lower-case code leads to the member state; an unknown one is a 404', async ({
		page
	}) => {
		await page.goto(`/member-states/gr?asOf=${asOf}`);
		await expect(page).toHaveURL(/\/member-states\/EL\?asOf=2025-06-30$/);
		const response = await page.goto('/member-states/XX');
		expect(response?.status()).toBe(404);
		await expect(
			page.getByText('There is no member state or other actor with the code XX.')
		).toBeVisible();
	});

	test('is accessible, and fits at 1280 and 390 pixels', async ({ page }, testInfo) => {
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto(`/member-states/AT?asOf=${asOf}`);
		await expect(page.locator('.browser-svg svg').first()).toBeVisible();
		await expectAccessible(page);
		await expectNoPageOverflow(page);
		await screenshot(page, testInfo, 'member-state-1280');

		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(`/member-states/AT?asOf=${asOf}`);
		await expectNoPageOverflow(page);
		await screenshot(page, testInfo, 'member-state-390');
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the overview shows its table and server-rendered charts', async ({ page }) => {
		await page.goto(`/?asOf=${asOf}`);
		const table = page.getByRole('table', { name: /Headline metrics per member state/ });
		await expect(table).toBeVisible();
		expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(27);
		// Plain headings (no sort buttons that would do nothing) in the server's order.
		await expect(table.locator('thead button')).toHaveCount(0);
		await expect(table.locator('tbody tr').first().locator('th')).toContainText('AT');
		// Three charts as SVG from the server, each an image with a name, a description and a
		// native tooltip per mark.
		const svgs = page.locator('figure.chart .server-svg svg');
		await expect(svgs).toHaveCount(3);
		for (const svg of await svgs.all()) {
			await expect(svg).toHaveAttribute('role', 'img');
			await expect(svg).toHaveAttribute('aria-label', /.+/);
			expect(await svg.locator('desc').count()).toBe(1);
			expect(await svg.locator('title').count()).toBeGreaterThan(0);
		}
		// The figures are plain links.
		const link = page.locator('#ms-table a[data-metric="withheld"][data-ms="AT"]');
		await expect(link).toHaveAttribute(
			'href',
			/records\/sharing\?asOf=2025-06-30&ms=AT&decision=withheld/
		);
	});
});
