// The language switch sends the reader back only to a path on this site (issue 11): the
// built server's Location header for each hostile variant, and for ordinary paths.
import { expect, test } from '@playwright/test';

const hostile = [
	'/%5Cevil.example/phish',
	'/%09/evil.example',
	'/%0A/evil.example',
	'//evil.example',
	'/\\evil.example',
	'https://evil.example/',
	'%2F%2Fevil.example',
	'/%252F%252Fevil.example',
	''
];

for (const back of hostile) {
	test(`/lang?back=${back || '(empty)'} goes home`, async ({ request }) => {
		// Spliced into the query as is: each variant arrives exactly as an attacker would send it.
		const response = await request.get(`/lang?to=en&back=${back}`, { maxRedirects: 0 });
		expect(response.status()).toBe(303);
		expect(response.headers()['location']).toBe('/');
	});
}

test('/lang keeps a same-site path with its query string and sets the language', async ({
	request
}) => {
	const back = '/records/sharing?ms=NL&decision=withheld&page=2';
	const response = await request.get(`/lang?to=nl&back=${encodeURIComponent(back)}`, {
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
	expect(response.headers()['location']).toBe(back);
	expect(response.headers()['set-cookie']).toMatch(/=nl;/);
});
