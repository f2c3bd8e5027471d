// Records (the rows behind every figure), programme and action pages, CSV downloads and web
// uploads, on the bundled sample data (see tests/e2e/serve.js).
//
// Every address passes an explicit as-of date: the samples span 2015-2025 and the tests must
// not depend on today's date. Uploaded test rows are dated 2099, so they never change a figure
// as of 2025-06-30 that another test reads.
import { expect, test, type Page } from '@playwright/test';
import { parseCsv } from '../helpers/csv.ts';
import { expectAccessible, screenshotsAtBothWidths } from './helpers.ts';
import { credentials } from './users.ts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const asOf = '2025-06-30';

const digits = (text: string) => Number(text.replace(/[^\d]/g, ''));

/** The exact total a records page announces ("12,345 rows"). */
async function total(page: Page): Promise<number> {
	const heading = page.getByRole('status').getByRole('heading', { level: 2 });
	await expect(heading).toHaveText(/^[\d,.]+ rows?$/);
	return digits(await heading.innerText());
}

/** The records table (its caption names the rows shown). */
const recordsTable = (page: Page) => page.getByRole('table', { name: /: rows \d/ });

test.describe('records pages', () => {
	test('paging and filters live in the URL and survive a reload', async ({ page }, testInfo) => {
		const start = `/records/sharing?asOf=${asOf}&ms=NL&decision=withheld`;
		const response = await page.goto(start);
		expect(response?.status()).toBe(200);
		await expect(page.getByRole('heading', { level: 1, name: 'Sharing decisions' })).toBeVisible();
		const all = await total(page);
		expect(all, 'NL has withheld rows in the samples').toBeGreaterThan(50);
		await expect(recordsTable(page).locator('tbody tr')).toHaveCount(50);

		// The filters in effect are listed, each with a link that removes it.
		const active = page.getByRole('region', { name: 'Active filters' });
		await expect(active).toContainText('Member state: NL');
		await expect(active).toContainText('Decision: Withheld');
		// The form shows them too.
		await expect(page.getByLabel('As of', { exact: true })).toHaveValue(asOf);
		await expect(page.getByLabel('Member state', { exact: true })).toHaveValue('NL');
		await expect(page.getByLabel('Decision', { exact: true })).toHaveValue('withheld');

		// Each row names its batch (a link), file and row.
		const firstRow = recordsTable(page).locator('tbody tr').first();
		await expect(firstRow.getByRole('link', { name: /^Batch \d+$/ })).toHaveAttribute(
			'href',
			/\/imports\/\d+$/
		);
		await expect(firstRow).toContainText(/row \d+/);

		// Page 2, then reload: same page, same rows, same filters.
		await page
			.getByRole('navigation', { name: /Pages of Sharing decisions/ })
			.getByRole('link', { name: 'Next →' })
			.click();
		await expect(page).toHaveURL(/[?&]page=2(&|$)/);
		await expect(page).toHaveURL(/ms=NL/);
		const firstOfPage2 = await recordsTable(page).locator('tbody tr').first().innerText();
		await expect(recordsTable(page)).toHaveAccessibleName(/rows 51–100 of/);
		await page.reload();
		await expect(page).toHaveURL(/[?&]page=2(&|$)/);
		expect(await recordsTable(page).locator('tbody tr').first().innerText()).toBe(firstOfPage2);
		expect(await total(page)).toBe(all);
		await expect(page.getByLabel('Member state', { exact: true })).toHaveValue('NL');

		// Narrow with the form: back to page 1, the new filter in the URL, kept on reload.
		await page.getByLabel('Channel', { exact: true }).selectOption('SIS');
		await page.getByRole('button', { name: 'Apply filters' }).click();
		await expect(page).toHaveURL(/channel=SIS/);
		await expect(page).not.toHaveURL(/page=2/);
		const narrowed = await total(page);
		expect(narrowed).toBeLessThan(all);
		await page.reload();
		await expect(page.getByLabel('Channel', { exact: true })).toHaveValue('SIS');
		expect(await total(page)).toBe(narrowed);

		// Remove one filter with its link.
		await active.getByRole('link', { name: 'Remove filter Channel: SIS' }).click();
		await expect(page).not.toHaveURL(/channel=/);
		expect(await total(page)).toBe(all);

		await expectAccessible(page);
		await screenshotsAtBothWidths(page, testInfo, 'records-sharing');
	});

	test('the drill-down URLs of the dashboard work for all three record sets', async ({ page }) => {
		for (const [url, heading] of [
			[
				`/records/actions?asOf=${asOf}&programme=EU-ROADMAP-2016&category=overdue&ms=NL`,
				'Action status records'
			],
			[
				`/records/actions?asOf=${asOf}&programme=EU-ROADMAP-2016&actor=NL&category=implemented&chapter=Chapter%202%3A%20Strengthening%20the%20SIS`,
				'Action status records'
			],
			[
				`/records/sharing?asOf=${asOf}&from=2024-01-01&to=2024-12-31&ms=DE&decision=withheld&unjustified=1&month=2024-03-01`,
				'Sharing decisions'
			],
			[`/records/sharing?asOf=${asOf}&ground=%28none%29&decision=withheld`, 'Sharing decisions'],
			[
				`/records/retention?asOf=${asOf}&ms=NL&register=CTER&legalBasis=WPG-9&flag=past_retention`,
				'Retention records'
			],
			[`/records/retention?asOf=${asOf}&authority=BKA&flag=overdue_review`, 'Retention records']
		]) {
			const response = await page.goto(url);
			expect(response?.status(), url).toBe(200);
			await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
			const n = await total(page);
			if (n > 0) await expect(recordsTable(page).locator('tbody tr')).toHaveCount(Math.min(n, 50));
			else await expect(page.getByRole('heading', { name: 'No rows' })).toBeVisible();
		}
		// ms=NL stands for the actor when no actor is given.
		await page.goto(`/records/actions?asOf=${asOf}&programme=AIAJ&ms=NL`);
		await expect(page.getByLabel('Actor', { exact: true })).toHaveValue('NL');
		expect(await total(page)).toBe(38);
	});

	test('bad parameters give a 400 that names the accepted values', async ({ page }) => {
		for (const [url, message] of [
			[`/records/actions?asOf=${asOf}&category=bogus`, /implemented, in_progress, not_started/],
			[`/records/retention?asOf=${asOf}&flag=nope`, /overdue_review, past_retention/],
			[`/records/sharing?asOf=${asOf}&decision=maybe`, /shared, withheld, pending/],
			[`/records/sharing?asOf=${asOf}&ground=whim`, /ongoing_investigation/],
			[`/records/sharing?asOf=${asOf}&month=2024-13-01`, /month/],
			[`/records/sharing?asOf=2025-02-30`, /asOf/],
			[`/records/sharing?asOf=${asOf}&page=0`, /page/],
			[`/records/sharing.csv?asOf=${asOf}&unjustified=maybe`, /unjustified/]
		] as const) {
			const response = await page.request.get(url, { headers: { accept: 'text/html' } });
			expect(response.status(), url).toBe(400);
			expect(await response.text(), url).toMatch(message);
		}
		const past = await page.goto(`/records/sharing?asOf=${asOf}&ms=NL&page=99999`);
		expect(past?.status()).toBe(404);
	});

	test('the CSV download holds exactly the filtered rows', async ({ page }) => {
		await page.goto(`/records/sharing?asOf=${asOf}&ms=NL&decision=withheld&channel=SIS`);
		const n = await total(page);
		expect(n).toBeGreaterThan(0);
		const downloadPromise = page.waitForEvent('download');
		await page.getByRole('link', { name: /^Download CSV/ }).click();
		const download = await downloadPromise;
		expect(download.suggestedFilename()).toBe(
			`cosi-sharing_asOf-${asOf}_ms-NL_channel-SIS_decision-withheld.csv`
		);
		const bytes = readFileSync(await download.path());
		expect([...bytes.subarray(0, 3)], 'UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf]);
		const records = parseCsv(bytes.toString('utf8').slice(1));
		expect(records[0].slice(0, 3)).toEqual(['event_id', 'occurred_on', 'member_state']);
		expect(records.length).toBe(n + 1);
		const decision = records[0].indexOf('decision');
		const ms = records[0].indexOf('member_state');
		for (const r of records.slice(1)) {
			expect(r[decision]).toBe('withheld');
			expect(r[ms]).toBe('NL');
		}

		// More than one chunk of 10,000, and texts with line breaks, quotes and commas.
		for (const [pageUrl, csvUrl] of [
			[`/records/sharing?asOf=${asOf}`, `/records/sharing.csv?asOf=${asOf}`],
			[
				`/records/actions?asOf=${asOf}&programme=EU-ROADMAP-2016`,
				`/records/actions.csv?asOf=${asOf}&programme=EU-ROADMAP-2016`
			],
			[
				`/records/retention?asOf=${asOf}&flag=overdue_review`,
				`/records/retention.csv?asOf=${asOf}&flag=overdue_review`
			]
		]) {
			await page.goto(pageUrl);
			const expected = await total(page);
			const response = await page.request.get(csvUrl);
			expect(response.status()).toBe(200);
			expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
			expect(response.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
			const rows = parseCsv((await response.text()).replace(/^\uFEFF/, ''));
			expect(rows.length, csvUrl).toBe(expected + 1);
			expect(new Set(rows.map((r) => r.length)).size, `${csvUrl}: equal field counts`).toBe(1);
		}
	});

	test('an empty result explains itself', async ({ page }) => {
		await page.goto(`/records/retention?asOf=2000-01-01`);
		expect(await total(page)).toBe(0);
		await expect(page.getByRole('heading', { name: 'No rows' })).toBeVisible();
		await expect(page.getByRole('link', { name: /^Download CSV/ })).toHaveCount(0);
	});

	test('the records pages are in Dutch for a Dutch reader', async ({ page }) => {
		await page.goto(`/records/sharing?asOf=${asOf}&ms=NL`);
		await page.getByRole('link', { name: 'Nederlands' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Besluiten over delen' })
		).toBeVisible();
		await expect(page.getByRole('status').getByRole('heading')).toHaveText(/^[\d.]+ rijen$/);
		await expect(page.getByRole('link', { name: /^CSV downloaden/ })).toBeVisible();
		// Dates in the interface's language: dd-mm-jjjj in Dutch.
		await expect(page.getByLabel('Peildatum', { exact: true })).toHaveValue(
			asOf.split('-').reverse().join('-')
		);
		await page.getByRole('link', { name: 'English' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Sharing decisions' })).toBeVisible();
	});
});

test.describe('programmes and actions', () => {
	test('a programme before its first reporting round is not judged', async ({ page }) => {
		// AIAJ's first round is 30 June 2016 in the samples.
		await page.goto('/programmes/AIAJ?asOf=2010-01-01');
		await expect(
			page.getByText('This programme had no reporting round on or before')
		).toBeVisible();
		await page.goto('/programmes/AIAJ?asOf=2016-06-30');
		await expect(page.getByText('This programme had no reporting round')).toHaveCount(0);
	});

	test('the catalogue lists programmes and every figure leads to its pairs', async ({
		page
	}, testInfo) => {
		await page.goto(`/programmes?asOf=${asOf}`);
		await expect(page.getByRole('heading', { level: 1, name: 'Programmes' })).toBeVisible();
		const table = page.getByRole('table', { name: /programmes/i });
		const row = table.getByRole('row').filter({ hasText: 'EU-ROADMAP-2016' });
		await expect(row).toHaveCount(1);
		const overdue = row.getByRole('cell').last().getByRole('link');
		const figure = digits(await overdue.innerText());
		await overdue.click();
		await expect(page).toHaveURL(/\/records\/actions\?.*category=overdue/);
		expect(await total(page)).toBe(figure);

		await page.goto(`/programmes?asOf=${asOf}`);
		await expectAccessible(page);
		await screenshotsAtBothWidths(page, testInfo, 'programmes');
	});

	test('a programme page shows chapters and actions with linked figures', async ({
		page
	}, testInfo) => {
		const response = await page.goto(`/programmes/EU-ROADMAP-2016?asOf=${asOf}`);
		expect(response?.status()).toBe(200);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Programme EU-ROADMAP-2016' })
		).toBeVisible();
		const chapters = page.getByRole('table', { name: /by chapter/ });
		await expect(chapters.locator('tbody tr')).toHaveCount(4);
		// A chapter's "Pairs" figure leads to exactly that many pairs.
		const first = chapters.locator('tbody tr').first();
		const pairs = first.getByRole('cell').nth(1).getByRole('link');
		const n = digits(await pairs.innerText());
		await pairs.click();
		await expect(page).toHaveURL(/chapter=Chapter/);
		expect(await total(page)).toBe(n);

		await page.goBack();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Programme EU-ROADMAP-2016' })
		).toBeVisible();
		await page.getByRole('link', { name: 'Action 1', exact: true }).click();
		await expect(page).toHaveURL(/\/programmes\/EU-ROADMAP-2016\/1\?asOf=2025-06-30/);

		await page.goto(`/programmes/EU-ROADMAP-2016?asOf=${asOf}`);
		await expectAccessible(page);
		await screenshotsAtBothWidths(page, testInfo, 'programme');
	});

	test('the counts of actors and rounds lead to one table row each', async ({ page }) => {
		await page.goto(`/programmes?asOf=${asOf}`);
		const row = page
			.getByRole('table', { name: /programmes/i })
			.getByRole('row')
			.filter({ hasText: 'EU-ROADMAP-2016' });
		for (const [column, table] of [
			[1, /by actor/],
			[2, /in each reporting round/]
		] as const) {
			const link = row.getByRole('cell').nth(column).getByRole('link');
			const n = digits(await link.innerText());
			expect(n).toBeGreaterThan(1);
			await link.click();
			await expect(page).toHaveURL(/\/programmes\/EU-ROADMAP-2016\?asOf=2025-06-30#/);
			await expect(page.getByRole('table', { name: table }).locator('tbody tr')).toHaveCount(n);
			// The actor's own figures lead to its pairs.
			if (column === 1) {
				const at = page.getByRole('table', { name: /by actor/ }).getByRole('row', { name: /^NL / });
				const pairs = at.getByRole('cell').first().getByRole('link');
				const count = digits(await pairs.innerText());
				await pairs.click();
				await expect(page).toHaveURL(/actor=NL/);
				expect(await total(page)).toBe(count);
			}
			await page.goto(`/programmes?asOf=${asOf}`);
		}
	});

	test('an action page shows the state of play as submitted, markup escaped', async ({
		page
	}, testInfo) => {
		await page.goto(`/programmes/EU-ROADMAP-2016/1?asOf=${asOf}`);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Action 1');
		// The sample texts hold "<quarterly>" and "&": shown literally, never as markup.
		await expect(
			page
				.getByText('Standing practice; monitored <quarterly> by the national coordinator.')
				.first()
		).toBeVisible();
		expect(await page.locator('quarterly').count()).toBe(0);
		const multiLine = page.getByText(/^Technical changes & staff training in progress\./).first();
		await expect(multiLine).toBeVisible();
		// Line breaks as submitted are kept.
		expect(await multiLine.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-line');
		expect(await multiLine.innerText()).toContain('\n');

		// Status of every actor, and the history across rounds.
		const grid = page.getByRole('list', { name: 'Status per actor' });
		await expect(grid.getByRole('listitem')).toHaveCount(
			await page
				.getByRole('table', { name: /each actor in each round/ })
				.locator('tbody tr')
				.count()
		);
		const history = page.getByRole('table', { name: /each actor in each round/ });
		await expect(history.locator('thead th')).toHaveCount(1 + 5);

		// The count of reports leads to the reports as submitted: one table row each.
		const reports = page.getByRole('link', { name: /^[\d,]+ status rows, / });
		const n = digits((await reports.innerText()).split(' ')[0]);
		expect(n).toBeGreaterThan(27);
		await reports.click();
		await expect(page).toHaveURL(/#reports-title$/);
		await expect(page.locator('.table-wrap.reports tbody tr')).toHaveCount(n);

		await expectAccessible(page);
		await screenshotsAtBothWidths(page, testInfo, 'action');

		expect((await page.goto(`/programmes/EU-ROADMAP-2016/999?asOf=${asOf}`))?.status()).toBe(404);
		await expect(page.getByText('Programme EU-ROADMAP-2016 has no action 999.')).toBeVisible();
		expect((await page.goto(`/programmes/NO-SUCH?asOf=${asOf}`))?.status()).toBe(404);
		await expect(page.getByText('There is no programme NO-SUCH.')).toBeVisible();
	});
});

test.describe('uploads', () => {
	// One after another: the batch list must not change under the rejected-file test.
	test.describe.configure({ mode: 'serial' });

	let dir: string;
	test.beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'cosi-e2e-upload-'));
	});
	test.afterAll(() => {
		rmSync(dir, { recursive: true, force: true });
	});

	const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
	const header = 'event_id,occurred_on,member_state,channel,relevant,decision';

	function csvFile(name: string, lines: string[]): string {
		const path = join(dir, name);
		writeFileSync(path, lines.join('\n') + '\n');
		return path;
	}

	async function batchIds(page: Page): Promise<number[]> {
		const table = page.getByRole('table', { name: /import batches/i });
		const ids = await table.locator('tbody tr td:first-child').allInnerTexts();
		return ids.map(digits);
	}

	async function submit(page: Page, file: string): Promise<void> {
		await page.getByLabel('File', { exact: true }).setInputFiles(file);
		await page.getByLabel('Contents', { exact: true }).selectOption('sharing');
		await page.getByRole('button', { name: 'Upload and import' }).click();
	}

	test('a good file is accepted with its counts', async ({ page }, testInfo) => {
		const file = csvFile(`good-${stamp}.csv`, [
			header,
			`UP-${stamp}-1,2099-01-05,NL,SIS,true,shared`,
			`UP-${stamp}-2,2099-01-06,BE,EIS,true,withheld`,
			`UP-${stamp}-3,2099-01-07,DE,SIENA,false,pending`
		]);
		await page.goto('/imports');
		const before = await batchIds(page);
		await submit(page, file);
		const outcome = page.getByRole('heading', { level: 3, name: /Accepted/ });
		await expect(outcome).toBeVisible();
		await expect(outcome).toContainText(`good-${stamp}.csv`);
		await expect(outcome).toBeFocused();
		await expect(page.locator('[data-count="read"]')).toHaveText('3');
		await expect(page.locator('[data-count="accepted"]')).toHaveText('3');
		await expect(page.locator('[data-count="rejected"]')).toHaveText('0');
		// The list now starts with the new batch, imported by the signed-in user.
		const after = await batchIds(page);
		expect(after[0]).toBeGreaterThan(before[0] ?? 0);
		const newRow = page
			.getByRole('table', { name: /import batches/i })
			.locator('tbody tr')
			.first();
		await expect(newRow).toContainText(`good-${stamp}.csv`);
		await expect(newRow).toContainText(credentials().admin.username);
		// Exactly: the counts are links too, named "3, rows read, batch N (file)".
		const batchLink = page.getByRole('link', { name: `Batch ${after[0]}`, exact: true });
		await expect(batchLink).toHaveAttribute('href', new RegExp(`/imports/${after[0]}$`));

		await expectAccessible(page);
		await screenshotsAtBothWidths(page, testInfo, 'imports-upload');
	});

	test('a file without a required column is rejected whole, naming the column', async ({
		page
	}) => {
		const file = csvFile(`bad-${stamp}.csv`, [
			'event_id,occurred_on,member_state,channel,relevant',
			`BAD-${stamp}-1,2099-01-05,NL,SIS,true`
		]);
		await page.goto('/imports');
		const before = await batchIds(page);
		await submit(page, file);
		await expect(page.getByRole('heading', { level: 3, name: /Rejected/ })).toBeVisible();
		await expect(page.getByText(/missing required column decision/)).toBeVisible();
		await expect(page.getByText(/Nothing was written/)).toBeVisible();
		expect(await batchIds(page)).toEqual(before);
		await page.reload();
		expect(await batchIds(page)).toEqual(before);
	});

	test('a file with some bad rows is partly accepted, with the first errors', async ({ page }) => {
		const file = csvFile(`partial-${stamp}.csv`, [
			header,
			`PART-${stamp}-1,2099-01-05,NL,SIS,true,shared`,
			`PART-${stamp}-2,2099-02-30,NL,SIS,true,shared`,
			`PART-${stamp}-3,2099-01-07,NL,SIS,true,shared`
		]);
		await page.goto('/imports');
		await submit(page, file);
		await expect(page.getByRole('heading', { level: 3, name: /Partly accepted/ })).toBeVisible();
		await expect(page.locator('[data-count="accepted"]')).toHaveText('2');
		await expect(page.locator('[data-count="rejected"]')).toHaveText('1');
		const errors = page.getByRole('table', { name: /row problems/ });
		const first = errors.locator('tbody tr').first();
		await expect(first.getByRole('cell').nth(0)).toHaveText('3');
		await expect(first.getByRole('cell').nth(1)).toHaveText('occurred_on');
		await expect(first.getByRole('cell').nth(2)).toHaveText('2099-02-30');
		await expect(first.getByRole('cell').nth(3)).toContainText('invalid date');
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('the form still uploads with a plain POST', async ({ page }) => {
			const file = csvFile(`nojs-${stamp}.csv`, [
				header,
				`NOJS-${stamp}-1,2099-03-05,NL,SIS,true,shared`
			]);
			await page.goto('/imports');
			await submit(page, file);
			await expect(page.getByRole('heading', { level: 3, name: /Accepted/ })).toBeVisible();
			await expect(page.locator('[data-count="accepted"]')).toHaveText('1');

			// A missing kind is refused with a message (the browser's own check aside).
			const refused = await page.request.post('/imports?/upload', {
				headers: { accept: 'text/html', origin: new URL(page.url()).origin },
				multipart: {
					file: { name: 'x.csv', mimeType: 'text/csv', buffer: readFileSync(file) },
					kind: ''
				}
			});
			expect(refused.status()).toBe(400);
			expect(await refused.text()).toContain('Choose what the file holds');
		});
	});
});
