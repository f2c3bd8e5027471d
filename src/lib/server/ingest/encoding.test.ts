// The UTF-8 check of the fingerprint pass: characters split across read chunks, Windows-1252
// bytes, and a file cut off inside a character.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { completeCharacters, fingerprint } from './encoding.ts';

const dir = mkdtempSync(join(tmpdir(), 'cosi-encoding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const chunk = 1 << 20;

function fileOf(name: string, bytes: Buffer): string {
	const path = join(dir, name);
	writeFileSync(path, bytes);
	return path;
}

describe('fingerprint', () => {
	it('accepts UTF-8 whose characters straddle every chunk boundary', async () => {
		// "é" (2 bytes), "€" (3 bytes) and "𝄞" (4 bytes), each starting 1 byte before a 1 MiB
		// boundary, so the chunk reader cuts each one apart.
		const parts: Buffer[] = [];
		for (const ch of ['é', '€', '𝄞']) {
			parts.push(Buffer.alloc(parts.length === 0 ? chunk - 1 : chunk - 2, 'a'));
			parts.push(Buffer.from(ch, 'utf8'));
		}
		const bytes = Buffer.concat(parts);
		const path = fileOf('split.csv', bytes);
		const print = await fingerprint(path);
		expect(print.utf8).toBe(true);
		expect(print.bytes).toBe(bytes.length);
		expect(print.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
	});

	it('rejects Windows-1252 bytes anywhere in the file', async () => {
		const bytes = Buffer.concat([Buffer.alloc(chunk + 10, 'a'), Buffer.from([0x80, 0x61])]);
		expect((await fingerprint(fileOf('cp1252.csv', bytes))).utf8).toBe(false);
	});

	it('rejects a file that ends inside a character', async () => {
		const bytes = Buffer.concat([
			Buffer.from('abc', 'utf8'),
			Buffer.from('€', 'utf8').subarray(0, 2)
		]);
		expect((await fingerprint(fileOf('cut.csv', bytes))).utf8).toBe(false);
	});
});

describe('completeCharacters', () => {
	it('leaves out only a multi-byte character cut off at the end', () => {
		const euro = Buffer.from('€', 'utf8');
		expect(completeCharacters(Buffer.from('abc'))).toBe(3);
		expect(completeCharacters(Buffer.concat([Buffer.from('ab'), euro]))).toBe(5);
		expect(completeCharacters(Buffer.concat([Buffer.from('ab'), euro.subarray(0, 1)]))).toBe(2);
		expect(completeCharacters(Buffer.concat([Buffer.from('ab'), euro.subarray(0, 2)]))).toBe(2);
		expect(completeCharacters(Buffer.from([0x61, 0xf0, 0x9d, 0x84]))).toBe(1);
		expect(completeCharacters(Buffer.alloc(0))).toBe(0);
	});
});
