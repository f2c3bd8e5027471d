// The report pages on the bundled sample data: the list with its forms, the HTML preview of the
// Kamerbrief annex, downloads (a PDF through the page, the others by address), and parameter
// errors. Every address passes an explicit as-of date.
import { expect, request as newRequest, test } from '@playwright/test';
import JSZip from 'jszip';
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

test.describe('report jobs (a download prepared while the page shows its progress)', () => {
	test('the page starts a job, shows its progress, then downloads a valid file', async ({
		page
	}) => {
		await page.goto('/reports/supervisor-audit?asOf=2025-06-30&ms=NL');
		const status = page.getByTestId('report-job');
		await expect(status).toHaveText('');
		const started = page.waitForResponse(
			(r) => r.request().method() === 'POST' && /\/reports\/supervisor-audit\/jobs\?/.test(r.url())
		);
		const downloading = page.waitForEvent('download');
		await page.getByRole('link', { name: 'Word (docx)' }).click();
		expect((await started).status()).toBe(202);
		// Seen while it runs or once done, depending on the machine: both are the job's state.
		await expect(status).toHaveText(
			/^Word: (waiting for its turn|reading section \d+ of \d+|writing the file)…$|^Word is ready: /
		);
		const download = await downloading;
		expect(download.suggestedFilename()).toBe('supervisor-audit_2025-06-30_NL.docx');
		await expect(status).toHaveText('Word is ready: supervisor-audit_2025-06-30_NL.docx.');
		const zip = await JSZip.loadAsync(readFileSync(await download.path()));
		const xml = await zip.file('word/document.xml')!.async('string');
		expect(xml).toContain('<w:tblHeader/>');
	});

	test('by address: 202 with the job, its state, its file; another user finds nothing', async ({
		request,
		baseURL
	}) => {
		const query = 'format=xlsx&asOf=2025-06-30&ms=NL&lang=en';
		const start = await request.post(`/reports/supervisor-audit/jobs?${query}`);
		expect(start.status()).toBe(202);
		const job = (await start.json()) as { id: string; href: string; file: string; state: string };
		expect(start.headers().location).toBe(job.href);
		expect(job.href).toBe(`/reports/supervisor-audit/jobs/${job.id}`);
		let state = job.state;
		await expect
			.poll(
				async () => {
					const r = await request.get(job.href);
					expect(r.status()).toBe(200);
					const body = (await r.json()) as { state: string; step: number; steps: number };
					expect(['queued', 'reading', 'rendering', 'done']).toContain(body.state);
					if (body.state === 'reading') expect(body.step).toBeLessThanOrEqual(body.steps);
					state = body.state;
					return state;
				},
				{ timeout: 50_000 }
			)
			.toBe('done');
		const file = await request.get(job.file);
		expect(file.status()).toBe(200);
		expect(file.headers()['content-disposition']).toBe(
			'attachment; filename="supervisor-audit_2025-06-30_NL.xlsx"'
		);
		const direct = await request.get(`/reports/supervisor-audit/download?${query}`);
		expect(file.headers()['x-cosi-fingerprint']).toBe(direct.headers()['x-cosi-fingerprint']);
		expect((await JSZip.loadAsync(await file.body())).file('xl/workbook.xml')).not.toBeNull();
		const mine = await request.get('/reports/supervisor-audit/jobs');
		expect(((await mine.json()) as { id: string }[]).map((j) => j.id)).toContain(job.id);

		// Another user (the ministry of NL may produce the same report): not found, not forbidden.
		const other = await newRequest.newContext({ baseURL, storageState: statePath('ministry') });
		try {
			expect((await other.get(job.href)).status()).toBe(404);
			expect((await other.get(job.file)).status()).toBe(404);
			expect(await (await other.get('/reports/supervisor-audit/jobs')).json()).toEqual([]);
		} finally {
			await other.dispose();
		}
		// An unknown parameter is a 400; an unknown job a 404.
		expect((await request.get(`${job.href}?x=1`)).status()).toBe(400);
		expect((await request.get('/reports/supervisor-audit/jobs/nope')).status()).toBe(404);
	});

	test('starting a job checks the request first: a bad format 400, a state out of scope 403', async ({
		baseURL
	}) => {
		const supervisor = await newRequest.newContext({
			baseURL,
			storageState: statePath('supervisor')
		});
		try {
			let r = await supervisor.post('/reports/supervisor-audit/jobs?format=odt&asOf=2025-06-30');
			expect(r.status()).toBe(400);
			r = await supervisor.post('/reports/supervisor-audit/jobs?format=pdf&asOf=2025-06-30&ms=BE');
			expect(r.status()).toBe(403);
		} finally {
			await supervisor.dispose();
		}
		const reviewer = await newRequest.newContext({ baseURL, storageState: statePath('reviewer') });
		try {
			const r = await reviewer.post('/reports/supervisor-audit/jobs?format=csv&asOf=2025-06-30');
			expect(r.status()).toBe(403);
		} finally {
			await reviewer.dispose();
		}
	});

	test('while a long report renders, another request completes first', async ({ request }) => {
		// Every member state's audit, as a spreadsheet: the longest render of the samples.
		const order: string[] = [];
		const report = request
			.get('/reports/supervisor-audit/download?format=xlsx&asOf=2025-06-30&lang=en')
			.then((r) => {
				order.push('report');
				return r;
			});
		// Asked after the report: answered before it.
		await new Promise((resolve) => setImmediate(resolve));
		const login = request.get('/login', { maxRedirects: 0 }).then((r) => {
			order.push('login');
			return r;
		});
		const [r, l] = await Promise.all([report, login]);
		expect(l.status()).toBe(303);
		expect(r.status()).toBe(200);
		expect(order).toEqual(['login', 'report']);
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
