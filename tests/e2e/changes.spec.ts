// Round-over-round review on the bundled samples (tests/e2e/serve.js): what the overview's
// changes compare with, and the changes between two reporting rounds of a programme. Every test
// passes an explicit as-of date; the rounds are those of the samples (EU-ROADMAP-2016: the last
// two up to 30 June 2025 are 30 June 2018 and 30 June 2019).
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectAccessible, expectNoPageOverflow, screenshot } from './helpers.ts';
import { credentials, statePath } from './users.ts';

const asOf = '2025-06-30';
const programme = 'EU-ROADMAP-2016';
const changesPath = `/programmes/${programme}/changes`;

/** The number of pairs a changes page lists (its "N pairs" line). */
async function pairsTotal(request: APIRequestContext, page: Page, href: string): Promise<number> {
	const response = await request.get(new URL(href, page.url()).toString());
	expect(response.status(), href).toBe(200);
	const body = await response.text();
	const total = /id="pairs-total"[^>]*>\s*([^<]+?)\s*</.exec(body)?.[1] ?? '';
	expect(total, href).toMatch(/^[\d,]+ pairs?$/);
	return Number(total.replace(/\D/g, ''));
}

test.describe("the overview's comparison", () => {
	test('is chosen in the form, kept in the address, survives a reload and is stated', async ({
		page
	}) => {
		await page.goto(`/?asOf=${asOf}`);
		// By default: each programme's previous round, and the end of the previous month.
		const stated = page.locator('#compared');
		await expect(stated).toContainText("each programme's previous round");
		await expect(stated).toContainText('EU-ROADMAP-2016: 30 June 2018');
		await expect(stated).toContainText('31 May 2025, the end of the previous month');

		await page.getByLabel('An earlier date').check();
		await page.getByLabel('Comparison date').fill('2024-03-31');
		await page.getByRole('button', { name: 'Apply filters' }).click();
		await expect(page).toHaveURL(/compare=2024-03-31/);
		const params = new URL(page.url()).searchParams;
		expect(params.get('asOf')).toBe(asOf);
		expect(params.has('compareOn')).toBe(false);
		await expect(stated).toHaveText('Changes compared with 31 March 2024.');
		// The changes link to the rows as of that date.
		await expect(
			page.locator('#ms-table tr:has([data-ms-link="NL"]) a[data-delta="ratio"]')
		).toHaveAttribute('href', /asOf=2024-03-31/);

		await page.reload();
		await expect(page.getByLabel('An earlier date')).toBeChecked();
		await expect(page.getByLabel('Comparison date')).toHaveValue('2024-03-31');
		await expect(stated).toHaveText('Changes compared with 31 March 2024.');

		// Back to the previous round, of one programme: one date for every figure.
		await page.getByLabel('The previous reporting round').check();
		await page.getByLabel('Programme', { exact: true }).selectOption('AIAJ');
		await page.getByRole('button', { name: 'Apply filters' }).click();
		await expect(page).toHaveURL(/compare=previous-round/);
		await expect(stated).toHaveText('Changes compared with the round of 31 December 2016 (AIAJ).');
		await expect(
			page.locator('#ms-table tr:has([data-ms-link="NL"]) a[data-delta="ratio"]')
		).toHaveCount(0);
		await expect(page.locator('#ms-table tfoot a[data-delta="compliance"]')).toHaveAttribute(
			'href',
			/asOf=2016-12-31/
		);
	});

	test('a bad comparison is a 400 naming the accepted values', async ({ page }) => {
		for (const bad of ['last-month', asOf, '2025-07-01']) {
			const response = await page.goto(`/?asOf=${asOf}&compare=${bad}`);
			expect(response?.status(), bad).toBe(400);
			await expect(
				page.getByText(
					`Invalid compare: "${bad}" (expected previous-round or a date YYYY-MM-DD before ${asOf}).`
				)
			).toBeVisible();
		}
	});
});

test.describe('changes between reporting rounds', () => {
	test('compare the last two rounds by default; each count equals its pairs', async ({
		page,
		request
	}) => {
		await page.goto(`${changesPath}?asOf=${asOf}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			`Changes between reporting rounds: ${programme}`
		);
		await expect(
			page.getByText('between the round of 30 June 2018 and the round of 30 June 2019')
		).toBeVisible();
		const table = page.getByRole('table', { name: /Pairs of EU-ROADMAP-2016 per actor and group/ });
		await expect(table).toBeVisible();

		// Every count of NL, Europol and all actors leads to exactly that many pairs.
		const links = table.locator(
			'a.figure[data-ms="NL"]:not([data-metric="pairs"]), a.figure[data-ms="EUROPOL"]:not([data-metric="pairs"]), a.figure[data-ms="ALL"]:not([data-metric="pairs"])'
		);
		const n = await links.count();
		expect(n).toBe(3 * 7);
		let nonZero = 0;
		for (let i = 0; i < n; i++) {
			const link = links.nth(i);
			const shown = Number((await link.locator('.value').innerText()).replace(/\D/g, ''));
			const href = (await link.getAttribute('href')) as string;
			expect(href).toContain('from=2018-06-30');
			expect(href).toContain('to=2019-06-30');
			expect(await pairsTotal(request, page, href), href).toBe(shown);
			if (shown > 0) nonZero++;
		}
		expect(nonZero).toBeGreaterThan(5);
		// The pairs of an actor lead to its pairs as of the later round.
		const pairsLink = table.locator('a.figure[data-ms="NL"][data-metric="pairs"]');
		const pairsHref = (await pairsLink.getAttribute('href')) as string;
		expect(pairsHref).toContain('asOf=2019-06-30');
		const body = await (await request.get(new URL(pairsHref, page.url()).toString())).text();
		const shownPairs = (await pairsLink.locator('.value').innerText()).trim();
		expect(/id="records-total"[^>]*>([^<]+)</.exec(body)?.[1].trim()).toBe(`${shownPairs} rows`);

		// The pairs of one count: their status at each round, and their group.
		await table.locator('a.figure[data-ms="NL"][data-metric="stopped_reporting"]').click();
		await expect(page).toHaveURL(/group=stopped_reporting/);
		await expect(
			page.getByRole('heading', { name: 'Stopped reporting: Netherlands (NL)' })
		).toBeVisible();
		const pairs = page.getByRole('table', { name: /The pairs/ });
		await expect(pairs.locator('tbody tr').first()).toContainText('reported 30 June 2018');
		await expect(pairs.locator('tbody tr').first()).toContainText('Stopped reporting');
	});

	test('the rounds are chosen in the form and kept in the address', async ({ page }) => {
		await page.goto(`${changesPath}?asOf=${asOf}`);
		await page.getByLabel('Earlier round').selectOption('2017-06-30');
		await page.getByRole('button', { name: 'Apply filters' }).click();
		await expect(page).toHaveURL(/from=2017-06-30/);
		await expect(
			page.getByText('between the round of 30 June 2017 and the round of 30 June 2019')
		).toBeVisible();
		await page.reload();
		await expect(page.getByLabel('Earlier round')).toHaveValue('2017-06-30');
		await expect(page.getByLabel('Later round')).toHaveValue('2019-06-30');
		// A date that is not a round, or rounds in the wrong order: 400 naming the rounds.
		const response = await page.goto(`${changesPath}?asOf=${asOf}&to=2019-01-01`);
		expect(response?.status()).toBe(400);
		await expect(
			page.getByText(/Invalid to: "2019-01-01" \(expected one of 2019-06-30, /)
		).toBeVisible();
		const swapped = await page.goto(`${changesPath}?asOf=${asOf}&from=2019-06-30&to=2018-06-30`);
		expect(swapped?.status()).toBe(400);
		const unknown = await page.goto(`${changesPath}?asOf=${asOf}&ms=NL`);
		expect(unknown?.status()).toBe(400);
	});

	test('are reachable from the overview and the programme page', async ({ page }) => {
		await page.goto(`/?asOf=${asOf}`);
		await page
			.getByRole('row', { name: new RegExp(programme) })
			.getByRole('link', { name: 'Changes between rounds' })
			.click();
		await expect(page).toHaveURL(new RegExp(`${changesPath}\\?asOf=${asOf}$`));
		await page.goto(`/programmes/${programme}?asOf=${asOf}`);
		await page.getByRole('link', { name: 'Changes between its last two rounds' }).click();
		await expect(page).toHaveURL(new RegExp(`${changesPath}\\?asOf=${asOf}$`));
	});

	test('the member-state page shows its own changes, each count leading to its pairs', async ({
		page,
		request
	}) => {
		await page.goto(`/member-states/NL?asOf=${asOf}`);
		const table = page.getByRole('table', { name: 'Changes of Netherlands per programme' });
		await expect(table).toBeVisible();
		await expect(table.getByRole('row', { name: /EU-ROADMAP-2016/ })).toContainText(
			'30 June 2018 → 30 June 2019'
		);
		const links = table.locator('a.figure:not([data-metric="change-pairs"])');
		const n = await links.count();
		expect(n).toBe(3 * 7);
		for (let i = 0; i < n; i++) {
			const link = links.nth(i);
			const shown = Number((await link.locator('.value').innerText()).replace(/\D/g, ''));
			const href = (await link.getAttribute('href')) as string;
			expect(href).toContain('actor=NL');
			expect(await pairsTotal(request, page, href), href).toBe(shown);
		}
	});

	test('are accessible, and fit at 1280 pixels', async ({ page }, testInfo) => {
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto(`${changesPath}?asOf=${asOf}&actor=NL&group=changed`);
		await expect(page.locator('#pairs-total')).toBeVisible();
		await expectAccessible(page);
		await expectNoPageOverflow(page);
		await screenshot(page, testInfo, 'changes-1280');
	});
});

test.describe('changes for a supervisor of NL', () => {
	test.use({ storageState: statePath('supervisor') });

	test("list only NL's pairs; another state's are refused", async ({ page, request }) => {
		const states = credentials().supervisor.memberStates;
		expect(states).toEqual(['NL']);
		await page.goto(`${changesPath}?asOf=${asOf}`);
		const table = page.getByRole('table', { name: /Pairs of EU-ROADMAP-2016 per actor and group/ });
		await expect(table.locator('tbody tr')).toHaveCount(2);
		await expect(table.locator('tbody tr').first().locator('th')).toHaveText('NL');
		// The total is NL's: each of its counts equals NL's.
		for (const group of ['improved', 'stopped_reporting', 'newly_overdue', 'changed']) {
			await expect(
				table.locator(`a.figure[data-ms="ALL"][data-metric="${group}"] .value`)
			).toHaveText(
				await table.locator(`a.figure[data-ms="NL"][data-metric="${group}"] .value`).innerText()
			);
		}
		const href = (await table
			.locator('a.figure[data-ms="ALL"][data-metric="changed"]')
			.getAttribute('href')) as string;
		await page.goto(href);
		const actors = page
			.getByRole('table', { name: /The pairs/ })
			.locator('tbody tr td:nth-child(2)');
		expect(new Set(await actors.allInnerTexts())).toEqual(new Set(['NL']));
		const refused = await request.get(`${changesPath}?asOf=${asOf}&actor=FR&group=changed`);
		expect(refused.status()).toBe(403);
	});
});
