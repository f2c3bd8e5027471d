// Reference lists the server checks URL parameters against, read from data/reference/ (the
// same files the database loads at every start): the sharing channels and their aliases.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceDir } from './db.ts';

/** The rows of one of our own reference files: plain comma-separated, no quoted cells. */
function referenceRows(file: string): Record<string, string>[] {
	const [header, ...lines] = readFileSync(join(referenceDir, file), 'utf8')
		.split(/\r?\n/)
		.filter((l) => l.trim() !== '');
	const names = header.split(',');
	return lines.map((line, i) => {
		if (line.includes('"'))
			throw new Error(`data/reference/${file}, row ${i + 2}: quoted cells are not read here`);
		const cells = line.split(',');
		return Object.fromEntries(names.map((n, j) => [n, cells[j]?.trim() ?? '']));
	});
}

interface Channels {
	codes: string[];
	byName: Map<string, string>;
}

let channels: Channels | null = null;

function loadChannels(): Channels {
	const codes = referenceRows('channels.csv').map((r) => r.code);
	const byName = new Map(codes.map((c) => [c, c]));
	for (const r of referenceRows('channel_aliases.csv')) byName.set(r.alias.toUpperCase(), r.code);
	return { codes: codes.sort(), byName };
}

/** The channel code for `input` (a code or an alias, any case), or null when unknown. */
export function channelCode(input: string): string | null {
	channels ??= loadChannels();
	return channels.byName.get(input.trim().toUpperCase()) ?? null;
}

/** The known channel codes, sorted (for messages naming the accepted values). */
export function channelCodes(): readonly string[] {
	channels ??= loadChannels();
	return channels.codes;
}
