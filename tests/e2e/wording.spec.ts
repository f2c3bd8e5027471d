// The words of the interface (issue 12, "Consistent words"): one Dutch term per concept, no raw
// codes in the Dutch interface, full programme names beside their codes, CH and NO not counted
// among the member states, a favicon of our own. Pages are read as a Dutch reader sees them,
// at an explicit as-of date.
import { expect, test, type Page } from '@playwright/test';

const asOf = '2025-06-30';

async function asDutchReader(page: Page): Promise<void> {
	const base = test.info().project.use.baseURL!;
	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'nl', url: base }]);
}

// The Dutch pages a reviewer, supervisor or ministry reads most.
const dutchPages = [
	`/?asOf=${asOf}`,
	`/member-states/NL?asOf=${asOf}`,
	`/programmes?asOf=${asOf}`,
	`/programmes/EU-ROADMAP-2016?asOf=${asOf}`,
	`/records/actions?asOf=${asOf}&ms=NL`,
	`/records/sharing?asOf=${asOf}&ms=NL`,
	`/records/retention?asOf=${asOf}&ms=NL`,
	`/quality/actions/NL?asOf=${asOf}`,
	'/imports',
	'/reports'
];

// Codes of the data model that must reach a Dutch reader as words, and the terms that were
// replaced by the one Dutch term per concept (Lopend, Geen rapportage, Uiterste datum,
// Uitwisselingslogboek, Datakwaliteit).
const rawCodes =
	/\b(in_progress|not_started|no_report|not_applicable|overdue_review|past_retention|missing_assessment|late_deletion|ongoing_investigation|safety_of_persons|third_party_consent)\b/;
const replacedTerms = /\b(Loopt|Geen melding|Termijn|Deellogboek|Kwaliteit van de gegevens)\b/;

for (const path of dutchPages) {
	test(`${path} in Dutch: no raw codes, one term per concept`, async ({ page }) => {
		await asDutchReader(page);
		const response = await page.goto(path);
		expect(response?.status()).toBe(200);
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
		// Only the interface: table cells of imported text (state of play, titles) are the
		// sender's own words and stay as they were submitted.
		const text = await page.locator('main').evaluate((main) => {
			const copy = main.cloneNode(true) as HTMLElement;
			copy.querySelectorAll('td, pre, code').forEach((e) => e.remove());
			return copy.innerText;
		});
		expect(text).not.toMatch(rawCodes);
		expect(text).not.toMatch(replacedTerms);
	});
}

test('programmes carry their full names beside their codes', async ({ page }) => {
	await asDutchReader(page);
	await page.goto(`/programmes?asOf=${asOf}`);
	const table = page.locator('main table').first();
	await expect(table.getByRole('rowheader', { name: /^AIAJ/ })).toContainText(
		'Actieprogramma Integrale Aanpak Jihadisme'
	);
	await expect(table.getByRole('rowheader', { name: /^CT-AFG-2021/ })).toContainText(
		'Actieplan terrorismebestrijding Afghanistan'
	);
	await page.goto(`/?asOf=${asOf}`);
	await expect(page.getByLabel('Programma', { exact: true })).toContainText(
		'EU-ROADMAP-2016 – Routekaart voor betere informatie-uitwisseling'
	);
});

test('the chart captions do not count CH and NO among the member states', async ({ page }) => {
	await page.goto(`/?asOf=${asOf}`);
	const captions = (await page.locator('main').innerText()).match(/Bar chart[^\n]*/g) ?? [];
	expect(captions.length).toBe(2);
	for (const caption of captions) {
		const members = Number(/(\d+) member states/.exec(caption)?.[1]);
		expect(members, caption).toBeLessThanOrEqual(27);
	}
	// The sample action reports include Switzerland and Norway: counted apart.
	expect(captions.find((c) => c.startsWith('Bar chart of'))).toMatch(
		/^Bar chart of 27 member states and \d+ other countries \(associated or former\)/
	);
});

test('the favicon is our own', async ({ page }) => {
	await page.goto('/login');
	const href = (await page.locator('link[rel="icon"]').getAttribute('href')) ?? '';
	// Vite inlines a small asset as a data: address; a larger one is a file under /_app.
	const svg = href.startsWith('data:')
		? decodeURIComponent(href.slice(href.indexOf(',') + 1))
		: await (await page.request.get(href)).text();
	expect(svg).toContain('<title>cosi-monitor</title>');
	expect(svg).not.toContain('svelte-logo');
});

test('date fields speak the interface language: dd-mm-jjjj in Dutch', async ({ page }) => {
	await asDutchReader(page);
	await page.goto(`/?asOf=${asOf}`);
	const field = page.getByLabel('Peildatum', { exact: true });
	await expect(field).toHaveValue('30-06-2025');
	await expect(field).toHaveAttribute('placeholder', 'dd-mm-jjjj');
	await field.fill('31-12-2019');
	await page.getByRole('button', { name: 'Filters toepassen' }).click();
	await expect(page.getByText('Cijfers per 31 december 2019')).toBeVisible();
	await expect(field).toHaveValue('31-12-2019');
	// A date the interface cannot read is a 400 that says which forms it takes.
	const response = await page.goto('/?asOf=12/31/2019');
	expect(response?.status()).toBe(400);
	await expect(page.locator('main')).toContainText('dd-mm-jjjj');
});

test('axis titles clear the tick labels, and no tick label is cut off', async ({ page }) => {
	for (const path of [`/?asOf=${asOf}`, `/member-states/NL?asOf=${asOf}`]) {
		await page.goto(path);
		const charts = page.locator('figure.chart svg[role="img"]');
		expect(await charts.count()).toBeGreaterThan(0);
		for (const svg of await charts.all()) {
			const problems = await svg.evaluate((el) => {
				const box = (e: Element) => e.getBoundingClientRect();
				const overlap = (a: DOMRect, b: DOMRect) =>
					a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
				const frame = box(el);
				const titles = [...el.querySelectorAll('[data-mark$="-axis label"] text')];
				const ticks = [...el.querySelectorAll('[data-mark$="-axis tick label"] text')];
				const found: string[] = [];
				if (titles.length === 0 || ticks.length === 0) found.push('no axis marks found');
				for (const t of titles)
					for (const k of ticks)
						if (overlap(box(t), box(k))) found.push(`"${t.textContent}" over "${k.textContent}"`);
				for (const k of ticks) {
					const b = box(k);
					if (b.left < frame.left - 0.5 || b.right > frame.right + 0.5)
						found.push(`"${k.textContent}" cut off`);
				}
				return found;
			});
			expect(problems, `${path}: ${await svg.getAttribute('aria-label')}`).toEqual([]);
		}
	}
});
