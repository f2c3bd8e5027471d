// Checks shared by the browser tests.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const screensDir = join('tests', 'e2e', '.artifacts', 'screens');

/** Save a full-page screenshot under .artifacts/screens/ and attach it to the report. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
	mkdirSync(screensDir, { recursive: true });
	const path = join(screensDir, `${name}.png`);
	await page.screenshot({ path, fullPage: true });
	await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Fail on serious or critical accessibility violations (axe-core, WCAG 2.x A/AA rules). */
export async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();
	const bad = results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
		);
	expect(bad, bad.join('\n')).toEqual([]);
}

/** Nothing on the page is wider than the viewport (wide tables scroll in their wrapper). */
export async function expectNoPageOverflow(page: Page, what = 'page'): Promise<void> {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow, `${what} wider than the viewport`).toBeLessThanOrEqual(0);
}

/** Screenshots at 1280 and 390 px, checking at 390 px that nothing overflows. */
export async function screenshotsAtBothWidths(
	page: Page,
	testInfo: TestInfo,
	name: string
): Promise<void> {
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
		if (width === 390) await expectNoPageOverflow(page, name);
		await screenshot(page, testInfo, `${name}-${width}`);
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}
