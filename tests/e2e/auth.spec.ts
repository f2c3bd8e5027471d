// Sign-in, sessions, tokens and the operator channel against a built server of this spec's own:
// a fresh database (so the first start creates admin), its clock fixed by COSI_CLOCK and moved
// forward through the operator channel (COSI_TEST_CLOCK=1), so nothing here depends on the real
// date or on waiting. The CLI talks to the running server over the same channel.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { join } from 'node:path';
import type { BatchListRow } from '../../src/lib/imports.ts';
import { advanceServerClock } from '../../src/lib/server/channel.ts';
import type { IngestResult } from '../../src/lib/server/ingest/types.ts';
import { expectAccessible } from './helpers.ts';
import { cosi, startServer, type OwnServer } from './server.ts';

const start = '2026-01-05T08:00:00.000Z';
const hour = 3600_000;
let server: OwnServer;
let adminPassword: string;

test.describe.configure({ mode: 'serial' });
test.use({ storageState: { cookies: [], origins: [] } });

test.beforeAll(async () => {
	server = await startServer('auth', { COSI_CLOCK: start, COSI_TEST_CLOCK: '1' });
});
test.afterAll(async () => {
	await server?.stop();
});

const advance = (ms: number) => advanceServerClock(server.db, ms);

async function newPage(
	browser: Browser,
	javaScriptEnabled = true
): Promise<[BrowserContext, Page]> {
	const context = await browser.newContext({
		baseURL: server.url,
		storageState: { cookies: [], origins: [] },
		javaScriptEnabled
	});
	return [context, await context.newPage()];
}

async function signIn(page: Page, username: string, password: string, redirectTo?: string) {
	await page.goto(redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : '/login');
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Whether the page's session still works: /account opens, or the server sends it to /login. */
async function signedIn(page: Page): Promise<boolean> {
	await page.goto('/account');
	return !new URL(page.url()).pathname.startsWith('/login');
}

function addUser(name: string, role: string, password: string, states: string[] = []) {
	const run = cosi(
		server.db,
		[
			'user',
			'add',
			name,
			'--role',
			role,
			...states.flatMap((s) => ['--member-state', s]),
			'--password-stdin',
			'--json'
		],
		`${password}\n`
	);
	expect(run.code, run.stderr).toBe(0);
}

test('the first start creates admin with a password shown once, on the console only', async ({
	browser
}) => {
	const m = /username: admin\n\s+password: ([a-z2-7]{24})\n/.exec(server.output());
	expect(m, server.output()).not.toBeNull();
	adminPassword = m![1];
	expect(server.output()).toContain('npx cosi user reset-password admin');
	// Neither the user list nor the audit trail holds it.
	const list = cosi(server.db, ['user', 'list', '--json']);
	expect(list.code).toBe(0);
	expect(list.stdout).toContain('"admin"');
	expect(list.stdout + cosi(server.db, ['audit', 'export', '--json']).stdout).not.toContain(
		adminPassword
	);

	const [context, page] = await newPage(browser);
	await signIn(page, 'admin', adminPassword);
	await expect(page).toHaveURL(`${server.url}/`);
	await expect(page.getByRole('link', { name: /Signed in as admin/ })).toBeVisible();
	await context.close();
});

test('the command line works while the server holds the database', () => {
	addUser('mia', 'ministry', 'mia has a long passphrase', ['NL']);
	addUser('sam', 'supervisor', 'sam has a long passphrase', ['NL']);
	addUser('rita', 'reviewer', 'she reads the figures daily');
	const fixture = join('tests', 'e2e', 'fixtures', 'quality-lu-second.csv');
	const ingest = cosi(server.db, ['ingest', fixture, '--kind', 'sharing', '--json']);
	expect(ingest.code).toBe(3);
	expect(JSON.parse(ingest.stdout) as IngestResult).toMatchObject({
		status: 'partial',
		rowsAccepted: 2,
		rowsRejected: 3
	});
	const batches = JSON.parse(cosi(server.db, ['batches', '--json']).stdout) as BatchListRow[];
	expect(batches[0]).toMatchObject({ file_name: 'quality-lu-second.csv', imported_by: 'operator' });
	const usage = cosi(server.db, ['ingest', fixture, '--kind', 'nope']);
	expect(usage.code).toBe(1);
	expect(usage.stderr).toContain('invalid --kind: "nope"');
	expect(cosi(server.db, ['metrics', '--as-of', '2099-12-31', '--json']).code).toBe(0);
	const verify = cosi(server.db, ['audit', 'verify']);
	expect(verify.code, verify.stdout + verify.stderr).toBe(0);
	expect(verify.stdout).toMatch(/^audit trail intact: \d+ entries/);
});

test('the login page: labelled fields, English and Dutch, accessible, works without JavaScript', async ({
	browser
}) => {
	const [context, page] = await newPage(browser);
	await page.goto('/records/sharing?ms=NL');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Frecords%2Fsharing%3Fms%3DNL$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
	await expect(page.getByLabel('Username')).toHaveAttribute('autocomplete', 'username');
	await expect(page.getByLabel('Password')).toHaveAttribute('type', 'password');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Nederlands' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
	await expect(page.getByLabel('Gebruikersnaam')).toBeVisible();
	await expect(page.getByLabel('Wachtwoord')).toBeVisible();
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expectAccessible(page);
	await context.close();

	// Without JavaScript, signing in leads to the page first asked for.
	const [plain, plainPage] = await newPage(browser, false);
	await plainPage.goto('/records/sharing?ms=NL');
	await plainPage.getByLabel('Username').fill('mia');
	await plainPage.getByLabel('Password').fill('mia has a long passphrase');
	await plainPage.getByRole('button', { name: 'Sign in' }).click();
	await expect(plainPage).toHaveURL(`${server.url}/records/sharing?ms=NL`);
	await plain.close();

	// Only a path on this site: anything else leads to the overview.
	for (const target of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
		const [c, p] = await newPage(browser);
		await signIn(p, 'rita', 'she reads the figures daily', target);
		await expect(p).toHaveURL(`${server.url}/`);
		await c.close();
	}
});

test('the session cookie is httpOnly, SameSite=Lax, path /, a random token and nothing else', async ({
	browser
}) => {
	const [context, page] = await newPage(browser);
	await signIn(page, 'rita', 'she reads the figures daily');
	const cookies = await context.cookies();
	const session = cookies.find((c) => c.name === 'cosi_session');
	expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
	expect(session!.value).toMatch(/^[a-z2-7]{32}$/);
	// A browser-session cookie: the server alone decides when the session ends, by its clock.
	expect(session!.expires).toBe(-1);
	await context.close();
});

test('failed sign-ins are slowed down per account; the message never tells whether it exists', async ({
	browser
}) => {
	const [context, page] = await newPage(browser);
	const failure = 'Sign-in failed: the username or password is not correct.';
	for (const name of ['no-such-user', 'sam']) {
		await signIn(page, name, 'wrong wrong wrong');
		await expect(page.getByRole('alert')).toHaveText(failure);
	}
	// Three failures are free; the fourth refuses the next attempts for a second, then 2, 4, ...
	for (let i = 2; i <= 3; i++) {
		await signIn(page, 'sam', 'wrong wrong wrong');
		await expect(page.getByRole('alert')).toHaveText(failure);
	}
	await signIn(page, 'sam', 'wrong wrong wrong');
	await expect(page.getByRole('alert')).toHaveText(
		'Too many failed attempts. Try again after 08:00:01 (UTC).'
	);
	// While refused, not even the right password is checked.
	await signIn(page, 'sam', 'sam has a long passphrase');
	await expect(page.getByRole('alert')).toContainText('Too many failed attempts');
	// The same for a name that does not exist.
	for (let i = 0; i < 3; i++) await signIn(page, 'no-such-user', 'wrong wrong wrong');
	await expect(page.getByRole('alert')).toContainText('Too many failed attempts');
	// Once the time has passed, the right password works again.
	await advance(1000);
	await signIn(page, 'sam', 'sam has a long passphrase');
	await expect(page).toHaveURL(`${server.url}/`);
	await context.close();
});

test('a session ends after 8 idle hours, and 12 hours after sign-in however busy', async ({
	browser
}) => {
	const [idle, idlePage] = await newPage(browser);
	await signIn(idlePage, 'rita', 'she reads the figures daily');
	const [busy, busyPage] = await newPage(browser);
	await signIn(busyPage, 'mia', 'mia has a long passphrase');

	await advance(7 * hour);
	expect(await signedIn(busyPage)).toBe(true);
	await advance(1 * hour + 60_000);
	expect(await signedIn(idlePage), 'idle for 8 hours').toBe(false);
	await expect(idlePage).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
	expect(await signedIn(busyPage), 'used an hour ago').toBe(true);
	await advance(3 * hour);
	expect(await signedIn(busyPage), '11 hours after sign-in').toBe(true);
	await advance(1 * hour);
	expect(await signedIn(busyPage), '12 hours after sign-in').toBe(false);
	await idle.close();
	await busy.close();
});

test('changing the password ends every other session of the user', async ({ browser }) => {
	const [first, firstPage] = await newPage(browser);
	await signIn(firstPage, 'sam', 'sam has a long passphrase');
	const [second, secondPage] = await newPage(browser);
	await signIn(secondPage, 'sam', 'sam has a long passphrase');
	expect(await signedIn(secondPage)).toBe(true);

	await firstPage.goto('/account');
	await firstPage.getByLabel('Current password').fill('sam has a long passphrase');
	await firstPage.getByLabel('New password').fill('password1234');
	await firstPage.getByRole('button', { name: 'Change password' }).click();
	await expect(firstPage.getByRole('alert')).toContainText('list of common passwords');
	await firstPage.getByLabel('Current password').fill('sam has a long passphrase');
	await firstPage.getByLabel('New password').fill('sam now has another passphrase');
	await firstPage.getByRole('button', { name: 'Change password' }).click();
	await expect(firstPage.getByRole('status').filter({ hasText: 'Password changed' })).toBeVisible();

	expect(await signedIn(firstPage), 'the browser that changed it').toBe(true);
	expect(await signedIn(secondPage), 'every other session').toBe(false);
	await signIn(secondPage, 'sam', 'sam has a long passphrase');
	await expect(secondPage.getByRole('alert')).toContainText('Sign-in failed');
	await first.close();
	await second.close();
});

test('disabling an account ends its sessions at once', async ({ browser }) => {
	const [context, page] = await newPage(browser);
	await signIn(page, 'mia', 'mia has a long passphrase');
	expect(await signedIn(page)).toBe(true);
	const run = cosi(server.db, ['user', 'disable', 'mia']);
	expect(run.stdout).toBe('disabled mia (all sessions ended)\n');
	expect(await signedIn(page)).toBe(false);
	await signIn(page, 'mia', 'mia has a long passphrase');
	await expect(page.getByRole('alert')).toHaveText(
		'Sign-in failed: the username or password is not correct.'
	);
	expect(cosi(server.db, ['user', 'enable', 'mia']).code).toBe(0);
	await context.close();
});

test('signing out ends the session on the server, not only in the browser', async ({ browser }) => {
	const [context, page] = await newPage(browser);
	await signIn(page, 'rita', 'she reads the figures daily');
	const cookie = (await context.cookies()).find((c) => c.name === 'cosi_session')!;
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/login$/);
	// The old token, presented again, no longer opens anything.
	const replay = await fetch(`${server.url}/account`, {
		headers: { cookie: `cosi_session=${cookie.value}` },
		redirect: 'manual'
	});
	expect(replay.status).toBe(303);
	expect(replay.headers.get('location')).toBe('/login?redirectTo=%2Faccount');
	await context.close();
});

test("API tokens: Bearer on the API and CSV downloads, with the owner's scope; revocable", async ({
	browser
}) => {
	const made = cosi(server.db, ['user', 'token', 'mia', '--json']);
	expect(made.code).toBe(0);
	const { token, tokenId } = JSON.parse(made.stdout) as { token: string; tokenId: string };
	const get = (path: string, t = token) =>
		fetch(`${server.url}${path}`, {
			headers: { authorization: `Bearer ${t}` },
			redirect: 'manual'
		});

	expect((await get('/api/v1/metrics?asOf=2099-12-31')).status).toBe(200);
	const csv = await get('/records/sharing.csv?ms=NL&asOf=2099-12-31');
	expect(csv.status).toBe(200);
	expect(csv.headers.get('cache-control')).toBe('no-store');
	// The owner's scope: a ministry user sees only their own member state's rows.
	expect((await get('/records/sharing.csv?ms=LU&asOf=2099-12-31')).status).toBe(403);
	// Tokens are for scripts: pages still need a browser session.
	expect((await get('/records/sharing?ms=NL')).status).toBe(303);
	expect((await get('/api/v1/metrics', 'cosi_aaaa_bbbb')).status).toBe(401);
	expect((await fetch(`${server.url}/api/v1/metrics`)).headers.get('www-authenticate')).toBe(
		'Bearer realm="cosi-monitor"'
	);

	expect(cosi(server.db, ['user', 'revoke-token', tokenId]).code).toBe(0);
	expect((await get('/api/v1/metrics?asOf=2099-12-31')).status).toBe(401);

	// The same on the account page: shown once, then revoked there.
	const [context, page] = await newPage(browser);
	await signIn(page, 'rita', 'she reads the figures daily');
	await page.goto('/account');
	await page.getByRole('button', { name: 'Create a token' }).click();
	const shown = (await page.locator('code.value').innerText()).trim();
	expect((await get('/api/v1/metrics?asOf=2099-12-31', shown)).status).toBe(200);
	await page.reload();
	await expect(page.locator('code.value')).toHaveCount(0);
	await page.getByRole('button', { name: /^Revoke / }).click();
	await expect(page.getByRole('status').filter({ hasText: 'revoked' })).toBeVisible();
	expect((await get('/api/v1/metrics?asOf=2099-12-31', shown)).status).toBe(401);
	await expectAccessible(page);
	await context.close();
});

test('the audit trail: every sign-in, failure, download and change, with the chain verified', async ({
	browser
}) => {
	const [context, page] = await newPage(browser);
	await signIn(page, 'admin', adminPassword);
	await page.goto('/audit');
	await expect(page.locator('[data-chain="intact"]')).toContainText('The chain verifies');
	const table = page.getByRole('table', { name: /Audit entries/ });
	for (const action of [
		'sign_in',
		'sign_in_failed',
		'sign_out',
		'csv_download',
		'import',
		'user_add',
		'user_disable',
		'password_change',
		'token_create',
		'token_revoke'
	]) {
		await page.goto(`/audit?action=${action}`);
		await expect(table.locator('tbody tr').first(), action).toBeVisible();
		await expect(table.locator('[data-verified="false"]')).toHaveCount(0);
	}
	await expectAccessible(page);

	// A supervisor of NL sees the entries about NL (and about all states), not the others.
	const [sup, supPage] = await newPage(browser);
	await signIn(supPage, 'sam', 'sam now has another passphrase');
	await supPage.goto('/audit?action=sign_in');
	await expect(supPage.getByText('No entries match.')).toBeVisible();
	await supPage.goto('/audit?action=csv_download');
	await expect(
		supPage
			.getByRole('table', { name: /Audit entries/ })
			.locator('tbody tr')
			.first()
	).toBeVisible();
	expect((await supPage.goto('/audit?ms=LU'))?.status()).toBe(403);
	await sup.close();
	await context.close();
});

test('the admin page adds, disables and enables users, and resets passwords', async ({
	browser
}) => {
	const [context, page] = await newPage(browser);
	await signIn(page, 'admin', adminPassword);
	await page.goto('/admin/users');
	await page.getByLabel('Username').fill('vera');
	await page.getByLabel('Role').selectOption('supervisor');
	await page.getByLabel('Member states').fill('be nl');
	await page.getByRole('button', { name: 'Add user' }).click();
	const password = (await page.locator('code.value').innerText()).trim();
	expect(password).toMatch(/^[a-z2-7]{24}$/);
	await expect(page.getByRole('row', { name: /vera/ })).toContainText('BE NL');
	await page.getByRole('button', { name: 'Disable vera' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'vera disabled' })).toBeVisible();
	await page.getByRole('button', { name: 'Enable vera' }).click();
	await page.getByRole('button', { name: 'Reset password vera' }).click();
	const reset = (await page.locator('code.value').innerText()).trim();
	expect(reset).not.toBe(password);
	await page.getByRole('button', { name: 'Disable admin' }).click();
	await expect(page.getByRole('alert')).toContainText('last enabled administrator');
	await expectAccessible(page);
	await context.close();

	const [vera, veraPage] = await newPage(browser);
	await signIn(veraPage, 'vera', reset);
	await expect(veraPage).toHaveURL(`${server.url}/`);
	await vera.close();
});
