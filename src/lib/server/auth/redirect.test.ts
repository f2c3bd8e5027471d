// After sign-in, only a path on this site.
import { describe, expect, it } from 'vitest';
import { sameSitePath } from './redirect.ts';

describe('sameSitePath', () => {
	it.each([
		['/records/sharing?ms=NL&asOf=2025-06-30', '/records/sharing?ms=NL&asOf=2025-06-30'],
		['/', '/'],
		['/member-states/NL#sharing', '/member-states/NL#sharing'],
		[null, '/'],
		['', '/'],
		['https://evil.example/', '/'],
		['//evil.example/', '/'],
		['/\\evil.example', '/'],
		['/%2Fevil.example', '/'],
		['/%5Cevil.example', '/'],
		['/\t/evil.example', '/'],
		['javascript:alert(1)', '/'],
		['records', '/'],
		['/%E0%A4%A', '/']
	])('%s gives %s', (input, expected) => {
		expect(sameSitePath(input)).toBe(expected);
	});
});
