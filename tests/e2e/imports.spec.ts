// The imports pages on the bundled sample data and the two LU sharing files that serve.js
// imports after them (tests/e2e/fixtures/quality-lu-*.csv: the second supersedes two rows of the
// first and has three rejected rows, one of them with two problems).
//
// The server holds its database open, so these tests cannot ask the CLI what it contains:
// they check what must hold for any data (counts add up, links lead to the right batch, each
// count leads to exactly that many rows). Other tests upload files meanwhile, so batches are
// found by file name, never by position or id.
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
	expectAccessible,
	expectNoPageOverflow,
	screenshot,
	screenshotsAtBothWidths
} from './helpers.ts';

const digits = (text: string) => Number(text.replace(/[^\d]/g, ''));

interface ListedBatch {
	id: number;
	file: string;
	read: number;
	accepted: number;
	rejected: number;
}

/** The rows of the import table, read by column header so column order may change. */
async function listedBatches(page: Page): Promise<ListedBatch[]> {
	const table = page.getByRole('table', { name: /import batches/i });
	const headers = (await table.locator('thead th').allInnerTexts()).map((h) =>
		h.trim().toLowerCase()
	);
	const col = (name: string) => {
		const i = headers.indexOf(name);
		expect(i, `column "${name}" in ${headers.join(', ')}`).toBeGreaterThanOrEqual(0);
		return i;
	};
	const [id, file, read, accepted, rejected] = [
		col('id'),
		col('file'),
		col('rows read'),
		col('accepted'),
		col('rejected')
	];
	// A count is a link whose accessible name goes on after the number: read the number only.
	const rows = await table
		.locator('tbody tr')
		.evaluateAll((trs) =>
			trs.map((tr) =>
				[...tr.querySelectorAll('td')].map((td) =>
					(td.querySelector('.value')?.textContent ?? td.innerText).trim()
				)
			)
		);
	return rows.map((cells) => ({
		id: digits(cells[id]),
		file: cells[file],
		read: digits(cells[read]),
		accepted: digits(cells[accepted]),
		rejected: digits(cells[rejected])
	}));
}

test('the main navigation leads to the imports and marks the current page', async ({ page }) => {
	await page.goto('/?asOf=2025-06-30');
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Imports' })
		.click();
	await expect(page).toHaveURL(/\/imports$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Imports' })).toBeVisible();
	await expect(
		page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' })
	).toHaveAttribute('aria-current', 'page');
	// Marked in the server-rendered HTML too, not only after hydration.
	const html = await (await page.request.get('/imports')).text();
	expect(html).toMatch(/<a [^>]*aria-current="page"[^>]*>Imports<\/a>/);
});

test('the imports page lists the sample batches and their counts add up', async ({
	page
}, testInfo) => {
	const response = await page.goto('/imports');
	expect(response?.status()).toBe(200);
	expect(response?.headers()['x-content-type-options']).toBe('nosniff');
	expect(response?.headers()['x-frame-options']).toBe('DENY');
	expect(response?.headers()['referrer-policy']).toBe('same-origin');

	const batches = await listedBatches(page);
	expect(batches.length, 'the samples give at least one batch').toBeGreaterThan(0);
	for (const b of batches) {
		expect(b.accepted + b.rejected, `batch ${b.id} (${b.file}): accepted + rejected = read`).toBe(
			b.read
		);
		expect(b.file).not.toBe('');
	}
	// Newest first, each batch once.
	const ids = batches.map((b) => b.id);
	expect(ids).toEqual([...ids].sort((a, b) => b - a));
	expect(new Set(ids).size).toBe(ids.length);

	// The SHA-256 is shortened on screen, with the full value in the title.
	const sha = page.getByRole('table').locator('tbody tr').first().locator('code[title]');
	await expect(sha).toHaveAttribute('title', /^[0-9a-f]{64}$/);

	await expectAccessible(page);
	await page.setViewportSize({ width: 1280, height: 900 });
	await screenshot(page, testInfo, 'imports-1280');
	await page.setViewportSize({ width: 390, height: 844 });
	await expectNoPageOverflow(page);
	await screenshot(page, testInfo, 'imports-390');
	await expectAccessible(page);
});

test('a batch link opens the batch with its details and rejects', async ({ page }, testInfo) => {
	await page.goto('/imports');
	const batches = await listedBatches(page);
	// Prefer a batch with rejects, so the rejects table is shown too.
	const batch = batches.find((b) => b.rejected > 0) ?? batches[0];
	expect(batch).toBeDefined();

	const link = page
		.getByRole('table', { name: /import batches/i })
		.locator('tbody tr')
		.filter({ has: page.getByRole('cell', { name: String(batch.id), exact: true }) })
		.getByRole('link', { name: batch.file, exact: true });
	await link.click();
	await expect(page).toHaveURL(new RegExp(`/imports/${batch.id}$`));
	const heading = page.getByRole('heading', { level: 1 });
	await expect(heading).toContainText(batch.file);
	await expect(heading).toContainText(`batch ${batch.id}`);

	const details = page.locator('dl.details');
	await expect(details).toContainText(/SHA-256\s*[0-9a-f]{64}/);

	// Without ?show=, the page shows the rejected rows, as it always did.
	await expect(
		page.getByRole('navigation', { name: 'Rows of this batch' }).getByRole('link', {
			name: /^Rows rejected/
		})
	).toHaveAttribute('aria-current', 'page');
	await expect(page.locator('#records-total')).toHaveText(
		batch.rejected === 1
			? '1 row rejected'
			: `${batch.rejected.toLocaleString('en-GB')} rows rejected`
	);
	if (batch.rejected > 0) {
		const rejects = page.getByRole('table', { name: /rejected rows of/i });
		await expect(rejects).toBeVisible();
		const headers = await rejects.locator('thead th').allInnerTexts();
		expect(headers.map((h) => h.trim())).toEqual(['Row', 'Problems']);
		const shown = await rejects.locator('tbody tr').count();
		expect(shown).toBeGreaterThan(0);
		expect(shown).toBeLessThanOrEqual(50);
		// Row numbers count the header as row 1, so data rows start at 2.
		const firstRow = digits(await rejects.getByRole('rowheader').first().innerText());
		expect(firstRow).toBeGreaterThanOrEqual(2);

		const next = page
			.getByRole('navigation', { name: 'Pages of rejected rows' })
			.getByRole('link', { name: 'Next →' });
		if ((await next.count()) > 0) {
			await next.click();
			await expect(page).toHaveURL(new RegExp(`/imports/${batch.id}\\?show=rejected&page=2$`));
			await expect(page.getByRole('table', { name: /rejected rows of/i })).toBeVisible();
			await page.goBack();
		}
	} else {
		await expect(page.getByText('No rows of this file were rejected.')).toBeVisible();
	}

	await expectAccessible(page);
	await page.setViewportSize({ width: 1280, height: 900 });
	await screenshot(page, testInfo, 'batch-1280');
	await page.setViewportSize({ width: 390, height: 844 });
	await expectNoPageOverflow(page);
	await screenshot(page, testInfo, 'batch-390');
	await expectAccessible(page);
});

/** What an error page must not show: stack frames, exception names, server paths. */
async function expectNoStack(page: Page): Promise<void> {
	const text = await page.locator('body').innerText();
	expect(text).not.toMatch(/\bat\s+\S+\s+\(?[^\s)]+:\d+:\d+\)?/);
	expect(text).not.toMatch(/node_modules|\/src\/|\.ts:\d+|Error:/);
}

test('an unknown batch gives a helpful 404 page without a stack trace', async ({ page }) => {
	const response = await page.goto('/imports/999999');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
	await expect(page.getByText('There is no import batch 999999.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Go to the overview' })).toBeVisible();
	await expectNoStack(page);
	await expectAccessible(page);
});

test('bad ids and page numbers give a 400 page, unknown paths a 404', async ({ page }) => {
	let response = await page.goto('/imports/abc');
	expect(response?.status()).toBe(400);
	await expect(page.getByText(/Invalid batch id "abc"/)).toBeVisible();
	await expectNoStack(page);

	response = await page.goto('/imports?page=0');
	expect(response?.status()).toBe(400);
	await expect(
		page.getByText('Invalid page: "0" (expected a whole number from 1 up).')
	).toBeVisible();

	response = await page.goto('/no-such-page');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
	await expectNoStack(page);
});

// Every count of a batch leads to exactly the rows it counts (/imports/[id]?show=...).

/** The row counts of a batch: what each link's name says it counts and the view it opens. */
const figures = [
	{ counts: 'rows read', show: 'read', tab: 'Rows read', total: /^([\d,]+) rows? read$/ },
	{
		counts: 'rows accepted',
		show: 'accepted',
		tab: 'Rows accepted',
		total: /^([\d,]+) rows? accepted$/
	},
	{
		counts: 'rows rejected',
		show: 'rejected',
		tab: 'Rows rejected',
		total: /^([\d,]+) rows? rejected$/
	},
	{
		counts: 'earlier rows replaced',
		show: 'replaced',
		tab: 'Earlier rows replaced',
		total: /^([\d,]+) earlier rows? replaced$/
	}
] as const;
type Figure = (typeof figures)[number];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The row of the import list for a file (the newest, should it have been imported twice). */
function listedRow(page: Page, file: string): Locator {
	return page
		.getByRole('table', { name: /import batches/i })
		.locator('tbody tr')
		.filter({ has: page.getByRole('link', { name: file, exact: true }) })
		.first();
}

/**
 * The link of one count: its accessible name is the number, then what it counts (Chromium puts a
 * space before the hidden part).
 */
const figureLink = (scope: Locator | Page, f: Figure, file: string) =>
	scope.getByRole('link', {
		name: new RegExp(`^[\\d,]+ ?, ${f.counts}, batch \\d+ \\(${escape(file)}\\)$`)
	});

/** The number a count shows. */
async function shownNumber(link: Locator): Promise<number> {
	return digits(await link.locator('.value').innerText());
}

/** The view shown: its tab is marked and its heading states its total, which is returned. */
async function statedTotal(page: Page, f: Figure): Promise<number> {
	await expect(
		page.getByRole('navigation', { name: 'Rows of this batch' }).getByRole('link', {
			name: new RegExp(`^${f.tab} \\(`)
		})
	).toHaveAttribute('aria-current', 'page');
	await expect(
		page.getByRole('navigation', { name: 'Rows of this batch' }).locator('[aria-current]')
	).toHaveCount(1);
	const heading = page.getByRole('status').getByRole('heading', { level: 2 });
	await expect(heading).toHaveText(f.total);
	return digits(await heading.innerText());
}

/** The table of the rows of the view (its caption: "...: 1–50 of 120", "...: 1–50 van 120"). */
const rowsTable = (page: Page) =>
	page.getByRole('table', { name: /: [\d,.]+–[\d,.]+ (of|van) [\d,.]+$/ });

/**
 * The view lists exactly `total` rows, 50 to a page: page by page when there are a few pages;
 * else (a sample file has 100,000 rows) the first page, the number of pages and the last page.
 */
async function expectRowsOnPages(page: Page, total: number, what: string): Promise<void> {
	const rows = rowsTable(page).locator('tbody tr');
	const pager = page.getByRole('navigation', { name: /^Pages of / });
	if (total === 0) {
		await expect(page.getByRole('table'), what).toHaveCount(0);
		await expect(pager, what).toHaveCount(0);
		return;
	}
	const pages = Math.ceil(total / 50);
	if (pages > 1) {
		await expect(pager.locator('[aria-current="page"]'), what).toHaveText(
			`Page 1 of ${pages.toLocaleString('en-GB')}`
		);
	} else {
		await expect(pager, what).toHaveCount(0);
	}
	if (pages <= 5) {
		let seen = 0;
		for (let n = 1; ; n++) {
			const onPage = await rows.count();
			expect(onPage, `${what}, page ${n}`).toBe(Math.min(50, total - seen));
			seen += onPage;
			const next = pager.getByRole('link', { name: 'Next →' });
			if ((await next.count()) === 0) break;
			await next.click();
			await expect(page).toHaveURL(new RegExp(`[?&]page=${n + 1}$`));
		}
		expect(seen, what).toBe(total);
		return;
	}
	await expect(rows, `${what}, page 1`).toHaveCount(50);
	await pager.getByRole('link', { name: 'Last »' }).click();
	await expect(page).toHaveURL(new RegExp(`[?&]page=${pages}$`));
	const first = (pages - 1) * 50 + 1;
	await expect(rows, `${what}, page ${pages}`).toHaveCount(total - first + 1);
	await expect(rowsTable(page), what).toHaveAccessibleName(
		new RegExp(`: ${first.toLocaleString('en-GB')}–${total.toLocaleString('en-GB')} of `)
	);
}

const first = 'quality-lu-first.csv';
const second = 'quality-lu-second.csv';

test('each count of a batch on /imports leads to exactly its rows', async ({ page }) => {
	// The two LU files (rejects, superseded rows) and the largest sample file (2,000 pages).
	for (const file of [second, first, 'sharing.csv']) {
		await page.goto('/imports');
		const row = listedRow(page, file);
		await expect(row, file).toHaveCount(1);
		const numbers: number[] = [];
		for (const f of figures) numbers.push(await shownNumber(figureLink(row, f, file)));
		const [read, accepted, rejected] = numbers;
		expect(accepted + rejected, `${file}: accepted + rejected = read`).toBe(read);

		for (const [i, f] of figures.entries()) {
			const what = `${file}: ${f.counts} (${numbers[i]})`;
			await page.goto('/imports');
			await figureLink(listedRow(page, file), f, file).click();
			await expect(page, what).toHaveURL(new RegExp(`/imports/\\d+\\?show=${f.show}$`));
			await expect(page.getByRole('heading', { level: 1 })).toContainText(file);
			expect(await statedTotal(page, f), what).toBe(numbers[i]);
			await expectRowsOnPages(page, numbers[i], what);
		}
	}
	// The fixtures, as serve.js imports them.
	await page.goto('/imports');
	const counts = async (file: string) => {
		const out: number[] = [];
		for (const f of figures)
			out.push(await shownNumber(figureLink(listedRow(page, file), f, file)));
		return out;
	};
	expect(await counts(first)).toEqual([3, 3, 0, 0]);
	expect(await counts(second)).toEqual([5, 2, 3, 2]);
});

test('each count in the details of a batch leads to exactly its rows', async ({
	page
}, testInfo) => {
	await page.goto('/imports');
	await listedRow(page, second).getByRole('link', { name: second, exact: true }).click();
	await expect(page).toHaveURL(/\/imports\/\d+$/);
	const batchUrl = page.url();
	const details = page.locator('dl.details');

	for (const f of figures) {
		await page.goto(batchUrl);
		const link = figureLink(details, f, second);
		const shown = await shownNumber(link);
		// The tab of the view says the same number.
		await expect(
			page
				.getByRole('navigation', { name: 'Rows of this batch' })
				.getByRole('link', { name: `${f.tab} (${shown})` })
		).toBeVisible();
		await link.click();
		await expect(page).toHaveURL(new RegExp(`/imports/\\d+\\?show=${f.show}$`));
		// Breadcrumbs lead back to the list.
		await expect(
			page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Imports' })
		).toHaveAttribute('href', /\/imports$/);
		expect(await statedTotal(page, f), f.counts).toBe(shown);
		await expectRowsOnPages(page, shown, `${second}: ${f.counts}`);

		const rows = rowsTable(page).locator('tbody tr');
		switch (f.show) {
			case 'read': {
				// Every row of the file in order, with its outcome: two stored, three rejected.
				expect(await rows.getByRole('rowheader').allInnerTexts()).toEqual([
					'2',
					'3',
					'4',
					'5',
					'6'
				]);
				await expect(rows.nth(0)).toContainText('Accepted');
				await expect(rows.nth(0)).toContainText('QF-1');
				await expect(rows.nth(1)).toContainText('QF-2');
				for (const i of [2, 3, 4]) await expect(rows.nth(i)).toContainText('Rejected');
				await expect(rows.nth(4).getByRole('listitem')).toHaveCount(2);
				await screenshotsAtBothWidths(page, testInfo, 'batch-read');
				break;
			}
			case 'accepted':
				await expect(rows.nth(0).getByRole('cell').first()).toHaveText('QF-1');
				await expect(rows.nth(1).getByRole('cell').first()).toHaveText('QF-2');
				// Not replaced since: the second file is the latest.
				await expect(rows.nth(0)).toContainText(/No$/);
				break;
			case 'rejected':
				// One line per row, with all its problems: three rows, four problems.
				await expect(page.getByText(/\(4 problems in all\)/)).toBeVisible();
				await expect(rows.nth(0)).toContainText('occurred_on: 2099-02-30 — invalid date');
				await expect(rows.nth(2).getByRole('listitem')).toHaveCount(2);
				// Imported text is shown as text, never as markup.
				await expect(rows.nth(1)).toContainText('decision: <img src=x onerror=alert(1)>');
				await expect(rowsTable(page).locator('img')).toHaveCount(0);
				await screenshotsAtBothWidths(page, testInfo, 'batch-rejected');
				break;
			case 'replaced':
				// The two rows of the first file that the second one replaced, each with its source.
				for (const [i, event] of ['QF-1', 'QF-2'].entries()) {
					await expect(rows.nth(i).getByRole('rowheader')).toHaveText(event);
					await expect(rows.nth(i)).toContainText(first);
					await expect(rows.nth(i)).toContainText(`row ${i + 2}`);
					await expect(rows.nth(i).getByRole('link', { name: /^Batch \d+$/ })).toHaveAttribute(
						'href',
						/\/imports\/\d+$/
					);
				}
				await screenshotsAtBothWidths(page, testInfo, 'batch-replaced');
				break;
		}
		await expectAccessible(page);
	}

	// The first file: its two replaced rows say so, and by which file; nothing was rejected or
	// replaced by it, and each empty view says why.
	await page.goto('/imports');
	await listedRow(page, first).getByRole('link', { name: first, exact: true }).click();
	await figureLink(page.locator('dl.details'), figures[1], first).click();
	const accepted = rowsTable(page).locator('tbody tr');
	await expect(accepted).toHaveCount(3);
	for (const i of [0, 1]) {
		await expect(accepted.nth(i)).toContainText(/Yes, by Batch \d+ quality-lu-second\.csv/);
	}
	await expect(accepted.nth(2)).toContainText(/No$/);
	await expectAccessible(page);
	await screenshotsAtBothWidths(page, testInfo, 'batch-accepted');

	await figureLink(page.locator('dl.details'), figures[3], first).click();
	expect(await statedTotal(page, figures[3])).toBe(0);
	await expect(page.getByText(/^This batch replaced no earlier rows/)).toBeVisible();
	await expectRowsOnPages(page, 0, `${first}: replaced`);
	await expectAccessible(page);

	await figureLink(page.locator('dl.details'), figures[2], first).click();
	expect(await statedTotal(page, figures[2])).toBe(0);
	await expect(page.getByText('No rows of this file were rejected.')).toBeVisible();
});

test('the rows of a batch are in Dutch for a Dutch reader', async ({ page }) => {
	await page.goto('/imports');
	await listedRow(page, second).getByRole('link', { name: second, exact: true }).click();
	await expect(page).toHaveURL(/\/imports\/\d+$/);
	await page.getByRole('link', { name: 'Nederlands' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Import van');
	const views = page.getByRole('navigation', { name: 'Rijen van deze batch' });
	await views.getByRole('link', { name: /^Rijen gelezen/ }).click();
	await expect(page).toHaveURL(/\?show=read$/);
	await expect(page.getByRole('status').getByRole('heading')).toHaveText('5 rijen gelezen');
	await expect(rowsTable(page).locator('tbody tr').first()).toContainText('Geaccepteerd');
	await page
		.locator('dl.details')
		.getByRole('link', { name: /, eerdere rijen vervangen, batch \d+/ })
		.click();
	await expect(page.getByRole('status').getByRole('heading')).toHaveText(
		'2 eerdere rijen vervangen'
	);
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page.getByRole('status').getByRole('heading')).toHaveText('2 earlier rows replaced');
});

test('a bad view or page of a batch gives a helpful 400 or 404', async ({ page }) => {
	await page.goto('/imports');
	const href = await listedRow(page, first)
		.getByRole('link', { name: first, exact: true })
		.getAttribute('href');
	const id = /\/imports\/(\d+)$/.exec(href ?? '')?.[1];
	expect(id, href ?? '').toBeDefined();
	for (const [url, status, message] of [
		[
			`/imports/${id}?show=kept`,
			400,
			'Invalid show: "kept" (expected read, accepted, rejected or replaced).'
		],
		[
			`/imports/${id}?show=read&page=x`,
			400,
			'Invalid page: "x" (expected a whole number from 1 up).'
		],
		[
			`/imports/${id}?show=accepted&page=2`,
			404,
			`There is no page 2 of these rows of batch ${id}: the last page is 1.`
		]
	] as const) {
		expect((await page.goto(url))?.status(), url).toBe(status);
		await expect(page.getByText(message)).toBeVisible();
		await expectNoStack(page);
	}
});
