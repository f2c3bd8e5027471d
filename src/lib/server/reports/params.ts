// A report's parameters as typed by a user (CLI flags or the report form), checked against what
// the report takes. Every error names the parameter as the user wrote it and the accepted values.
import { MAX_YEAR, MIN_YEAR, typedDate } from '../../dates.ts';
import { todayIso } from '../clock.ts';
import { languages, type Lang, type ParameterName, type ReportDefinition } from './definition.ts';
import type { ReportParams } from './model.ts';

/** A parameter the user got wrong (exit 2 on the command line, 400 in the app). */
export class ReportParamError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ReportParamError';
	}
}

/** Asked about a member state outside the caller's scope (403 in the app). */
export class ReportScopeError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ReportScopeError';
	}
}

export interface RawParams {
	asOf?: string | null;
	from?: string | null;
	to?: string | null;
	memberStates?: string[];
	programme?: string | null;
	lang?: string | null;
	classification?: string | null;
	annex?: string | null;
}

/** How each parameter is called where the user typed it. */
export type ParamLabels = Record<keyof RawParams, string>;

export const cliLabels: ParamLabels = {
	asOf: '--as-of',
	from: '--from',
	to: '--to',
	memberStates: '--member-state',
	programme: '--programme',
	lang: '--lang',
	classification: '--classification',
	annex: '--annex'
};

export const formLabels: ParamLabels = {
	asOf: 'asOf',
	from: 'from',
	to: 'to',
	memberStates: 'ms',
	programme: 'programme',
	lang: 'lang',
	classification: 'classification',
	annex: 'annex'
};

/** Which of a definition's parameters each raw value belongs to. */
export const parameterOf: Record<keyof RawParams, ParameterName> = {
	asOf: 'asOf',
	from: 'period',
	to: 'period',
	memberStates: 'memberStates',
	programme: 'programme',
	lang: 'lang',
	classification: 'classification',
	annex: 'annex'
};

function given(v: unknown): boolean {
	return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null && v !== '';
}

/** Check the syntax of every parameter; programme and member states are checked against the data later. */
export function parseReportParams(
	def: ReportDefinition,
	raw: RawParams,
	labels: ParamLabels = cliLabels
): ReportParams {
	for (const key of Object.keys(raw) as (keyof RawParams)[]) {
		if (given(raw[key]) && !def.parameters.includes(parameterOf[key]))
			throw new ReportParamError(
				`report ${def.id} takes no ${labels[key]} (accepted: ${def.parameters
					.flatMap((p) =>
						(Object.keys(parameterOf) as (keyof RawParams)[]).filter((k) => parameterOf[k] === p)
					)
					.map((k) => labels[k])
					.join(', ')})`
			);
	}
	const date = (key: 'asOf' | 'from' | 'to') => {
		const v = raw[key];
		if (!given(v)) return null;
		// The form's date fields send dd-mm-jjjj to a Dutch reader: read either form.
		const iso = typeof v === 'string' ? typedDate(v) : null;
		if (iso === null)
			throw new ReportParamError(
				`invalid ${labels[key]}: ${JSON.stringify(v)} (expected YYYY-MM-DD, or dd-mm-yyyy, from ${MIN_YEAR} to ${MAX_YEAR})`
			);
		return iso;
	};
	const asOf = date('asOf') ?? todayIso();
	const from = date('from');
	const to = date('to');
	if (from && to && from > to)
		throw new ReportParamError(
			`invalid period: ${labels.from} ${from} is after ${labels.to} ${to} (expected from <= to)`
		);
	const lang = (given(raw.lang) ? raw.lang : def.languages[0]) as Lang;
	if (!def.languages.includes(lang))
		throw new ReportParamError(
			`invalid ${labels.lang}: ${JSON.stringify(raw.lang)} (accepted: ${def.languages.join(', ')}${
				def.languages.length < languages.length ? `; report ${def.id} is written in these only` : ''
			})`
		);
	const states = new Set<string>();
	for (const s of raw.memberStates ?? []) {
		const code = s.trim().toUpperCase();
		if (!/^[A-Z]{2}$/.test(code))
			throw new ReportParamError(
				`invalid ${labels.memberStates}: ${JSON.stringify(s)} (expected a two-letter member-state code, e.g. NL)`
			);
		states.add(code === 'GR' ? 'EL' : code);
	}
	const programme = given(raw.programme)
		? (raw.programme as string).trim()
		: def.parameters.includes('programme')
			? (def.defaults?.programme ?? null)
			: null;
	if (programme !== null && !/^[\w.-]{1,100}$/.test(programme))
		throw new ReportParamError(
			`invalid ${labels.programme}: ${JSON.stringify(programme)} (expected a programme code such as EU-ROADMAP-2016)`
		);
	const annex = given(raw.annex) ? (raw.annex as string).trim() : null;
	if (annex !== null && !/^[\w.-]{1,100}$/.test(annex))
		throw new ReportParamError(
			`invalid ${labels.annex}: ${JSON.stringify(annex)} (expected the programme code of the annex of motions and commitments)`
		);
	let classification = given(raw.classification)
		? (raw.classification as string).trim()
		: (def.defaults?.classification ?? null);
	if (classification !== null) {
		// eslint-disable-next-line no-control-regex
		if (classification.length > 120 || /[\u0000-\u001f\u007f]/.test(classification))
			throw new ReportParamError(
				`invalid ${labels.classification}: expected one line of at most 120 characters (e.g. LIMITE)`
			);
		if (classification === '') classification = null;
	}
	return {
		asOf,
		from,
		to,
		memberStates: [...states].sort(),
		programme,
		annex,
		lang,
		classification
	};
}
