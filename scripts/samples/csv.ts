// CSV formatting, Windows-1252 encoding and a streaming file writer with backpressure.

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Quote a CSV field when it holds the delimiter, a quote, a line break or edge spaces. */
export function csvField(value: string, delimiter = ','): string {
	if (value === '') return '';
	const needsQuotes =
		value.includes(delimiter) ||
		value.includes('"') ||
		value.includes('\n') ||
		value.includes('\r') ||
		value[0] === ' ' ||
		value[value.length - 1] === ' ';
	return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV record (without its line ending). */
export function csvLine(fields: readonly string[], delimiter = ','): string {
	return fields.map((f) => csvField(f, delimiter)).join(delimiter);
}

// Windows-1252 bytes 0x80-0x9F (the rest of 0x00-0xFF equals Latin-1 / the Unicode code point).
const CP1252_HIGH: Record<number, number> = {
	0x20ac: 0x80,
	0x201a: 0x82,
	0x0192: 0x83,
	0x201e: 0x84,
	0x2026: 0x85,
	0x2020: 0x86,
	0x2021: 0x87,
	0x02c6: 0x88,
	0x2030: 0x89,
	0x0160: 0x8a,
	0x2039: 0x8b,
	0x0152: 0x8c,
	0x017d: 0x8e,
	0x2018: 0x91,
	0x2019: 0x92,
	0x201c: 0x93,
	0x201d: 0x94,
	0x2022: 0x95,
	0x2013: 0x96,
	0x2014: 0x97,
	0x02dc: 0x98,
	0x2122: 0x99,
	0x0161: 0x9a,
	0x203a: 0x9b,
	0x0153: 0x9c,
	0x017e: 0x9e,
	0x0178: 0x9f
};

/** Byte of one character in Windows-1252, or undefined when it has none. */
export function cp1252Byte(codePoint: number): number | undefined {
	if (codePoint < 0x80 || (codePoint >= 0xa0 && codePoint <= 0xff)) return codePoint;
	return CP1252_HIGH[codePoint];
}

/** Encode text as Windows-1252; throws on any character the code page lacks. */
export function encodeCp1252(text: string): Buffer {
	const out = Buffer.alloc(text.length);
	let n = 0;
	for (const ch of text) {
		const cp = ch.codePointAt(0) as number;
		const b = cp1252Byte(cp);
		if (b === undefined) {
			throw new Error(
				`character U+${cp.toString(16).toUpperCase().padStart(4, '0')} (${ch}) has no Windows-1252 byte`
			);
		}
		out[n++] = b;
	}
	return out.subarray(0, n);
}

/** Decode Windows-1252 bytes (for tests and checks). */
export function decodeCp1252(bytes: Uint8Array): string {
	const reverse = new Map<number, number>();
	for (const [cp, b] of Object.entries(CP1252_HIGH)) reverse.set(b, Number(cp));
	let s = '';
	for (const b of bytes) s += String.fromCodePoint(reverse.get(b) ?? b);
	return s;
}

export const UTF8_BOM = '\uFEFF';

export interface StreamOptions {
	/** Written first and not counted as a line (e.g. a CSV header). */
	header?: string;
	/** Called every `progressEvery` lines with the lines written so far and seconds elapsed. */
	onProgress?: (lines: number, seconds: number) => void;
	progressEvery?: number;
	/** Flush to the stream once this many UTF-16 code units are buffered. */
	chunkChars?: number;
}

/**
 * Write lines (each already terminated) to a UTF-8 file in bounded memory: lines are
 * gathered into chunks of about 1 MB, and after each chunk the writer waits for 'drain'
 * when the stream's buffer is full. Returns the number of lines (header excluded).
 */
export async function writeLinesStreaming(
	path: string,
	lines: Iterable<string>,
	options: StreamOptions = {}
): Promise<number> {
	const chunkChars = options.chunkChars ?? 1 << 20;
	const progressEvery = options.progressEvery ?? 1_000_000;
	const started = performance.now();
	const stream = createWriteStream(path, { highWaterMark: 1 << 22 });
	const failed = new Promise<never>((_, reject) => stream.once('error', reject));
	failed.catch(() => undefined);
	let buffer = options.header ?? '';
	let count = 0;
	for (const line of lines) {
		buffer += line;
		count++;
		if (options.onProgress && count % progressEvery === 0) {
			options.onProgress(count, (performance.now() - started) / 1000);
		}
		if (buffer.length >= chunkChars) {
			const ok = stream.write(buffer);
			buffer = '';
			if (!ok) await Promise.race([once(stream, 'drain'), failed]);
		}
	}
	if (buffer.length > 0) stream.write(buffer);
	stream.end();
	await Promise.race([once(stream, 'finish'), failed]);
	return count;
}
