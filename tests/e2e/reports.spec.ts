// The report pages on the bundled sample data: the list with its forms, the HTML preview of the
// Kamerbrief annex, downloads (a PDF through the page, the others by address), and parameter
// errors. Every address passes an explicit as-of date.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectAccessible } from './helpers.ts';
import { credentials, statePath } from './users.ts';

test.describe('reports', () => {
	test('the list offers each report with its parameter form', async ({ page }) => {
		const response = await page.goto('/reports');
		expect(response?.status()).toBe(200);
		await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
		for (const id of ['cosi-progress', 'kamerbrief-bijlage', 'supervisor-audit'])
			await expect(page.getByRole('heading', { level: 2, name: id })).toBeVisible();
		await expect(
			page.getByRole('navigation', { name: /main/i }).getByRole('link', { name: 'Reports' })
		).toHaveAttribute('aria-current', 'page');
		await expectAccessible(page);
	});

	test('preview of the Kamerbrief annex, then a PDF download', async ({ page }) => {
		await page.goto('/reports');
		const form = page.getByRole('group', { name: 'Parameters of kamerbrief-bijlage' });
		await form.getByLabel('As of').fill('2016-06-30');
		await form.getByLabel('Classification line').fill('LIMITE');
		await form.getByRole('button', { name: 'Preview' }).click();
		await expect(page).toHaveURL(/\/reports\/kamerbrief-bijlage\?asOf=2016-06-30/);
		await expect(
			page.getByRole('heading', {
				level: 1,
				name: 'Voortgangsrapportage AIAJ, peildatum 30 juni 2016'
			})
		).toBeVisible();
		const report = page.locator('article.cosi-report');
		await expect(report.locator('table[data-table="voortgang"] tbody tr')).toHaveCount(38);
		await expect(report.getByRole('heading', { name: '6. Informatie-uitwisseling' })).toBeVisible();
		await expect(report.locator('.classification')).toHaveText('LIMITE');
		const fingerprint = /[0-9a-f]{64}/.exec(
			(await page.getByText(/^Data fingerprint: /).innerText()) ?? ''
		)![0];

		const downloading = page.waitForEvent('download');
		await page.getByRole('link', { name: 'PDF (pdf)' }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toBe('kamerbrief-bijlage_2016-06-30_AIAJ.pdf');
		const bytes = readFileSync(await download.path());
		expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(bytes.toString('latin1')).toContain('FEFF0063006F00730069002D00660069006E0067');
		await expectAccessible(page);

		// The other formats by address, with the same fingerprint.
		const docx = await page.request.get(
			`/reports/kamerbrief-bijlage/download?format=docx&asOf=2016-06-30&classification=LIMITE`
		);
		expect(docx.status()).toBe(200);
		expect(docx.headers()['content-type']).toContain('wordprocessingml');
		expect(docx.headers()['content-disposition']).toBe(
			'attachment; filename="kamerbrief-bijlage_2016-06-30_AIAJ.docx"'
		);
		expect(docx.headers()['x-cosi-fingerprint']).toBe(fingerprint);
	});

	test('a bad parameter is a 400 naming it and the accepted values; an unknown report a 404', async ({
		page,
		request
	}) => {
		let r = await page.goto('/reports/kamerbrief-bijlage?asOf=2016-02-30');
		expect(r?.status()).toBe(400);
		await expect(page.getByText('invalid asOf: "2016-02-30"')).toBeVisible();
		r = await page.goto('/reports/supervisor-audit?asOf=2025-06-30&ms=XX');
		expect(r?.status()).toBe(400);
		await expect(page.getByText('invalid member state: "XX" (accepted: AT, BE')).toBeVisible();
		const d = await request.get('/reports/cosi-progress/download?format=odt&asOf=2025-06-30');
		expect(d.status()).toBe(400);
		expect(await d.text()).toContain('accepted: pdf, docx, xlsx, csv, html');
		r = await page.goto('/reports/nope?asOf=2025-06-30');
		expect(r?.status()).toBe(404);
	});

	test('a download is in the audit trail with the report and its parameters', async ({ page }) => {
		const r = await page.request.get(
			'/reports/supervisor-audit/download?format=xlsx&asOf=2025-06-30&ms=NL&lang=nl'
		);
		expect(r.status()).toBe(200);
		await page.goto('/audit?action=report_download');
		const row = page
			.getByRole('table', { name: /Audit entries/ })
			.locator('tbody tr')
			.filter({ hasText: 'supervisor-audit' })
			.first();
		await expect(row).toContainText(credentials().admin.username);
		await expect(row).toContainText('xlsx');
		await expect(row).toContainText('NL');
	});
});

test.describe('reports as a supervisor of NL', () => {
	test.use({ storageState: statePath('supervisor') });

	test('the audit of NL, not of another state; the list offers NL only', async ({ page }) => {
		await page.goto('/reports');
		const form = page.getByRole('group', { name: 'Parameters of supervisor-audit' });
		const options = await form.getByLabel('Member states').locator('option').allTextContents();
		expect(options.map((o) => o.slice(0, 2))).toEqual(['NL']);
		let r = await page.goto('/reports/supervisor-audit?asOf=2025-06-30');
		expect(r?.status()).toBe(200);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Supervisory audit: NL, as of 30 June 2025'
		);
		r = await page.goto('/reports/supervisor-audit?asOf=2025-06-30&ms=BE');
		expect(r?.status()).toBe(403);
		const d = await page.request.get(
			'/reports/supervisor-audit/download?format=pdf&asOf=2025-06-30&ms=BE'
		);
		expect(d.status()).toBe(403);
	});
});
