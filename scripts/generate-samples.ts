// npm run data:generate [-- --out DIR] [-- --rows N [--formats csv,xlsx,arrow]
//                                            [--retention-rows M] [--out DIR]]
//
// Without --rows / --retention-rows: writes every sample file (and README.md) to DIR
// (default data/samples). With --rows N: writes only sharing-N.csv (and, with --formats, the
// same rows as sharing-N.xlsx and sharing-N.arrow; with --retention-rows M, retention-M.csv)
// to DIR, streamed in bounded memory with progress on stderr every million rows. Output is
// deterministic: seeded PRNG, no clock, no Math.random.

import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
	writeAllSamples,
	writeRetentionCsv,
	writeSharingCsv,
	type Written
} from './samples/files.ts';
import { writeSharingArrow, writeSharingXlsx } from './samples/formats.ts';
import { writeReadme } from './samples/readme.ts';

const sharingFormats = {
	csv: writeSharingCsv,
	xlsx: writeSharingXlsx,
	arrow: writeSharingArrow
} as const;
type SharingFormat = keyof typeof sharingFormats;

function formatList(value: string | undefined): SharingFormat[] {
	const list = (value ?? 'csv').split(',').map((f) => f.trim());
	for (const f of list) {
		if (!(f in sharingFormats)) {
			throw new Error(`--formats: unknown format "${f}" (expected csv, xlsx, arrow)`);
		}
	}
	return list as SharingFormat[];
}

function positiveInt(name: string, value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const n = Number(value.replaceAll('_', ''));
	if (!Number.isSafeInteger(n) || n < 1) {
		throw new Error(`--${name} must be a positive whole number, got "${value}"`);
	}
	return n;
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			out: { type: 'string' },
			rows: { type: 'string' },
			'retention-rows': { type: 'string' },
			formats: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		},
		strict: true
	});
	if (values.help) {
		process.stdout.write(
			'Usage: tsx scripts/generate-samples.ts [--out DIR] [--rows N [--formats csv,xlsx,arrow]] [--retention-rows M]\n'
		);
		return;
	}
	const rows = positiveInt('rows', values.rows);
	const retentionRows = positiveInt('retention-rows', values['retention-rows']);
	const formats = formatList(values.formats);
	const out = resolve(values.out ?? 'data/samples');
	mkdirSync(out, { recursive: true });

	const started = performance.now();
	const onProgress = (file: string, n: number, seconds: number): void => {
		const rate = Math.round(n / seconds);
		process.stderr.write(
			`${file}: ${n.toLocaleString('en-US')} rows (${rate.toLocaleString('en-US')} rows/s)\n`
		);
	};

	let written: Written = [];
	if (rows === undefined && retentionRows === undefined) {
		written = await writeAllSamples(out, { onProgress });
		writeReadme(out, written);
	} else {
		if (rows !== undefined) {
			for (const format of formats) {
				await sharingFormats[format](out, `sharing-${rows}.${format}`, rows, written, {
					onProgress
				});
			}
		}
		if (retentionRows !== undefined) {
			await writeRetentionCsv(out, `retention-${retentionRows}.csv`, retentionRows, written, {
				onProgress
			});
		}
	}
	const seconds = (performance.now() - started) / 1000;
	for (const w of written) process.stderr.write(`wrote ${out}/${w.file} (${w.rows} rows)\n`);
	if (rows === undefined && retentionRows === undefined) {
		process.stderr.write(`wrote ${out}/README.md\n`);
	}
	process.stderr.write(`done in ${seconds.toFixed(2)} s\n`);
}

main().catch((err: unknown) => {
	process.stderr.write(`generate-samples: ${err instanceof Error ? err.message : String(err)}\n`);
	process.exit(1);
});
