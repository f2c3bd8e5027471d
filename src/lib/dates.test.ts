// The one date check, and the dates a person types in a date field (DateInput): ISO, or day
// first as a Dutch reader writes it; never month first.
import { describe, expect, it } from 'vitest';
import { dateInputText, isIsoDate, typedDate } from './dates.ts';

describe('typedDate', () => {
	it.each([
		['2016-06-30', '2016-06-30'],
		[' 2016-06-30 ', '2016-06-30'],
		['30-06-2016', '2016-06-30'],
		['30/06/2016', '2016-06-30'],
		['30.06.2016', '2016-06-30'],
		['3-4-2019', '2019-04-03'],
		['29-02-2024', '2024-02-29']
	])('reads %j as %s', (typed, iso) => {
		expect(typedDate(typed)).toBe(iso);
	});

	it.each([
		'',
		'2016-6-30x',
		'06/30/2016',
		'31-04-2019',
		'29-02-2023',
		'30-06-1899',
		'2016-13-01',
		'today'
	])('refuses %j', (typed) => {
		expect(typedDate(typed)).toBeNull();
	});
});

describe('dateInputText', () => {
	it('shows a date as dd-mm-jjjj to a Dutch reader and as YYYY-MM-DD to an English one', () => {
		expect(dateInputText('2016-06-30', 'nl')).toBe('30-06-2016');
		expect(dateInputText('2016-06-30', 'en')).toBe('2016-06-30');
		expect(dateInputText(null, 'nl')).toBe('');
	});

	it('shows what the server refused as it was typed', () => {
		expect(dateInputText('31-31-2016', 'nl')).toBe('31-31-2016');
	});

	it('round-trips: what it shows is read back as the same date', () => {
		for (const iso of ['2016-06-30', '2000-01-01', '2100-12-31'])
			for (const locale of ['nl', 'en']) {
				expect(typedDate(dateInputText(iso, locale))).toBe(iso);
				expect(isIsoDate(typedDate(dateInputText(iso, locale))!)).toBe(true);
			}
	});
});
