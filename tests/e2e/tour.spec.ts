// The README's tour (issue 12, "The first hour"): the first page of each of the three users,
// signed in with their own role, on the sample data at an explicit date. Each test checks what
// the tour says the user sees there; with UPDATE_SCREENSHOTS=1 (npm run docs:screenshots) it
// also writes the picture the README shows, at 1280 × 800.
import { expect, test, type Page } from '@playwright/test';
import { statePath } from './users.ts';

const update = process.env.UPDATE_SCREENSHOTS === '1';

async function picture(page: Page, name: string): Promise<void> {
	if (update) await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: false });
}

test.use({ viewport: { width: 1280, height: 800 } });

test.describe('a COSI reviewer', () => {
	test.use({ storageState: statePath('reviewer') });
	test('opens the overview of the EU roadmap as of a round', async ({ page }) => {
		await page.goto('/?asOf=2019-12-31&programme=EU-ROADMAP-2016');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Overview');
		await expect(page.locator('#ms-table tbody tr').first()).toBeVisible();
		// The changes since the previous round are under each figure, with the comparison stated.
		await expect(page.locator('#ms-table')).toContainText('EU-wide');
		await picture(page, 'reviewer-overview');
	});
});

test.describe('a supervisor of NL', () => {
	test.use({ storageState: statePath('supervisor') });
	test("opens NL's withholdings without a documented weighing, with their source", async ({
		page
	}) => {
		await page.goto('/records/sharing?asOf=2025-06-30&ms=NL&decision=withheld&unjustified=1');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Sharing decisions');
		await expect(page.locator('main table tbody tr').first()).toBeVisible();
		// The rows, with their source, rather than the filter form above them.
		await page.getByRole('status').scrollIntoViewIfNeeded();
		await page.evaluate(() => window.scrollBy(0, 200));
		await picture(page, 'supervisor-records');
	});
});

test.describe('ministry staff', () => {
	test.use({ storageState: statePath('ministry') });
	test('preview the Kamerbrief annex at peildatum 30 June 2016', async ({ page }) => {
		await page.goto('/reports/kamerbrief-bijlage?asOf=2016-06-30&programme=AIAJ');
		await expect(
			page.getByRole('heading', {
				level: 1,
				name: 'Voortgangsrapportage AIAJ, peildatum 30 juni 2016'
			})
		).toBeVisible();
		await picture(page, 'ministry-kamerbrief');
	});
});
