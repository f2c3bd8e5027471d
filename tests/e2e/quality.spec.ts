// Data quality: every figure of a member state's quality table leads to exactly the rows it was
// computed from (/quality/[kind]/[sender]). On the bundled samples plus two LU sharing files that
// serve.js imports for these tests (tests/e2e/fixtures/quality-lu-*.csv): the second supersedes
// two rows of the first and has three rejected rows, one of them with two problems.
//
// The member-state page without ?asOf= gives the quality figures as of today (its default date),
// after the files were imported; it passes that date in every link, so the tests read it from
// there instead of assuming it.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, screenshotsAtBothWidths } from './helpers.ts';

const sender = 'LU';
const name = 'Luxembourg';

/** The first number in a text ("1,234 rows stored", "45 of 695 ..."). */
function firstNumber(text: string): number {
	const match = /\d[\d,]*/.exec(text);
	expect(match, `a number in "${text}"`).not.toBeNull();
	return Number(match![0].replace(/,/g, ''));
}

const percent = (share: number) =>
	new Intl.NumberFormat('en-GB', {
		style: 'percent',
		minimumFractionDigits: 1,
		maximumFractionDigits: 1
	}).format(share);

interface FigureLink {
	view: string;
	text: string;
	href: string;
}

/** The figure links of one row of a quality table: the view each leads to, its text and href. */
function figureLinks(row: Locator): Promise<FigureLink[]> {
	return row.locator('a[data-view]').evaluateAll((links) =>
		links.map((a) => ({
			view: (a as HTMLElement).dataset.view ?? '',
			text: a.querySelector('.value')?.textContent ?? '',
			href: a.getAttribute('href') ?? ''
		}))
	);
}

/** The quality table of the member-state page. */
const qualityTable = (page: Page) =>
	page.getByRole('table', { name: `Quality of the files ${name} sent, per kind` });

/** The table of rows of a view (its caption names the rows shown). */
const rowsTable = (page: Page) => page.getByRole('table', { name: /: rows \d/ });

/** The total a view announces ("3 rows rejected"), the figure it explains. */
async function announcedTotal(page: Page): Promise<string> {
	const status = page.getByRole('status');
	await expect(status).toHaveText(/^\d/);
	return (await status.innerText()).trim();
}

/**
 * The view lists exactly `total` rows: page by page, 50 to a page, each with its batch (a link to
 * the import), file and row. Leaves the browser on the last page.
 */
async function expectRowsOnPages(page: Page, total: number, what: string): Promise<void> {
	const rows = rowsTable(page).locator('tbody tr');
	if (total === 0) {
		await expect(page.getByText(/^None: nothing of this kind/), what).toBeVisible();
		await expect(rowsTable(page)).toHaveCount(0);
		return;
	}
	let seen = 0;
	for (let n = 1; ; n++) {
		const onPage = await rows.count();
		expect(onPage, `${what}, page ${n}`).toBe(Math.min(50, total - seen));
		seen += onPage;
		await expect(
			rows
				.first()
				.getByRole('link', { name: /^Batch \d+$/ })
				.first()
		).toHaveAttribute('href', /\/imports\/\d+$/);
		const next = page
			.getByRole('navigation', { name: /^Pages of / })
			.getByRole('link', { name: 'Next →' });
		if ((await next.count()) === 0) break;
		await next.click();
		await expect(page).toHaveURL(new RegExp(`[?&]page=${n + 1}(&|$)`));
	}
	expect(seen, what).toBe(total);
}

for (const kind of ['Sharing log', 'Action status', 'Retention register']) {
	test(`each quality figure of ${name}, ${kind}, leads to exactly its rows`, async ({ page }) => {
		await page.goto(`/member-states/${sender}`);
		const row = qualityTable(page).getByRole('row', { name: new RegExp(`^${kind}`) });
		const links = await figureLinks(row);
		const views = links.map((l) => l.view);
		expect(views).toEqual(
			kind === 'Action status'
				? ['batches', 'shared', 'stored', 'rejected', 'superseded', 'empty', 'late']
				: ['batches', 'shared', 'stored', 'rejected', 'superseded', 'empty']
		);
		// The accessible name starts with the visible figure and says what it counts.
		await expect(row.locator('a[data-view="rejected"]')).toHaveAccessibleName(
			new RegExp(`^\\d[\\d,]* \\([\\d.]+%\\) ?, rows rejected, ${name}, ${kind}$`)
		);

		for (const link of links) {
			const what = `${kind} ${link.view} (${link.text})`;
			// The date the figure was computed for is in the address, so a bookmark opens identically.
			expect(link.href, what).toMatch(/[?&]asOf=\d{4}-\d{2}-\d{2}(&|$)/);
			expect((await page.goto(link.href))?.status(), what).toBe(200);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				`Data quality: ${name} (${sender}), ${kind}`
			);
			// The figure whose rows are shown is marked in the figures of the page.
			await expect(page.locator(`a[data-view="${link.view}"][aria-current="page"]`)).toHaveCount(1);
			const announced = await announcedTotal(page);
			const total = firstNumber(announced);
			if (link.view === 'empty') {
				// "X of Y optional cells empty": the percentage is X / Y, and the fields add up to X.
				const [, x, y] = /^([\d,]+) of ([\d,]+) optional cells? empty$/.exec(announced) ?? [];
				expect(x, `${what}: ${announced}`).toBeDefined();
				const [empty, cells] = [firstNumber(x), firstNumber(y)];
				expect(percent(empty / cells), what).toBe(link.text);
				const breakdown = page.getByRole('table', { name: /per field$/ });
				const fieldCounts = await breakdown
					.locator('tbody tr td:nth-of-type(2) .value')
					.allInnerTexts();
				expect(
					fieldCounts.reduce((n, t) => n + firstNumber(t), 0),
					what
				).toBe(empty);
			} else {
				expect(total, `${what}: ${announced}`).toBe(firstNumber(link.text));
			}
			await expectRowsOnPages(page, total, what);
		}
	});
}

test('the rejected, superseded and empty rows of LU sharing, and the batch view', async ({
	page
}, testInfo) => {
	await page.goto(`/member-states/${sender}`);
	const row = qualityTable(page).getByRole('row', { name: /^Sharing log/ });
	const links = Object.fromEntries((await figureLinks(row)).map((l) => [l.view, l]));
	// The fixtures: two rows superseded, three rows rejected (four problems).
	expect(firstNumber(links.superseded.text)).toBe(2);
	expect(firstNumber(links.rejected.text)).toBe(3);

	await page.goto(links.rejected.href);
	await expect(page.getByRole('status')).toHaveText('3 rows rejected');
	const rejected = rowsTable(page).locator('tbody tr');
	await expect(rejected).toHaveCount(3);
	await expect(rejected.nth(0)).toContainText('quality-lu-second.csv');
	await expect(rejected.nth(0)).toContainText('row 4');
	await expect(rejected.nth(0)).toContainText('occurred_on: 2099-02-30 — invalid date');
	// One line per row, with all its problems.
	await expect(rejected.nth(2).getByRole('listitem')).toHaveCount(2);
	// Imported text is shown as text, never as markup.
	await expect(rejected.nth(1)).toContainText('decision: <img src=x onerror=alert(1)>');
	await expect(rowsTable(page).locator('img')).toHaveCount(0);
	await expectAccessible(page);
	await screenshotsAtBothWidths(page, testInfo, 'quality-rejected');

	await page.goto(links.superseded.href);
	await expect(page.getByRole('status')).toHaveText('2 rows superseded');
	const superseded = rowsTable(page).locator('tbody tr');
	await expect(superseded).toHaveCount(2);
	for (const [i, event] of ['QF-1', 'QF-2'].entries()) {
		await expect(superseded.nth(i).getByRole('rowheader')).toHaveText(event);
		await expect(superseded.nth(i)).toContainText('quality-lu-first.csv');
		// The batch that replaced it: the second file.
		await expect(superseded.nth(i)).toContainText(/Yes, by Batch \d+ quality-lu-second\.csv/);
	}
	await expectAccessible(page);

	// The breakdown: a field's empty count leads to the rows where it is empty, and the rows it
	// applies to lead to those rows.
	await page.goto(links.empty.href);
	const breakdown = page.getByRole('table', { name: /per field$/ });
	const recipient = breakdown.getByRole('row', { name: /^recipient/ });
	const applies = recipient.getByRole('link', { name: /, rows where recipient applies/ });
	const empties = recipient.getByRole('link', { name: /, rows with recipient empty/ });
	const appliesCount = firstNumber(await applies.innerText());
	const emptyCount = firstNumber(await empties.innerText());
	expect(emptyCount, 'QF-2 of the first file has no recipient').toBeGreaterThan(0);
	await expectAccessible(page);
	await screenshotsAtBothWidths(page, testInfo, 'quality-empty');
	await empties.click();
	await expect(page).toHaveURL(/[?&]show=empty&field=recipient(&|$)/);
	expect(firstNumber(await announcedTotal(page))).toBe(emptyCount);
	await expect(page.getByRole('status')).toContainText('with recipient empty');
	await expectRowsOnPages(page, emptyCount, 'recipient empty');
	await page.goto(links.empty.href);
	await breakdown
		.getByRole('row', { name: /^recipient/ })
		.getByRole('link', { name: /, rows where recipient applies/ })
		.click();
	await expect(page).toHaveURL(/[?&]show=stored&field=recipient(&|$)/);
	expect(firstNumber(await announcedTotal(page))).toBe(appliesCount);
	await expectRowsOnPages(page, appliesCount, 'recipient applies');

	// The files, each with the figures of LU's rows in it, each a link to those rows.
	await page.goto(links.batches.href);
	await expect(page.getByRole('status')).toHaveText(`${links.batches.text} files`);
	const second = rowsTable(page).locator('tbody tr').filter({ hasText: 'quality-lu-second.csv' });
	await expect(second.getByRole('link', { name: /^Batch \d+$/ })).toHaveAttribute(
		'href',
		/\/imports\/\d+$/
	);
	const batchRejected = second.getByRole('link', { name: /rows rejected/ });
	await expect(batchRejected).toHaveAccessibleName(/^3 \(60\.0%\) ?, rows rejected/);
	await batchRejected.click();
	await expect(page).toHaveURL(/[?&]show=rejected&batch=\d+(&|$)/);
	await expect(page.getByRole('status')).toHaveText('3 rows rejected');
	await expect(page.getByText(/^Only batch \d+ \(quality-lu-second\.csv\)\./)).toBeVisible();
	await expectAccessible(page);
	await screenshotsAtBothWidths(page, testInfo, 'quality-batches');

	// Breadcrumbs lead back to the member state's data quality.
	await page
		.getByRole('navigation', { name: 'Breadcrumbs' })
		.getByRole('link', { name: 'Data quality' })
		.click();
	await expect(page).toHaveURL(new RegExp(`/member-states/${sender}#quality$`));
});

test('the quality page refuses bad addresses with a helpful message', async ({ page }) => {
	for (const [url, status, message] of [
		[`/quality/events/${sender}`, 404, 'There is no data-quality view for "events"'],
		['/quality/sharing/XX', 404, 'There is no member state or actor "XX"'],
		[`/quality/sharing/${sender}?show=late`, 400, 'Late reports exist only for action status'],
		[`/quality/sharing/${sender}?show=kept`, 400, 'Invalid show: "kept" (expected batches'],
		[`/quality/sharing/${sender}?asOf=2025-02-30`, 400, 'Invalid asOf: "2025-02-30"'],
		[`/quality/sharing/${sender}?show=empty&field=title`, 400, 'Invalid field: "title"'],
		[`/quality/sharing/${sender}?batch=x`, 400, 'Invalid batch: "x"'],
		[`/quality/sharing/${sender}?page=999`, 404, 'There is no page 999']
	] as const) {
		expect((await page.goto(url))?.status(), url).toBe(status);
		await expect(page.getByText(message)).toBeVisible();
	}
	// A lower-case code leads to the canonical address.
	await page.goto(`/quality/sharing/lu?asOf=2025-06-30&show=stored`);
	await expect(page).toHaveURL(/\/quality\/sharing\/LU\?asOf=2025-06-30&show=stored$/);
});
