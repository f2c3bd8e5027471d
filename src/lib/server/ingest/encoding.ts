// File fingerprint and text encoding: one streaming pass gives the SHA-256 and tells whether
// the bytes are valid UTF-8. Dutch Excel exports are often Windows-1252; DuckDB's CSV reader
// wants UTF-8, so those files are transcoded to a temporary UTF-8 copy first.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { once } from 'node:events';

export interface Fingerprint {
	sha256: string;
	bytes: number;
	utf8: boolean;
}

export async function fingerprint(
	path: string,
	onProgress?: (done: number, total: number) => void
): Promise<Fingerprint> {
	const total = statSync(path).size;
	const hash = createHash('sha256');
	let utf8 = true;
	// The bytes of a character split across two chunks, checked with the next chunk.
	let carry: Buffer = Buffer.alloc(0);
	let done = 0;
	for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
		const bytes = chunk as Buffer;
		hash.update(bytes);
		if (utf8) {
			// isUtf8 checks in native code without building a string (TextDecoder cost 0.9 s
			// per GB more).
			const joined = carry.length > 0 ? Buffer.concat([carry, bytes]) : bytes;
			const end = completeCharacters(joined);
			utf8 = isUtf8(joined.subarray(0, end));
			carry = Buffer.from(joined.subarray(end));
		}
		done += bytes.length;
		onProgress?.(done, total);
	}
	// A file that ends inside a character is not UTF-8.
	if (carry.length > 0) utf8 = false;
	return { sha256: hash.digest('hex'), bytes: total, utf8 };
}

/**
 * How many leading bytes of `b` end on a character boundary: a multi-byte UTF-8 sequence cut
 * off at the end is left out (a lead byte 11xxxxxx followed by fewer continuation bytes than
 * it announces). Anything else, valid or not, is left for isUtf8 to judge.
 */
export function completeCharacters(b: Uint8Array): number {
	const n = b.length;
	for (let i = n - 1; i >= Math.max(0, n - 4); i--) {
		const byte = b[i];
		if ((byte & 0xc0) === 0x80) continue;
		if (byte < 0xc0) return n;
		const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
		return n - i < needed ? i : n;
	}
	return n;
}

// WHATWG windows-1252 for 0x80-0x9F (the rest equals ISO-8859-1). Node's TextDecoder treats
// the label "windows-1252" as plain latin-1, which would turn "€" into U+0080.
const cp1252High = [
	0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
	0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
	0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
];

export function decodeWindows1252(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 8192) {
		const part = bytes.subarray(i, i + 8192);
		const codes = new Array<number>(part.length);
		for (let j = 0; j < part.length; j++) {
			const b = part[j];
			codes[j] = b >= 0x80 && b <= 0x9f ? cp1252High[b - 0x80] : b;
		}
		out += String.fromCharCode(...codes);
	}
	return out;
}

/** Write a UTF-8 copy of a Windows-1252 file, streaming. */
export async function transcodeWindows1252(from: string, to: string): Promise<void> {
	const out = createWriteStream(to);
	for await (const chunk of createReadStream(from, { highWaterMark: 1 << 20 })) {
		if (!out.write(decodeWindows1252(chunk as Buffer))) await once(out, 'drain');
	}
	out.end();
	await once(out, 'finish');
}
