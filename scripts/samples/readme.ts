// data/samples/README.md, written by the generator so that its row counts are always right.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AIAJ_MEASURES, AIAJ_ROUND1, deriveStatus } from './aiaj.ts';
import { CT_AFG, CT_AFG_RECOMMENDATIONS } from './ct-afg.ts';
import type { Written } from './files.ts';
import { ROADMAP, ROADMAP_ACTIONS } from './roadmap.ts';

/** "29 ongoing (…), 2 implemented (13, 25), 7 in_progress (4, 6, …)" for round 1. */
function round1Summary(): string {
	const groups = new Map<string, number[]>();
	for (const m of AIAJ_MEASURES) {
		const status = deriveStatus(m.planning, AIAJ_ROUND1);
		groups.set(status, [...(groups.get(status) ?? []), m.nr]);
	}
	return [...groups.entries()]
		.map(([status, nrs]) =>
			status === 'ongoing' ? `${nrs.length} ongoing` : `${nrs.length} ${status} (${nrs.join(', ')})`
		)
		.join(', ');
}

export function readmeText(written: Written): string {
	const rows = (file: string): string => {
		const w = written.find((x) => x.file === file);
		return w ? String(w.rows).replace(/\B(?=(\d{3})+$)/g, ',') : '-';
	};
	const seedTitles = CT_AFG_RECOMMENDATIONS.filter((r) => r.source === 'numbered')
		.map((r) => r.id)
		.join(', ');
	const mentioned = CT_AFG_RECOMMENDATIONS.filter((r) => r.source === 'mentioned')
		.map((r) => r.id)
		.join(', ');
	const L: string[] = [
		'# Sample data',
		'',
		'Written by `npm run data:generate` (`scripts/generate-samples.ts` and `scripts/samples/*.ts`).',
		'Do not edit these files by hand: change the generator and run it again. The output is',
		'deterministic (seeded PRNG, no clock): running the generator twice gives byte-identical files.',
		'',
		'**Everything here is sample data for demos and tests.** The only real content is the',
		'transcription of the seed-004 progress table (AIAJ round 2016-06-30). All other reporting',
		'rounds, sharing decisions, retention records, document numbers and status histories are',
		'invented. Persons appear only as pseudonyms (`P-7F3A21`), never by name.',
		'',
		'| file | data rows | format |',
		'| --- | ---: | --- |'
	];
	const formats: Record<string, string> = {
		'actions-aiaj-2016-06-30-nl-voortgang.csv':
			'Dutch Excel export: `;`, Windows-1252, CRLF, no BOM, no status column',
		'actions-aiaj-2016-12-31-nl-voortgang.csv':
			'Dutch Excel export: `;`, UTF-8 with BOM, CRLF, Status column',
		'actions-aiaj-2017-06-30-nl-voortgang.csv':
			'Dutch Excel export: `;`, UTF-8 with BOM, CRLF, Status and Peildatum (dd-mm-jjjj) columns',
		'actions-eu-roadmap.csv': 'canonical CSV (actions)',
		'actions-ct-afg-2021.csv': 'canonical CSV (actions)',
		'sharing.csv': 'canonical CSV (sharing)',
		'retention.csv': 'canonical CSV (retention)',
		'sharing-nl-excel.csv':
			'Dutch Excel export: `;`, Windows-1252, CRLF, dd-mm-jjjj, ja/nee, Dutch headers and values',
		'sharing.ndjson': 'NDJSON, canonical field names, JSON booleans, null = missing',
		'retention.json': 'JSON array, canonical field names, JSON booleans, null = missing'
	};
	for (const [file, format] of Object.entries(formats)) {
		L.push(`| \`${file}\` | ${rows(file)} | ${format} |`);
	}
	L.push(
		'',
		'Canonical CSV: comma-delimited, UTF-8 without BOM, LF line endings, a header row of canonical',
		'field names, dates `YYYY-MM-DD`, booleans `true`/`false`, empty field = missing; fields holding',
		'a comma, quote or line break are quoted (RFC 4180). Text is stored exactly as given, including',
		'line breaks and characters such as `<`, `>`, `&` and quotes.',
		'',
		'## Actions',
		'',
		'### AIAJ: Actieprogramma Integrale Aanpak Jihadisme',
		'',
		'Import with programme `AIAJ`, actor `NL` and the peildatum in the file name (the files carry',
		'neither programme nor actor).',
		'',
		`- \`actions-aiaj-2016-06-30-nl-voortgang.csv\`: all ${AIAJ_MEASURES.length} measures of the sixth`,
		'  progress report (seed 004), columns `Thema;Nr;Omschrijving;Planning;Stand van zaken;Recente',
		"  ontwikkelingen`. Thema is the seed's heading (1. Risicoreductie jihadgangers: 1-13;",
		'  2. Interventies uitreis: 14-17; 3. Radicalisering: 18-20; 4. Radicalisering tegengaan: 21-28;',
		'  5. Sociale media: 29; 6. Informatie-uitwisseling: 30-38). Omschrijving and Planning are the',
		'  full seed text (PDF line wrapping joined); Stand van zaken and Recente ontwikkelingen are',
		'  faithful excerpts (whole sentences from the seed, abridged; paragraphs separated by a line',
		'  break inside the quoted cell). The seed reports measures 27 and 28 in one joint row; here',
		'  each has its own row with the excerpts that belong to it.',
		'- There is no status column: the importer derives the status from Planning at the peildatum',
		'  (`deriveStatus` in `scripts/samples/aiaj.ts`): "doorlopend toegepast"/"doorlopend" → ongoing;',
		'  "gereed" → implemented; "<year> gereed" → implemented if year < peildatum year, else',
		'  in_progress; "onderzoek lopend" and anything else (e.g. "2016", "2015/2016") → in_progress.',
		`  At ${AIAJ_ROUND1} this gives ${round1Summary()}.`,
		'- `actions-aiaj-2016-12-31-…` and `actions-aiaj-2017-06-30-…` are **invented** later rounds.',
		'  Their Recente ontwikkelingen start with `[VOORBEELD] `; Stand van zaken repeats round 1.',
		'  Status (gereed, doorlopend toegepast, doorlopend, lopend, n.v.t.) follows the same rules at',
		'  the round\'s peildatum, reading "2015/2016" as "2016 gereed", plus two invented events:',
		'  measure 6 finishes its study by 2017-06-30 and measure 28 is reported jointly with 27 from',
		'  2017-06-30 (n.v.t.). No status moves backwards. "niet gestart" does not occur: every measure',
		'  had started by 2016.',
		'',
		`### EU-ROADMAP-2016 (\`actions-eu-roadmap.csv\`)`,
		'',
		`An **illustrative** catalogue of ${ROADMAP_ACTIONS.length} actions modelled on the June 2016 Roadmap to`,
		'enhance information exchange and information management (Council doc 9368/1/16 REV 1), using',
		'the actions seed 000 names (uniform criteria and terrorism marker for SIS II alerts, the new',
		'SIS II inquiry-check follow-up option, stronger SPOCs, the Universal Messaging Format, full',
		'Europol use of SIS/VIS/Eurodac, harmonised security checks in hotspots). Chapters: 1 Information',
		'management and exchange (1-12), 2 Strengthening the SIS (13-24), 3 Counter-terrorism',
		'information exchange (25-40), 4 Border management and migration (41-50).',
		'',
		`- Reporting rounds: ${ROADMAP.rounds.map((r) => r.date).join(', ')}; evidence_ref is the round's`,
		`  document (${ROADMAP.rounds.map((r) => r.evidenceRef).join(', ')}); only 13554/16 (the first`,
		'  state of play, Oct 2016) is a real reference, the others are invented.',
		'- One row per responsible actor (`MS` expands to the 27 member states) per round. About 6 % of',
		'  reports are missing (actor skipped in a round); statuses only move forward; not_applicable',
		'  where an action cannot apply (hotspot actions outside EL and IT, SIS actions for IE and CY,',
		'  Schengen border actions for IE) plus a few random ones; completion_pct on in_progress rows',
		'  (empty for about a quarter); NO and CH (Schengen-associated) also report on actions 13-14.',
		'',
		'notes: numbering is not official. Titles, chapters, deadlines and responsible parties are',
		'modelled on the Roadmap for demonstration; check the Council document for the real catalogue.',
		'',
		`### CT-AFG-2021 (\`actions-ct-afg-2021.csv\`)`,
		'',
		`The ${CT_AFG_RECOMMENDATIONS.length} recommendations of the EU Counter-Terrorism Action Plan on Afghanistan (2021) in its`,
		'four topics, as seed 002 lists them: (a) veiligheidscontroles / security checks,',
		'(b) strategische inlichtingen/prognoses / strategic intelligence and foresight, (c) monitoren en',
		'bestrijden van propaganda en mobilisatie, (d) bestrijden van georganiseerde criminaliteit als',
		'bron van terrorismefinanciering.',
		'',
		`- **The seed gives only the count, the topics and the content of recommendations ${seedTitles}.**`,
		`  Recommendations ${mentioned} are subjects the seed mentions without a number (battlefield`,
		'  information, strategic information exchange with key partners, cooperation with',
		"  Afghanistan's neighbours, opium as a source of financing). All other titles are short",
		'  illustrative titles written to fit their topic, and the split over the topics (1-7, 8-11,',
		'  12-17, 18-23) is assumed. Deadlines and responsible parties are invented.',
		`- Rounds ${CT_AFG.rounds.map((r) => r.date).join(', ')}; evidence_ref numbers are invented.`,
		'',
		'## Sharing',
		'',
		'- `sharing.csv`: decisions from 2023-01-01 to 2025-12-31 in event order (`SH-0000001`…),',
		'  extracted at 2025-12-31 (no date later than that). Volumes per member state are heavy-tailed',
		'  (FR, DE, ES, IT, NL, BE large; LU, CY, MT tiny); channels weighted (SIENA, SIS most);',
		'  relevant = true for about 92 %; about 85 % shared, 11 % withheld, 4 % pending (pending mostly',
		'  in the last months); withholding grounds mostly ongoing_investigation and',
		'  third_party_consent (the latter more on CTG and INTERPOL); about 15 % of withheld rows without',
		'  documented weighing (some member states much worse) and about 3 % without a ground;',
		'  shared_on 0-60 days after occurred_on (most within days) only on shared rows; weighing_ref',
		'  (`AFW-NL-2024-0123`) when the weighing is documented; context_provided only on shared rows.',
		'- `sharing-nl-excel.csv`: 1,000 Dutch (NL) decisions with ids `NLX-000001`… (distinct from',
		'  sharing.csv), headers `Gebeurtenis-ID;Datum;Lidstaat;Kanaal;Relevant;Besluit;Ontvanger;',
		'  Categorie;Gedeeld op;Weigeringsgrond;Afweging vastgelegd;Afwegingskenmerk;',
		'  Terrorisme-markering;Context meegegeven;Subject-ref`, Besluit gedeeld / niet gedeeld / in',
		'  afwachting, Weigeringsgrond lopend onderzoek / veiligheid van personen / toestemming derde',
		'  land / juridisch / operationeel / overig.',
		'- `sharing.ndjson`: 500 decisions (`NDJ-000001`…), one JSON object per line.',
		'',
		'## Retention',
		'',
		'- `retention.csv`: registrations and alerts created 2015-01-01 to 2025-12-31, extracted at',
		'  2025-12-31. NL (with the Dutch registers) is the largest jurisdiction, the others are',
		'  heavy-tailed. Registers and legal bases: SIS → SIS-36/SIS-26/SIS-24 (alerts), CTER →',
		'  WPG-8/WPG-9 (mostly registrations), EIS → EUROPOL (registrations), PASSPORT → PASSPORT-23',
		'  (alerts). Reviews follow the rules in `data/reference/retention_rules.csv`; most records are',
		'  reviewed on time, some late, some not any more, a few never. Interesting cases that occur:',
		'  overdue reviews (already at 2025-12-31, and many more at 2026-06-30), Wpg records kept past',
		'  the 5-year maximum and still active, Wpg records deleted after the maximum (late deletion),',
		'  and alerts without an impact assessment (impact_assessed false or empty; rarer for alerts',
		'  created from mid-2024).',
		'- `retention.json`: 300 records (`RJ-000001`…) as one JSON array.',
		'',
		'## Larger files',
		'',
		'`npm run data:generate -- --rows 10000000 --retention-rows 1000000 --out DIR` writes only',
		'`sharing-10000000.csv` and `retention-1000000.csv` to DIR (default `data/samples`), streamed in',
		'bounded memory with progress on stderr. The same seed gives the same rows as `sharing.csv` for',
		'`--rows 100000`. Parquet, Arrow and XLSX samples are produced by other code.',
		''
	);
	return L.join('\n');
}

export function writeReadme(dir: string, written: Written): void {
	writeFileSync(join(dir, 'README.md'), readmeText(written), 'utf8');
}
