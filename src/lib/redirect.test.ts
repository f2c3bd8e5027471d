// Redirect targets: same-site paths only (issue 11).
import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirect.ts';

/** The value as the route reads it: the query string decoded once by URLSearchParams. */
const fromQuery = (query: string) => new URLSearchParams(query).get('back');

describe('safeRedirectPath', () => {
	it.each([
		['/%5Cevil.example/phish', 'encoded backslash'],
		['/%09/evil.example', 'encoded tab'],
		['/%0A/evil.example', 'encoded newline'],
		['/%0D%0A/evil.example', 'encoded CR LF'],
		['%2F%2Fevil.example', 'encoded double slash'],
		['//evil.example', 'protocol-relative'],
		['/\\evil.example', 'backslash'],
		['\\\\evil.example', 'two backslashes'],
		['https://evil.example', 'absolute URL'],
		['javascript:alert(1)', 'script URL'],
		['/%252F%252Fevil.example', 'double-encoded slashes'],
		['/%255Cevil.example', 'double-encoded backslash'],
		['/%2509/evil.example', 'double-encoded tab'],
		['%252Fx', 'double-encoded leading slash'],
		['/%E0%A4%A', 'malformed escape'],
		['', 'empty'],
		['evil.example', 'no leading slash'],
		[' //evil.example', 'leading space']
	])('refuses %s (%s)', (param) => {
		expect(safeRedirectPath(fromQuery(`back=${param}`))).toBe('/');
	});

	it('refuses a missing parameter and raw control characters', () => {
		expect(safeRedirectPath(null)).toBe('/');
		expect(safeRedirectPath(undefined)).toBe('/');
		expect(safeRedirectPath('/\t/evil.example')).toBe('/');
		expect(safeRedirectPath('/\n/evil.example')).toBe('/');
		expect(safeRedirectPath('/x\u007f')).toBe('/');
	});

	it.each([
		['/', '/'],
		['/imports', '/imports'],
		['/records/sharing?ms=NL&page=2', '/records/sharing?ms=NL&page=2'],
		[
			'/quality/sharing/LU?asOf=2025-06-30&show=late#top',
			'/quality/sharing/LU?asOf=2025-06-30&show=late#top'
		],
		['/programmes/AIAJ%20x', '/programmes/AIAJ%20x'],
		['/a/b\\c', '/a/b\\c']
	])('keeps the same-site path %s', (raw, expected) => {
		expect(safeRedirectPath(raw)).toBe(expected);
	});

	it('keeps a path with a query string as the language switch sends it', () => {
		const back = '/records/sharing?ms=NL&decision=withheld&page=3';
		expect(safeRedirectPath(fromQuery(`to=nl&back=${encodeURIComponent(back)}`))).toBe(back);
	});
});
