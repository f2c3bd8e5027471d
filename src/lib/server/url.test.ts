// The one URL-parameter parser, at the edges: every bad value is a 400 whose message names the
// parameter, the value and what is accepted; nothing depends on the day the test runs.
import { isHttpError } from '@sveltejs/kit';
import { afterEach, describe, expect, it } from 'vitest';
import { resetClock, setClock } from './clock.ts';
import { viewKeys, viewParams } from '$lib/records/params';
import { urlAsOf, urlFilters, urlPage, urlView } from './url.ts';

const at = (query: string) => new URL(`http://localhost/records/sharing?${query}`);

/** The status and message of the 400 that parsing `query` answers. */
function refusal(parse: () => unknown): { status: number; message: string } {
	try {
		parse();
	} catch (e) {
		if (isHttpError(e)) return { status: e.status, message: e.body.message };
		throw e;
	}
	throw new Error('accepted');
}

afterEach(resetClock);

describe('URL parameters', () => {
	it('defaults the as-of date to today by the clock, in UTC', () => {
		setClock(new Date('2030-12-31T23:30:00Z'));
		expect(urlFilters(at('')).asOf).toBe('2030-12-31');
	});

	it.each(['0000-01-01', '1899-12-31', '2101-01-01', '2025-02-30', '2025-2-01', 'today'])(
		'refuses asOf=%s with the accepted range',
		(value) => {
			expect(refusal(() => urlFilters(at(`asOf=${value}`)))).toEqual({
				status: 400,
				message: `Invalid asOf: "${value}" (expected a date YYYY-MM-DD (or dd-mm-yyyy) from 1900 to 2100).`
			});
		}
	);

	it('reads an as-of date alone (the quality page) with the same check and message', () => {
		setClock(new Date('2030-12-31T23:30:00Z'));
		expect(urlAsOf(at(''))).toBe('2030-12-31');
		expect(urlAsOf(at('asOf=2024-06-30'))).toBe('2024-06-30');
		expect(refusal(() => urlAsOf(at('asOf=2025-02-30')))).toEqual({
			status: 400,
			message:
				'Invalid asOf: "2025-02-30" (expected a date YYYY-MM-DD (or dd-mm-yyyy) from 1900 to 2100).'
		});
	});

	it('accepts the first and last days of the range', () => {
		expect(urlFilters(at('asOf=1900-01-01&from=1900-01-01&to=2100-12-31')).to).toBe('2100-12-31');
	});

	it('refuses a period whose start is after its end', () => {
		expect(refusal(() => urlFilters(at('from=2025-06-01&to=2025-01-01'))).message).toBe(
			'Invalid period: from 2025-06-01 is after to 2025-01-01.'
		);
	});

	it('takes a month only as its first day', () => {
		expect(urlView('sharing', at('month=2024-02-01')).month).toBe('2024-02-01');
		for (const value of ['2024-02-15', '2024-02', '2024-13-01']) {
			expect(refusal(() => urlView('sharing', at(`month=${value}`))).message).toBe(
				`Invalid month: "${value}" (expected a month as YYYY-MM-01).`
			);
		}
	});

	it('takes a channel of the reference list, or one of its aliases', () => {
		expect(urlFilters(at('channel=siena')).channel).toBe('SIENA');
		expect(urlFilters(at('channel=SIS%20II')).channel).toBe('SIS');
		expect(urlView('sharing', at('channel=i-24/7')).filters.channel).toBe('INTERPOL');
		for (const value of ['=SIENA', '<b>SIS</b>', 'CARRIER-PIGEON']) {
			const { status, message } = refusal(() =>
				urlFilters(at(`channel=${encodeURIComponent(value)}`))
			);
			expect(status).toBe(400);
			expect(message).toMatch(/^Invalid channel: ".*" \(expected .*\)\.$/);
		}
		expect(refusal(() => urlFilters(at('channel=CARRIER-PIGEON'))).message).toContain(
			'one of BILATERAL, CTG, ECRIS, EIS, EURODAC, INTERPOL, PNR, PRUM, SIENA, SIS, VIS'
		);
	});

	it('refuses a page that is not a whole number from 1 up', () => {
		expect(urlPage(at('page=3'))).toBe(3);
		expect(urlPage(at(''))).toBe(1);
		for (const value of ['0', '-1', '1.5', 'x', '1234567']) {
			expect(refusal(() => urlPage(at(`page=${value}`))).message).toBe(
				`Invalid page: "${value}" (expected a whole number from 1 up).`
			);
		}
	});

	it('refuses an unknown value of a records filter, naming the accepted ones', () => {
		expect(refusal(() => urlView('sharing', at('decision=maybe'))).message).toBe(
			'Invalid decision: "maybe" (expected one of shared, withheld, pending).'
		);
	});

	it('refuses a parameter the page does not know, naming the ones it accepts', () => {
		expect(refusal(() => urlView('sharing', at('member_state=NL')))).toEqual({
			status: 400,
			message:
				'Unknown parameter "member_state": this page accepts asOf, from, to, ms, channel, decision, unjustified, ground, month, relevant, q, sort, dir, cols, page.'
		});
		expect(refusal(() => urlView('retention', at('decision=withheld'))).message).toMatch(
			/^Unknown parameter "decision": this page accepts asOf, ms, register, legalBasis, flag/
		);
	});

	it('reaches the rows marked not relevant with relevant=false, and knows no other value', () => {
		expect(urlView('sharing', at('relevant=false')).relevant).toBe('false');
		// The default, written as nothing: one address per view.
		expect(urlView('sharing', at('relevant=true')).relevant).toBeNull();
		expect(refusal(() => urlView('sharing', at('relevant=no'))).message).toBe(
			'Invalid relevant: "no" (expected one of true, false).'
		);
	});

	it('every parameter a records view writes is one its page accepts', () => {
		for (const set of ['actions', 'sharing', 'retention'] as const) {
			const view = urlView(set, at(''));
			for (const key of Object.keys(viewParams(view))) expect(viewKeys[set]).toContain(key);
		}
	});
});
