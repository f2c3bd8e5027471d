// The fixed words of a report document in each report language (the report's language is a
// parameter, independent of the reader's interface language).
import type { Lang } from './definition.ts';

const words = {
	nl: {
		provenance: 'Herkomst',
		provenanceIntro:
			'Deze rapportage is berekend uit de onderstaande importbestanden. Dezelfde parameters op dezelfde gegevens geven dezelfde cijfers en dezelfde vingerafdruk.',
		generatedAt: 'Gegenereerd op',
		fingerprint: 'Vingerafdruk van de gegevens',
		parameters: 'Parameters',
		batches: 'Gelezen importbestanden',
		noBatches: 'Geen importbestanden.',
		batch: 'Batch',
		kind: 'Soort',
		file: 'Bestand',
		sha256: 'SHA-256',
		importedAt: 'Geïmporteerd op',
		importedBy: 'Door',
		rows: 'Rijen',
		asOf: 'Peildatum',
		period: 'Periode',
		memberStates: 'Lidstaten',
		allMemberStates: 'alle lidstaten binnen het bereik van de gebruiker',
		programme: 'Programma',
		allProgrammes: 'alle programma’s',
		language: 'Taal',
		classification: 'Rubricering',
		annex: 'Bijlage moties en toezeggingen',
		page: 'pagina',
		of: 'van',
		from: 'vanaf',
		until: 'tot en met',
		noRows: 'Geen rijen.',
		rowsCount: 'rijen'
	},
	en: {
		provenance: 'Provenance',
		provenanceIntro:
			'This report was computed from the import batches below. The same parameters on the same data give the same figures and the same fingerprint.',
		generatedAt: 'Generated',
		fingerprint: 'Data fingerprint',
		parameters: 'Parameters',
		batches: 'Import batches read',
		noBatches: 'No import batches.',
		batch: 'Batch',
		kind: 'Kind',
		file: 'File',
		sha256: 'SHA-256',
		importedAt: 'Imported at',
		importedBy: 'By',
		rows: 'Rows',
		asOf: 'As of',
		period: 'Period',
		memberStates: 'Member states',
		allMemberStates: 'all member states in the user’s scope',
		programme: 'Programme',
		allProgrammes: 'all programmes',
		language: 'Language',
		classification: 'Classification',
		annex: 'Annex of motions and commitments',
		page: 'page',
		of: 'of',
		from: 'from',
		until: 'to',
		noRows: 'No rows.',
		rowsCount: 'rows'
	}
} satisfies Record<Lang, Record<string, string>>;

export type Words = (typeof words)['en'];

export function wordsFor(lang: Lang): Words {
	return words[lang];
}
