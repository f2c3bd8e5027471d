// The CSV writer behind the records downloads: quoting, formula-injection guard, BOM, streaming.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../tests/helpers/csv.ts';
import { BOM, csvDocument, csvField, csvRecord, csvResponse, fileNamePart } from './csv.ts';

describe('csvField', () => {
	it('writes plain values as they are', () => {
		expect(csvField('NL')).toBe('NL');
		expect(csvField('2025-06-30')).toBe('2025-06-30');
		expect(csvField(42)).toBe('42');
		expect(csvField(12.5)).toBe('12.5');
		expect(csvField(true)).toBe('true');
		expect(csvField(false)).toBe('false');
		expect(csvField('België – Überprüfung € ‘x’')).toBe('België – Überprüfung € ‘x’');
	});

	it('writes null, undefined and non-finite numbers as empty fields', () => {
		expect(csvField(null)).toBe('');
		expect(csvField(undefined)).toBe('');
		expect(csvField(Number.NaN)).toBe('');
		expect(csvField(Number.POSITIVE_INFINITY)).toBe('');
	});

	it('quotes fields with quotes, commas, semicolons and line breaks, doubling quotes', () => {
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('a;b')).toBe('"a;b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('"')).toBe('""""');
		expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
		expect(csvField('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
		expect(csvField('a\rb')).toBe('"a\rb"');
	});

	it('leaves markup alone (CSV is not HTML)', () => {
		expect(csvField('<b>x</b> & y')).toBe('<b>x</b> & y');
	});

	it('prefixes text that a spreadsheet would run as a formula with a single quote', () => {
		expect(csvField('=1+1')).toBe("'=1+1");
		expect(csvField('+31 20 123')).toBe("'+31 20 123");
		expect(csvField('-x')).toBe("'-x");
		expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvField('\tTAB')).toBe("'\tTAB");
		// Guarded and quoted: the quote goes inside the quoted field.
		expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
		expect(csvField('\r=1')).toBe('"\'\r=1"');
	});

	it('does not prefix numbers it computed, or text with a formula character later on', () => {
		expect(csvField(-5)).toBe('-5');
		expect(csvField('a=b')).toBe('a=b');
		expect(csvField('x-1')).toBe('x-1');
	});

	it('writes other objects as JSON', () => {
		expect(csvField(['a', 'b'])).toBe('"[""a"",""b""]"');
	});
});

describe('csvRecord and csvDocument', () => {
	it('ends records with CRLF', () => {
		expect(csvRecord(['a', 1, null, true])).toBe('a,1,,true\r\n');
	});

	it('starts a document with the BOM and the header', () => {
		const doc = csvDocument(['x', 'y'], [['1', '2']]);
		expect(doc.startsWith(BOM)).toBe(true);
		expect(doc).toBe('\uFEFFx,y\r\n1,2\r\n');
	});

	it('reads back as the same values', () => {
		const rows = [
			['plain', 'with, comma', 'with "quotes"', 'multi\nline', ''],
			['=cmd', 'ü € “”', 'semi;colon', '  spaces  ', 'a\r\nb']
		];
		const doc = csvDocument(['a', 'b', 'c', 'd', 'e'], rows);
		const parsed = parseCsv(doc.slice(BOM.length));
		expect(parsed).toEqual([
			['a', 'b', 'c', 'd', 'e'],
			['plain', 'with, comma', 'with "quotes"', 'multi\nline', ''],
			["'=cmd", 'ü € “”', 'semi;colon', '  spaces  ', 'a\r\nb']
		]);
	});
});

describe('fileNamePart', () => {
	it('keeps only safe characters', () => {
		expect(fileNamePart('EU-ROADMAP-2016')).toBe('EU-ROADMAP-2016');
		expect(fileNamePart('Chapter 1: Information')).toBe('Chapter_1_Information');
		expect(fileNamePart('Policía Nacional')).toBe('Policia_Nacional');
		expect(fileNamePart('"; rm -rf /')).toBe('rm_-rf');
		expect(fileNamePart('(none)')).toBe('none');
		expect(fileNamePart('x'.repeat(100))).toHaveLength(60);
	});
});

describe('csvResponse', () => {
	function chunks(total: number, size: number) {
		const all = Array.from({ length: total }, (_, i) => [i, `row ${i}`]);
		let offset = size;
		return {
			first: all.slice(0, size),
			next: () => {
				const page = all.slice(offset, offset + size);
				offset += size;
				return Promise.resolve(page);
			}
		};
	}

	it.each([
		[0, 3],
		[2, 3],
		[3, 3],
		[7, 3],
		[9, 3]
	])('streams exactly %i rows in chunks of %i, then closes once', async (total, size) => {
		let closes = 0;
		const { first, next } = chunks(total, size);
		const response = csvResponse({
			fileName: 'test.csv',
			header: ['n', 'text'],
			first,
			chunkSize: size,
			next,
			close: () => {
				closes++;
			}
		});
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe('attachment; filename="test.csv"');
		const bytes = new Uint8Array(await response.arrayBuffer());
		// UTF-8 BOM
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
		const rows = parseCsv(text);
		expect(rows[0]).toEqual(['n', 'text']);
		expect(rows.length - 1).toBe(total);
		expect(rows.slice(1).map((r) => Number(r[0]))).toEqual([...Array(total).keys()]);
		expect(closes).toBe(1);
	});

	it('closes once and fails the stream when a later chunk fails', async () => {
		let closes = 0;
		const response = csvResponse({
			fileName: 'x.csv',
			header: ['n'],
			first: [[1], [2]],
			chunkSize: 2,
			next: () => Promise.reject(new Error('boom')),
			close: () => {
				closes++;
			}
		});
		await expect(response.text()).rejects.toThrow();
		expect(closes).toBe(1);
	});

	it('closes once when the client cancels', async () => {
		let closes = 0;
		const response = csvResponse({
			fileName: 'x.csv',
			header: ['n'],
			first: [[1], [2]],
			chunkSize: 2,
			next: () => Promise.resolve([[3], [4]]),
			close: () => {
				closes++;
			}
		});
		const reader = response.body!.getReader();
		await reader.read();
		await reader.cancel();
		expect(closes).toBe(1);
	});
});
