// Writers for every sample file. Small files are built in memory; the sharing and retention
// CSVs are streamed row by row so that any size fits in bounded memory.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	AIAJ_LATER_ROUNDS,
	AIAJ_MEASURES,
	AIAJ_ROUND1,
	deriveStatus,
	dutchStatus,
	laterRoundNote,
	laterRoundStatus
} from './aiaj.ts';
import { CT_AFG } from './ct-afg.ts';
import { UTF8_BOM, csvLine, encodeCp1252, writeLinesStreaming } from './csv.ts';
import { dutchDate } from './dates.ts';
import { ACTION_HEADER, programmeRows, type ProgrammeSpec } from './progress.ts';
import { RETENTION_HEADER, retentionCsvLine, retentionRows } from './retention.ts';
import { ROADMAP } from './roadmap.ts';
import {
	SHARING_HEADER,
	SHARING_NL_HEADER,
	sharingCsvLine,
	sharingNlFields,
	sharingRows
} from './sharing.ts';

/** Name and number of data rows of each file written, for the README and the report. */
export type Written = Array<{ file: string; rows: number }>;

export const AIAJ_HEADER = [
	'Thema',
	'Nr',
	'Omschrijving',
	'Planning',
	'Stand van zaken',
	'Recente ontwikkelingen'
] as const;

export const aiajFileName = (peildatum: string): string =>
	`actions-aiaj-${peildatum}-nl-voortgang.csv`;

/** Round 1 (seed 004): Dutch Excel export, `;`, Windows-1252, CRLF, no status column. */
export function writeAiajRound1(dir: string, written: Written): void {
	const lines = [csvLine(AIAJ_HEADER, ';')];
	for (const m of AIAJ_MEASURES) {
		lines.push(
			csvLine(
				[
					m.theme,
					String(m.nr),
					m.description,
					m.planning,
					m.standVanZaken,
					m.recenteOntwikkelingen
				],
				';'
			)
		);
	}
	const file = aiajFileName(AIAJ_ROUND1);
	writeFileSync(join(dir, file), encodeCp1252(lines.join('\r\n') + '\r\n'));
	written.push({ file, rows: AIAJ_MEASURES.length });
}

/**
 * The two invented later rounds: UTF-8 with BOM, `;`, CRLF, an extra Status column with Dutch
 * phrasings; the last round also carries a Peildatum column (dd-mm-jjjj) on every row.
 */
export function writeAiajLaterRounds(dir: string, written: Written): void {
	let previous = new Map(AIAJ_MEASURES.map((m) => [m.nr, deriveStatus(m.planning, AIAJ_ROUND1)]));
	AIAJ_LATER_ROUNDS.forEach((peildatum, index) => {
		const withPeildatum = index === AIAJ_LATER_ROUNDS.length - 1;
		const header = [
			'Thema',
			'Nr',
			'Omschrijving',
			'Planning',
			'Status',
			'Stand van zaken',
			'Recente ontwikkelingen',
			...(withPeildatum ? ['Peildatum'] : [])
		];
		const lines = [csvLine(header, ';')];
		const current = new Map<number, ReturnType<typeof laterRoundStatus>>();
		for (const m of AIAJ_MEASURES) {
			const status = laterRoundStatus(m, peildatum);
			current.set(m.nr, status);
			const note = laterRoundNote(m, peildatum, status, previous.get(m.nr) ?? status);
			lines.push(
				csvLine(
					[
						m.theme,
						String(m.nr),
						m.description,
						m.planning,
						dutchStatus(status, m.planning),
						m.standVanZaken,
						note,
						...(withPeildatum ? [dutchDate(peildatum)] : [])
					],
					';'
				)
			);
		}
		previous = current;
		const file = aiajFileName(peildatum);
		writeFileSync(join(dir, file), UTF8_BOM + lines.join('\r\n') + '\r\n', 'utf8');
		written.push({ file, rows: AIAJ_MEASURES.length });
	});
}

/** A programme's status rows in canonical CSV (comma, UTF-8 without BOM, LF). */
export function writeProgramme(
	dir: string,
	file: string,
	spec: ProgrammeSpec,
	written: Written
): void {
	const lines = [ACTION_HEADER.join(',')];
	for (const row of programmeRows(spec)) lines.push(csvLine(ACTION_HEADER.map((k) => row[k])));
	writeFileSync(join(dir, file), lines.join('\n') + '\n', 'utf8');
	written.push({ file, rows: lines.length - 1 });
}

export interface ProgressOptions {
	/** Called every million rows with the file name, rows written so far and seconds spent. */
	onProgress?: (file: string, rows: number, seconds: number) => void;
}

/** Stream canonical CSV lines under `header` to `file` in `dir`, reporting every million rows. */
async function writeCanonicalCsv(
	dir: string,
	file: string,
	header: readonly string[],
	lines: Iterable<string>,
	rows: number,
	written: Written,
	options: ProgressOptions
): Promise<void> {
	await writeLinesStreaming(join(dir, file), lines, {
		header: header.join(',') + '\n',
		onProgress: (n, seconds) => options.onProgress?.(file, n, seconds),
		progressEvery: 1_000_000
	});
	written.push({ file, rows });
}

/** Stream `rows` canonical sharing rows to `file` in `dir`. */
export function writeSharingCsv(
	dir: string,
	file: string,
	rows: number,
	written: Written,
	options: ProgressOptions = {}
): Promise<void> {
	function* lines(): Generator<string> {
		for (const row of sharingRows({ rows })) yield sharingCsvLine(row) + '\n';
	}
	return writeCanonicalCsv(dir, file, SHARING_HEADER, lines(), rows, written, options);
}

/** Stream `rows` canonical retention rows to `file` in `dir`. */
export function writeRetentionCsv(
	dir: string,
	file: string,
	rows: number,
	written: Written,
	options: ProgressOptions = {}
): Promise<void> {
	function* lines(): Generator<string> {
		for (const row of retentionRows({ rows })) yield retentionCsvLine(row) + '\n';
	}
	return writeCanonicalCsv(dir, file, RETENTION_HEADER, lines(), rows, written, options);
}

export const NL_EXCEL_ROWS = 1000;
export const NDJSON_ROWS = 500;
export const RETENTION_JSON_ROWS = 300;

/** 1,000 Dutch sharing rows as a Dutch Excel export (`;`, Windows-1252, CRLF, Dutch values). */
export function writeSharingNlExcel(dir: string, written: Written): void {
	const lines = [csvLine(SHARING_NL_HEADER, ';')];
	const rows = sharingRows({
		rows: NL_EXCEL_ROWS,
		seed: 31,
		idPrefix: 'NLX-',
		idPad: 6,
		memberState: 'NL'
	});
	for (const row of rows) lines.push(csvLine(sharingNlFields(row), ';'));
	const file = 'sharing-nl-excel.csv';
	writeFileSync(join(dir, file), encodeCp1252(lines.join('\r\n') + '\r\n'));
	written.push({ file, rows: NL_EXCEL_ROWS });
}

/** 500 sharing rows as NDJSON: canonical names, JSON booleans, null for missing. */
export function writeSharingNdjson(dir: string, written: Written): void {
	const lines: string[] = [];
	for (const row of sharingRows({ rows: NDJSON_ROWS, seed: 47, idPrefix: 'NDJ-', idPad: 6 })) {
		lines.push(JSON.stringify(row));
	}
	const file = 'sharing.ndjson';
	writeFileSync(join(dir, file), lines.join('\n') + '\n', 'utf8');
	written.push({ file, rows: NDJSON_ROWS });
}

/** 300 retention records as one JSON array (one record per line). */
export function writeRetentionJson(dir: string, written: Written): void {
	const lines: string[] = [];
	for (const row of retentionRows({
		rows: RETENTION_JSON_ROWS,
		seed: 59,
		idPrefix: 'RJ-',
		idPad: 6
	})) {
		lines.push(JSON.stringify(row));
	}
	const file = 'retention.json';
	writeFileSync(join(dir, file), '[\n' + lines.join(',\n') + '\n]\n', 'utf8');
	written.push({ file, rows: RETENTION_JSON_ROWS });
}

export const SHARING_ROWS = 100_000;
export const RETENTION_ROWS = 50_000;

/** Every default sample, then the README describing them. */
export async function writeAllSamples(
	dir: string,
	options: ProgressOptions = {}
): Promise<Written> {
	const written: Written = [];
	writeAiajRound1(dir, written);
	writeAiajLaterRounds(dir, written);
	writeProgramme(dir, 'actions-eu-roadmap.csv', ROADMAP, written);
	writeProgramme(dir, 'actions-ct-afg-2021.csv', CT_AFG, written);
	await writeSharingCsv(dir, 'sharing.csv', SHARING_ROWS, written, options);
	await writeRetentionCsv(dir, 'retention.csv', RETENTION_ROWS, written, options);
	writeSharingNlExcel(dir, written);
	writeSharingNdjson(dir, written);
	writeRetentionJson(dir, written);
	return written;
}
