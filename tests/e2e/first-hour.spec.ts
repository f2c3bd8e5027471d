// The first hour (issue 12), against what `npm start` runs (scripts/serve-local.js, no ORIGIN)
// on a server and database of its own: uploads work at http://127.0.0.1:PORT and at
// http://localhost:PORT, with and without JavaScript; a post from another site is still refused;
// and an upload the server refuses outside the form's own answers says why on the page.
import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	formHeaders,
	multipart,
	send,
	startOwnServer,
	upload,
	type OwnServer
} from './own-server.ts';

test.describe.configure({ mode: 'serial' });

let server: OwnServer;

test.beforeAll(async () => {
	test.setTimeout(120_000);
	server = await startOwnServer({}, undefined, 'local');
});

test.afterAll(async () => {
	await server?.stop();
});

const header = 'event_id,occurred_on,member_state,channel,relevant,decision';

function sharingCsv(prefix: string, rows: number): string {
	const lines = [header];
	for (let i = 0; i < rows; i++)
		lines.push(`${prefix}${i},2024-03-0${1 + (i % 9)},LU,SIS,true,shared`);
	return lines.join('\n') + '\n';
}

test('an upload without JavaScript is imported at 127.0.0.1', async () => {
	const answer = await upload(server, { name: 'at-ip.csv', content: sharingCsv('IP', 3) });
	expect(answer.status).toBe(200);
	expect(answer.outcome).toBe('accepted');
});

test('an upload without JavaScript is imported at localhost', async () => {
	const body = multipart(
		{ kind: 'sharing' },
		{ name: 'at-name.csv', content: sharingCsv('NM', 3) }
	);
	const origin = `http://localhost:${server.port}`;
	const answer = await send(
		server,
		'POST',
		'/imports?/upload',
		{ ...formHeaders(server, body), host: `localhost:${server.port}`, origin },
		body
	);
	expect(answer.status).toBe(200);
	expect(answer.body).toContain('class="outcome outcome-accepted');
});

test('a form posted from another site is still refused', async () => {
	const body = multipart({ kind: 'sharing' }, { name: 'evil.csv', content: sharingCsv('EV', 1) });
	const answer = await send(
		server,
		'POST',
		'/imports?/upload',
		{ ...formHeaders(server, body), origin: 'http://evil.example' },
		body
	);
	expect(answer.status).toBe(403);
});

test('in the browser at 127.0.0.1 an upload is imported, and a refusal says why', async ({
	page
}) => {
	const [name, value] = server.cookie.split('=');
	await page.context().addCookies([{ name, value, url: server.origin }]);
	await page.goto(`${server.origin}/imports`);
	const file = join(server.dir, 'browser.csv');
	writeFileSync(file, sharingCsv('BR', 4));
	await page.getByLabel('File', { exact: true }).setInputFiles(file);
	await page.getByLabel('Contents', { exact: true }).selectOption('sharing');
	await page.getByRole('button', { name: 'Upload and import' }).click();
	await expect(page.getByRole('heading', { level: 3, name: /Accepted/ })).toContainText(
		'browser.csv'
	);

	// A refusal that is not the form's own answer (here: a proxy in front answering 502).
	await page.route(/\/imports\?\/upload/, (route) =>
		route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>Bad gateway</h1>' })
	);
	await page.getByLabel('File', { exact: true }).setInputFiles(file);
	await page.getByLabel('Contents', { exact: true }).selectOption('sharing');
	await page.getByRole('button', { name: 'Upload and import' }).click();
	const refusal = page.locator('#upload-error');
	await expect(refusal).toContainText('Not imported');
	await expect(refusal).toContainText('The server refused the upload (HTTP 502): Bad gateway');
});
