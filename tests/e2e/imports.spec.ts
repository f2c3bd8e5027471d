// The imports pages on the bundled sample data (see tests/e2e/serve.js).
//
// The server holds its database open, so these tests cannot ask the CLI what it contains:
// they check what must hold for any data (counts add up, links lead to the right batch).
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoPageOverflow, screenshot } from './helpers.ts';

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
	const rows = await table
		.locator('tbody tr')
		.evaluateAll((trs) =>
			trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim()))
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

	if (batch.rejected > 0) {
		const rejects = page.getByRole('table', { name: /rejected rows of/i });
		await expect(rejects).toBeVisible();
		const headers = await rejects.locator('thead th').allInnerTexts();
		expect(headers.map((h) => h.trim())).toEqual(['Row', 'Column', 'Value', 'Problem']);
		const shown = await rejects.locator('tbody tr').count();
		expect(shown).toBeGreaterThan(0);
		expect(shown).toBeLessThanOrEqual(50);
		// Row numbers count the header as row 1, so data rows start at 2.
		const firstRow = digits(await rejects.locator('tbody tr td').first().innerText());
		expect(firstRow).toBeGreaterThanOrEqual(2);

		const next = page
			.getByRole('navigation', { name: 'Pages of rejected rows' })
			.getByRole('link', {
				name: /next page/i
			});
		if ((await next.count()) > 0) {
			await next.click();
			await expect(page).toHaveURL(new RegExp(`/imports/${batch.id}\\?page=2$`));
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
	await expect(page.getByText(/Invalid page number/)).toBeVisible();

	response = await page.goto('/no-such-page');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
	await expectNoStack(page);
});
