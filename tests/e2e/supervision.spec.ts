// Records a supervisor can work with (issue 12): the record tables sort by any column and search
// text on the server (in the URL, paged, kept on reload), their source stays in view at 1280
// pixels, one zip of everything about a member state, and each batch's original file.
//
// Every address passes an explicit as-of date (the samples span 2015-2025).
import { expect, request, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { parseCsv } from '../helpers/csv.ts';
import { expectAccessible } from './helpers.ts';
import { statePath } from './users.ts';

const asOf = '2025-06-30';

const digits = (text: string) => Number(text.replace(/[^\d]/g, ''));

/** The exact total a records page announces ("12,345 rows"). */
async function total(page: Page): Promise<number> {
	const heading = page.getByRole('status').getByRole('heading', { level: 2 });
	await expect(heading).toHaveText(/^[\d,.]+ rows?$/);
	return digits(await heading.innerText());
}

const recordsTable = (page: Page) => page.getByRole('table', { name: /: rows \d/ });

/** The text of column `index` (0-based) of every body row. */
async function column(page: Page, index: number): Promise<string[]> {
	return recordsTable(page)
		.locator('tbody tr')
		.evaluateAll(
			(rows, i) => rows.map((r) => (r.children[i] as HTMLElement).innerText.trim()),
			index
		);
}

test.describe('sorting and searching records', () => {
	test('a column heading sorts on the server; the order is in the URL, paged and kept on reload', async ({
		page
	}) => {
		await page.goto(`/records/sharing?asOf=${asOf}&ms=NL`);
		const all = await total(page);
		// The default order is by date: its heading says so.
		const occurred = recordsTable(page).getByRole('columnheader', { name: /Occurred/ });
		await expect(occurred).toHaveAttribute('aria-sort', 'ascending');

		// Sort by event, descending (two clicks), without JavaScript's help: plain links.
		const event = recordsTable(page).getByRole('columnheader', { name: /^Event/ });
		await event.getByRole('link').click();
		await expect(page).toHaveURL(/sort=event_id/);
		await expect(event).toHaveAttribute('aria-sort', 'ascending');
		await expect(occurred).not.toHaveAttribute('aria-sort', /./);
		await event.getByRole('link').click();
		await expect(page).toHaveURL(/sort=event_id&dir=desc/);
		await expect(event).toHaveAttribute('aria-sort', 'descending');
		const ids = await column(page, 0);
		expect(ids).toEqual([...ids].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? 1 : -1)));
		expect(await total(page)).toBe(all);

		// Page 2 continues the order; a reload shows the same rows.
		await page
			.getByRole('navigation', { name: /Pages of Sharing decisions/ })
			.getByRole('link', { name: 'Next →' })
			.click();
		await expect(page).toHaveURL(/sort=event_id&dir=desc.*page=2/);
		const page2 = await column(page, 0);
		expect(page2[0].toLowerCase() <= ids[ids.length - 1].toLowerCase()).toBe(true);
		await page.reload();
		expect(await column(page, 0)).toEqual(page2);
		await expect(event).toHaveAttribute('aria-sort', 'descending');

		// Applying a filter keeps the order (and goes back to page 1).
		await page.getByLabel('Decision', { exact: true }).selectOption('withheld');
		await page.getByRole('button', { name: 'Apply filters' }).click();
		await expect(page).toHaveURL(/decision=withheld/);
		await expect(page).toHaveURL(/sort=event_id&dir=desc/);
		await expect(page).not.toHaveURL(/page=2/);
		await expectAccessible(page);
	});

	test('a bad sort column or direction is a 400 naming the accepted ones', async ({ page }) => {
		const bad = await page.goto(`/records/retention?asOf=${asOf}&sort=colour`);
		expect(bad?.status()).toBe(400);
		await expect(page.locator('main')).toContainText('record_id');
		await expect(page.locator('main')).toContainText('review_due');
		const dir = await page.goto(`/records/actions?asOf=${asOf}&sort=deadline&dir=up`);
		expect(dir?.status()).toBe(400);
		await expect(page.locator('main')).toContainText('asc, desc');
		const csv = await page.request.get(`/records/sharing.csv?asOf=${asOf}&sort=nope`);
		expect(csv.status()).toBe(400);
	});

	test('the search is in the URL, paged, kept on reload, and the CSV follows it', async ({
		page
	}) => {
		await page.goto(`/records/retention?asOf=${asOf}`);
		const all = await total(page);
		await page.getByLabel('Search', { exact: true }).fill('POLITIE');
		await page.getByRole('button', { name: 'Apply filters' }).click();
		await expect(page).toHaveURL(/q=POLITIE/);
		const found = await total(page);
		expect(found).toBeGreaterThan(50);
		expect(found).toBeLessThan(all);
		// Case is ignored: every row's authority (or another searched column) holds it.
		const authorities = await column(page, 3);
		for (const a of authorities) expect(a.toLowerCase()).toContain('politie');
		await expect(page.getByRole('region', { name: 'Active filters' })).toContainText(
			'Search: POLITIE'
		);
		// Sorted by authority descending, page 2, reload: the same.
		const authority = recordsTable(page).getByRole('columnheader', { name: /Authority/ });
		await authority.getByRole('link').click();
		await expect(authority).toHaveAttribute('aria-sort', 'ascending');
		await authority.getByRole('link').click();
		await expect(authority).toHaveAttribute('aria-sort', 'descending');
		await expect(page).toHaveURL(/q=POLITIE&sort=authority&dir=desc/);
		await page
			.getByRole('navigation', { name: /Pages of Retention records/ })
			.getByRole('link', { name: 'Next →' })
			.click();
		await expect(page).toHaveURL(/page=2/);
		const rows = await column(page, 0);
		await page.reload();
		expect(await column(page, 0)).toEqual(rows);
		expect(await total(page)).toBe(found);
		await expect(page.getByLabel('Search', { exact: true })).toHaveValue('POLITIE');

		// The CSV download has the same rows in the same order.
		const href = await page.getByRole('link', { name: /Download CSV/ }).getAttribute('href');
		expect(href).toContain('q=POLITIE');
		const csv = await page.request.get(href!);
		const [header, ...csvRows] = parseCsv((await csv.text()).replace(/^\uFEFF/, ''));
		expect(csvRows).toHaveLength(found);
		const id = header.indexOf('record_id');
		expect(csvRows.slice(50, 100).map((r) => r[id])).toEqual(rows);

		// Wildcards are plain characters.
		await page.goto(`/records/retention?asOf=${asOf}&q=%25`);
		expect(await page.getByRole('heading', { name: 'No rows' }).isVisible()).toBe(true);
	});
});

test.describe('the source stays in view', () => {
	for (const [set, query] of [
		['sharing', `asOf=${asOf}&ms=NL`],
		['actions', `asOf=${asOf}&actor=NL`],
		['retention', `asOf=${asOf}&ms=NL`]
	]) {
		test(`/records/${set} at 1280 × 800: no horizontal scrolling, the source cell visible`, async ({
			page
		}) => {
			await page.setViewportSize({ width: 1280, height: 800 });
			await page.goto(`/records/${set}?${query}`);
			const wrap = page.locator('.table-wrap').filter({ has: recordsTable(page) });
			const sizes = await wrap.evaluate((el) => ({
				scroll: el.scrollWidth,
				client: el.clientWidth
			}));
			expect(sizes.scroll, `the ${set} table scrolls sideways`).toBeLessThanOrEqual(sizes.client);
			const page_ = await page.evaluate(() => ({
				scroll: document.documentElement.scrollWidth,
				client: document.documentElement.clientWidth
			}));
			expect(page_.scroll).toBeLessThanOrEqual(page_.client);
			// The last column is the source: in the viewport, naming batch and row, the file as title.
			// (Scrolled down to it: the filters come first; the wrapper cannot scroll sideways.)
			const source = recordsTable(page).locator('tbody tr').first().locator('td').last();
			await source.scrollIntoViewIfNeeded();
			await expect(source).toBeInViewport({ ratio: 1 });
			expect(await wrap.evaluate((el) => el.scrollLeft)).toBe(0);
			const box = await source.boundingBox();
			expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
			await expect(source.getByRole('link', { name: /^Batch \d+$/ })).toBeVisible();
			if (set !== 'actions') await expect(source).toContainText(/· row \d+/);
			await expect(source.locator('[title]')).toHaveAttribute('title', /\.\w+$/);
		});
	}
});

test.describe('the column chooser', () => {
	test('more columns are chosen in the form, kept in the URL; a bad one is a 400', async ({
		page
	}) => {
		await page.goto(`/records/sharing?asOf=${asOf}&ms=NL&sort=event_id`);
		const table = recordsTable(page);
		await expect(table.getByRole('columnheader', { name: /Subject/ })).toHaveCount(0);
		await page.getByRole('checkbox', { name: /Subject/ }).check();
		await page.getByRole('checkbox', { name: /Weighing reference/ }).check();
		await page.getByRole('button', { name: 'Apply filters' }).click();
		await expect(page).toHaveURL(/sort=event_id&cols=weighing_ref(%2C|,)subject_ref/);
		await expect(table.getByRole('columnheader', { name: /Subject/ })).toBeVisible();
		await page.reload();
		await expect(page.getByRole('checkbox', { name: /Subject/ })).toBeChecked();
		await expect(table.getByRole('columnheader', { name: /Weighing reference/ })).toBeVisible();
		const bad = await page.request.get(`/records/sharing?asOf=${asOf}&cols=authority`);
		expect(bad.status()).toBe(400);
		expect(await bad.text()).toContain('subject_ref');
	});
});

/** A zip's entry, as text without its BOM. */
async function entry(zip: JSZip, name: string): Promise<string> {
	const file = zip.file(name);
	expect(file, name).not.toBeNull();
	return (await file!.async('string')).replace(/^\uFEFF/, '');
}

test.describe('everything about one member state, in one zip', () => {
	test('its files hold the rows of the records pages, and the manifest their batches', async ({
		page
	}) => {
		await page.goto(`/member-states/NL?asOf=${asOf}`);
		const link = page.getByRole('link', { name: 'Download everything about NL (zip)' });
		const href = await link.getAttribute('href');
		expect(href).toMatch(/\/member-states\/NL\/download\.zip\?asOf=2025-06-30$/);
		const response = await page.request.get(href!);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('application/zip');
		const zip = await JSZip.loadAsync(await response.body());
		const manifest = JSON.parse(await entry(zip, 'manifest.json')) as {
			memberState: string;
			asOf: string;
			files: { name: string; rows: number; page: string }[];
			batches: { file: string; batchId: number; fileName: string; sha256: string; rows: number }[];
		};
		expect(manifest.memberState).toBe('NL');
		expect(manifest.asOf).toBe(asOf);
		expect(manifest.files.map((f) => f.name)).toEqual([
			'sharing.csv',
			'sharing-not-relevant.csv',
			'actions.csv',
			'retention.csv'
		]);
		for (const file of manifest.files) {
			// The rows of each file equal the total its records page announces.
			await page.goto(file.page);
			const shown = await total(page);
			const [header, ...rows] = parseCsv(await entry(zip, file.name));
			expect(rows.length, `${file.name} = ${file.page}`).toBe(shown);
			expect(file.rows).toBe(shown);
			expect(shown, file.name).toBeGreaterThan(0);
			// Every row is of NL; the batches it cites are those of the manifest, with their counts.
			const state = header.indexOf(file.name.startsWith('actions') ? 'actor' : 'member_state');
			expect(new Set(rows.map((r) => r[state]))).toEqual(new Set(['NL']));
			const batch = header.indexOf('batch_id');
			const fallback = header.indexOf('responsible_batch_id');
			const cited = new Map<number, number>();
			for (const r of rows) {
				const id = Number(r[batch] || r[fallback]);
				cited.set(id, (cited.get(id) ?? 0) + 1);
			}
			const listed = manifest.batches.filter((b) => b.file === file.name);
			expect(new Map(listed.map((b) => [b.batchId, b.rows]))).toEqual(cited);
			for (const b of listed) expect(b.sha256).toMatch(/^[0-9a-f]{64}$/);
		}
		// batches.csv says the same as the manifest.
		const [, ...batchRows] = parseCsv(await entry(zip, 'batches.csv'));
		expect(batchRows).toHaveLength(manifest.batches.length);
		// The NL Excel export is among the batches of the sharing rows.
		expect(
			manifest.batches.some(
				(b) => b.file === 'sharing.csv' && b.fileName === 'sharing-nl-excel.csv'
			)
		).toBe(true);
	});

	test('a supervisor of NL gets the NL zip, not another state’s', async ({ baseURL }) => {
		const supervisor = await request.newContext({
			baseURL,
			storageState: statePath('supervisor')
		});
		try {
			const own = await supervisor.get(`/member-states/NL/download.zip?asOf=${asOf}`);
			expect(own.status()).toBe(200);
			const other = await supervisor.get(`/member-states/FR/download.zip?asOf=${asOf}`);
			expect(other.status()).toBe(403);
			const reviewer = await request.newContext({ baseURL, storageState: statePath('reviewer') });
			expect((await reviewer.get(`/member-states/NL/download.zip?asOf=${asOf}`)).status()).toBe(
				403
			);
			await reviewer.dispose();
		} finally {
			await supervisor.dispose();
		}
	});
});

test.describe('the original file of a batch', () => {
	/** The batch id of a file on /imports. */
	async function batchOf(page: Page, file: string): Promise<number> {
		await page.goto('/imports');
		const row = page.locator('tr', { hasText: file }).first();
		const href = await row.getByRole('link').first().getAttribute('href');
		return Number(/\/imports\/(\d+)/.exec(href ?? '')?.[1]);
	}

	test('is offered on the batch page, and its bytes hash to the batch’s SHA-256', async ({
		page
	}) => {
		const id = await batchOf(page, 'sharing-nl-excel.csv');
		await page.goto(`/imports/${id}`);
		const sha = (await page.locator('dd code').first().innerText()).trim();
		expect(sha).toMatch(/^[0-9a-f]{64}$/);
		const download = page.waitForEvent('download');
		await page.getByRole('link', { name: /Download the original file/ }).click();
		const file = await download;
		expect(file.suggestedFilename()).toBe('sharing-nl-excel.csv');
		const { readFile } = await import('node:fs/promises');
		const bytes = await readFile(await file.path());
		expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha);
	});

	test('a supervisor of NL gets NL’s originals, not another state’s batch', async ({
		page,
		baseURL
	}) => {
		const nl = await batchOf(page, 'sharing-nl-excel.csv');
		const lu = await batchOf(page, 'quality-lu-second.csv');
		const supervisor = await request.newContext({
			baseURL,
			storageState: statePath('supervisor')
		});
		try {
			expect((await supervisor.get(`/imports/${nl}/original`)).status()).toBe(200);
			expect([403, 404]).toContain((await supervisor.get(`/imports/${lu}/original`)).status());
		} finally {
			await supervisor.dispose();
		}
	});
});
