// What the report pages show of a report definition (shared by the server module and the
// components; the definitions themselves are read on the server, src/lib/server/reports/).

export interface ReportCard {
	id: string;
	/** The description in the reader's language. */
	description: string;
	audience: string;
	languages: string[];
	/** asOf, period, memberStates, programme, lang, classification. */
	parameters: string[];
	memberStatesRequired: boolean;
	/** Lists records: the member states offered are those whose records the caller may see. */
	records: boolean;
	defaultProgramme: string | null;
}

export interface Option {
	value: string;
	label: string;
}
