// Bad input at the edges of the built server (issue 11): every malformed parameter is a 400
// (or a 404 for a page past the last) with a message that names it, never a 500.
import { expect, test } from '@playwright/test';

const refused: [string, number, RegExp][] = [
	[
		'/?asOf=0000-01-01',
		400,
		/Invalid asOf: "0000-01-01" \(expected a date YYYY-MM-DD \(or dd-mm-yyyy\) from 1900 to 2100\)/
	],
	['/?asOf=2101-01-01', 400, /from 1900 to 2100/],
	['/records/sharing?asOf=1899-12-31', 400, /from 1900 to 2100/],
	[
		'/records/sharing?month=2024-02-15',
		400,
		/Invalid month: "2024-02-15" \(expected a month as YYYY-MM-01\)/
	],
	[
		'/records/sharing?channel=%3DSIENA',
		400,
		/Invalid channel: "=SIENA" \(expected one of BILATERAL, /
	],
	['/records/sharing?channel=%3Cb%3ESIS%3C%2Fb%3E', 400, /Invalid channel: "&lt;B>SIS&lt;\/B>"/],
	['/records/sharing.csv?asOf=0000-01-01', 400, /from 1900 to 2100/],
	['/api/v1/metrics?asOf=0000-01-01', 400, /from 1900 to 2100/],
	['/member-states/NL?asOf=2025-06-30&page=999', 404, /Page 999/],
	['/records/sharing?asOf=2025-06-30&ms=NL&page=99999', 404, /Page 99999/]
];

for (const [path, status, message] of refused) {
	test(`${path} answers ${status} with its reason`, async ({ request }) => {
		const response = await request.get(path, { headers: { 'accept-language': 'en' } });
		expect(response.status()).toBe(status);
		const body = await response.text();
		expect(body).toMatch(message);
		// Imported or typed text is shown, never run as markup.
		expect(body).not.toContain('<B>SIS');
	});
}

test('a channel alias is read as its code', async ({ request }) => {
	const response = await request.get('/records/sharing?asOf=2025-06-30&channel=sis%20ii', {
		headers: { 'accept-language': 'en' }
	});
	expect(response.status()).toBe(200);
	expect(await response.text()).toContain('channel=SIS');
});
