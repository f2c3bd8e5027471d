// Report definitions: reports/<id>.json at the top of the repository, one file per report.
//
// A definition is data, not code: its id, title per language, audience, the parameters it takes
// and its sections (text, tables read from named queries, charts drawn from a table, headline
// figures from metrics.ts). The engine (engine.ts) resolves it with the caller's parameters
// through the data gate into a document (model.ts); every renderer reads that one document.
// Adding a report is adding a file: the folder is read when a report is first asked for, and each
// file is checked (unknown section types, queries or parameters fail with the file's name).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../db.ts';

export const reportsDir = join(repoRoot, 'reports');

export const languages = ['nl', 'en'] as const;
export type Lang = (typeof languages)[number];

/** A text in each language the report is written in. */
export type Text = Partial<Record<Lang, string>>;

/** The parameters a report may take (report pages and `cosi report` flags). */
export const parameterNames = [
	'asOf',
	'period',
	'memberStates',
	'programme',
	'lang',
	'classification',
	'annex'
] as const;
export type ParameterName = (typeof parameterNames)[number];

/** How a column's values are typed (and so formatted, and stored in a spreadsheet). */
export const columnTypes = [
	'text',
	'code',
	'integer',
	'id',
	'number',
	'percent',
	'ratio',
	'date',
	'boolean'
] as const;
export type ColumnType = (typeof columnTypes)[number];

export interface ColumnDef {
	/** The query's column; "$memberState": the member state a perMemberState run was bound to. */
	field: string;
	label: Text;
	/** text: imported prose; code: short identifiers; id: a number shown without grouping
	 * (batch, row); percent: 0-100; ratio: 0-1. */
	type: ColumnType;
	/** Relative width in the printed and Word tables (default 1). */
	width?: number;
}

/**
 * A value bound to a named-query parameter: a literal, or "$asOf", "$from", "$to",
 * "$memberState", "$programme", "$annex" (the report's parameters; $memberState is one state at a
 * time).
 */
export type Binding = string | number | boolean | null;

/** Any section: shown only when this parameter is given (e.g. the optional annex). */
interface Conditional {
	when?: ParameterName;
}

export interface TableSection extends Conditional {
	type: 'table';
	/** The table's id: its CSV file name and spreadsheet sheet name. */
	id: string;
	title: Text;
	/** A sentence under the title (optional). */
	note?: Text;
	query: string;
	params: Record<string, Binding>;
	columns: ColumnDef[];
	/** Rows are shown under a heading per value of this column (seed 004's themes). */
	groupBy?: string;
	/** Run once per member state asked for (each bound as $memberState); none asked: once, all. */
	perMemberState?: boolean;
	/** Only rows whose column has this value (e.g. level = actor). */
	where?: Record<string, string | number | boolean | null>;
	/**
	 * Leave out the rows where this column is NULL: the EU total row that the per-member-state
	 * queries end with (GROUPING SETS), which a per-state table does not list.
	 */
	omitNull?: string;
	/** Text shown instead of an empty table. */
	empty?: Text;
	/** A long record list: small type, dates in digits. */
	compact?: boolean;
}

export interface ChartSection extends Conditional {
	type: 'chart';
	/** The table (of the same programme block) whose rows the chart draws. */
	table: string;
	title: Text;
	summary: Text;
	kind: 'barX' | 'barY';
	/** Column of the categories and of the values. */
	key: string;
	value: string;
	keyLabel: Text;
	valueLabel: Text;
	/** Values are percentages 0-100. */
	percent?: boolean;
}

export interface TextSection extends Conditional {
	type: 'text';
	/** Paragraphs, separated by blank lines; {asOf}, {programme}, ... are filled in. */
	text: Text;
}

export interface HeadingSection extends Conditional {
	type: 'heading';
	text: Text;
}

/** Sections repeated for every programme (or the one asked for), under its name as heading. */
export interface PerProgrammeSection extends Conditional {
	type: 'perProgramme';
	sections: Section[];
}

export type Section =
	TableSection | ChartSection | TextSection | HeadingSection | PerProgrammeSection;

export interface ReportDefinition {
	id: string;
	title: Text;
	/** A line under the title; placeholders as in text sections. */
	subtitle?: Text;
	description: Text;
	/** Who the report is for (reviewer, supervisor, ministry). */
	audience: string;
	/** Printed on A4 landscape (wide tables of long texts, as seed 004). */
	landscape?: boolean;
	/** The languages it can be written in; the first is the default. */
	languages: Lang[];
	parameters: ParameterName[];
	/** Default values of parameters (programme). */
	defaults?: { programme?: string; classification?: string };
	/** About member states one by one: none asked for = each of the caller's own (all together
	 * for a caller who may see all); a caller without any is refused. */
	memberStatesRequired?: boolean;
	/** Record-level reports need the caller's record scope for every member state asked for. */
	records?: boolean;
	/** Which kinds of import batch the report reads (its provenance). */
	reads: ('sharing' | 'actions' | 'retention')[];
	sections: Section[];
}

export class ReportDefinitionError extends Error {}

let loaded: Map<string, ReportDefinition> | null = null;

/** Every report definition, by id (read once per process). */
export function reportDefinitions(): Map<string, ReportDefinition> {
	if (loaded) return loaded;
	const map = new Map<string, ReportDefinition>();
	for (const file of readdirSync(reportsDir)
		.filter((f) => f.endsWith('.json'))
		.sort()) {
		const def = JSON.parse(readFileSync(join(reportsDir, file), 'utf8')) as ReportDefinition;
		checkDefinition(def, file);
		map.set(def.id, def);
	}
	loaded = map;
	return map;
}

export function reportIds(): string[] {
	return [...reportDefinitions().keys()];
}

export function checkDefinition(def: ReportDefinition, file: string): void {
	const fail = (what: string) => {
		throw new ReportDefinitionError(`reports/${file}: ${what}`);
	};
	if (!/^[a-z][a-z0-9-]*$/.test(def.id ?? '')) fail(`invalid id ${JSON.stringify(def.id)}`);
	if (file !== `${def.id}.json`) fail(`the file must be named after its id (${def.id}.json)`);
	if (!def.languages?.length || def.languages.some((l) => !languages.includes(l)))
		fail(`languages must be some of ${languages.join(', ')}`);
	for (const p of def.parameters ?? [])
		if (!parameterNames.includes(p))
			fail(`unknown parameter ${JSON.stringify(p)} (accepted: ${parameterNames.join(', ')})`);
	for (const lang of def.languages) if (!def.title?.[lang]) fail(`no ${lang} title`);
	const tableIds = new Set<string>();
	const walk = (sections: Section[]) => {
		for (const s of sections) {
			switch (s.type) {
				case 'table':
					if (!/^[a-z][a-z0-9-]*$/.test(s.id)) fail(`invalid table id ${JSON.stringify(s.id)}`);
					if (tableIds.has(s.id)) fail(`table id ${s.id} used twice`);
					tableIds.add(s.id);
					for (const c of s.columns)
						if (!columnTypes.includes(c.type))
							fail(`table ${s.id}: column ${c.field} has unknown type ${JSON.stringify(c.type)}`);
					break;
				case 'chart':
					if (!tableIds.has(s.table)) fail(`chart of unknown table ${JSON.stringify(s.table)}`);
					break;
				case 'perProgramme':
					walk(s.sections);
					break;
				case 'text':
				case 'heading':
					break;
				default:
					fail(`unknown section type ${JSON.stringify((s as { type: string }).type)}`);
			}
		}
	};
	walk(def.sections ?? []);
}
