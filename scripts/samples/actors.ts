// Actor codes (as in data/reference/actors.csv) and the heavy-tailed volumes the samples use.

export const MEMBER_STATES = [
	'AT',
	'BE',
	'BG',
	'CY',
	'CZ',
	'DE',
	'DK',
	'EE',
	'EL',
	'ES',
	'FI',
	'FR',
	'HR',
	'HU',
	'IE',
	'IT',
	'LT',
	'LU',
	'LV',
	'MT',
	'NL',
	'PL',
	'PT',
	'RO',
	'SE',
	'SI',
	'SK'
] as const;

export type MemberState = (typeof MEMBER_STATES)[number];

export const EU_BODIES = [
	'EUROPOL',
	'EULISA',
	'FRONTEX',
	'COM',
	'EUCTC',
	'EUROJUST',
	'CTG'
] as const;

/**
 * Relative volume of counter-terrorism information per member state: roughly Zipf-like, with
 * FR, DE, ES, IT, NL and BE large and MT, CY and LU tiny (cf. the domain brief: France alone
 * held over 96,000 of 155,910 Article 36 person alerts in 2018; five member states contributed
 * over 90 % of Europol's FTF records). Invented for samples, not statistics.
 */
export const MS_VOLUME: ReadonlyArray<readonly [MemberState, number]> = [
	['FR', 100],
	['DE', 78],
	['ES', 52],
	['IT', 46],
	['NL', 40],
	['BE', 34],
	['AT', 14],
	['SE', 12],
	['PL', 9],
	['DK', 8],
	['EL', 7],
	['PT', 5.5],
	['CZ', 4.5],
	['IE', 4],
	['FI', 3.6],
	['HU', 3.2],
	['RO', 3],
	['BG', 2.6],
	['HR', 2.2],
	['SK', 1.8],
	['SI', 1.5],
	['LT', 1.2],
	['LV', 1],
	['EE', 0.9],
	['LU', 0.45],
	['CY', 0.35],
	['MT', 0.25]
];

/**
 * Expand a `responsible` value ("MS COM EUROPOL") into actor codes: `MS` stands for all 27
 * member states, in the order of MEMBER_STATES.
 */
export function expandResponsible(responsible: string): string[] {
	const out: string[] = [];
	for (const code of responsible.split(/\s+/).filter(Boolean)) {
		if (code === 'MS') out.push(...MEMBER_STATES);
		else out.push(code);
	}
	return [...new Set(out)];
}
