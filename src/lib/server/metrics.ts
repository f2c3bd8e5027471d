// Headline metrics (docs/metrics.md): implementation progress per programme and actor, the
// withheld-information ratio and retention compliance per member state, as of a date D.
//
// The figures come from the named queries progress_by_actor, withheld_by_member_state and
// retention_by_member_state (each with its EU total row) and progress_summary; this module validates the dates and maps snake_case rows onto the
// camelCase shape that the CLI (`cosi metrics --json`) and GET /api/v1/metrics both return.
import { stateRows, totalRow } from '../figures.ts';
import type { Data } from './data.ts';
import { isIsoDate, MAX_YEAR, MIN_YEAR } from '../dates.ts';
import { todayIso } from './clock.ts';
import type { Row } from './queries.ts';

export interface MetricsParams {
	/** The as-of date D (YYYY-MM-DD): only rows dated on or before D count. */
	asOf: string;
	/** Start of the sharing period, inclusive; absent = open start. */
	from?: string | null;
	/** End of the sharing period, inclusive; absent = up to D. */
	to?: string | null;
}

export interface ProgressFigure {
	programme: string;
	actor: string;
	pairs: number;
	applicable: number;
	implemented: number;
	inProgress: number;
	notStarted: number;
	noReport: number;
	overdue: number;
	progressPct: number | null;
	weightedPct: number | null;
	/**
	 * Applicable pairs without a status row dated on the programme's latest round on or before
	 * D (no-report pairs included): judged on an older status, or on none.
	 */
	notInLatestRound: number;
}

export interface WithheldFigure {
	memberState: string;
	relevant: number;
	shared: number;
	withheld: number;
	pending: number;
	unjustified: number;
	ratio: number | null;
}

export interface RetentionFigure {
	memberState: string;
	active: number;
	overdueReview: number;
	pastRetention: number;
	missingAssessment: number;
	compliant: number;
	compliancePct: number | null;
}

/** A programme's figures over all its actors (EU bodies included). */
export type ProgrammeTotal = Omit<ProgressFigure, 'actor'>;

export interface HeadlineMetrics {
	asOf: string;
	progress: ProgressFigure[];
	withheld: WithheldFigure[];
	retention: RetentionFigure[];
	/** The same figures over every actor or member state in scope: the overview's EU row. */
	eu: {
		progress: ProgrammeTotal[];
		withheld: Omit<WithheldFigure, 'memberState'>;
		retention: Omit<RetentionFigure, 'memberState'>;
	};
}

// The output keys, in output order; each is read from the snake_case column of the same name.
const progressKeys = [
	'programme',
	'actor',
	'pairs',
	'applicable',
	'implemented',
	'inProgress',
	'notStarted',
	'noReport',
	'overdue',
	'progressPct',
	'weightedPct',
	'notInLatestRound'
] as const satisfies readonly (keyof ProgressFigure)[];

const withheldKeys = [
	'memberState',
	'relevant',
	'shared',
	'withheld',
	'pending',
	'unjustified',
	'ratio'
] as const satisfies readonly (keyof WithheldFigure)[];

const retentionKeys = [
	'memberState',
	'active',
	'overdueReview',
	'pastRetention',
	'missingAssessment',
	'compliant',
	'compliancePct'
] as const satisfies readonly (keyof RetentionFigure)[];

/** Compute the headline metrics as of `asOf`, the sharing figures limited to [from, to]. */
export async function headlineMetrics(data: Data, params: MetricsParams): Promise<HeadlineMetrics> {
	const { asOf, from, to } = checkMetricsParams(params, apiNames);
	const progress = await data.rows('progress_by_actor', {
		as_of: asOf,
		programme: null,
		actor: null
	});
	// Each query by member state ends with the total over every state in scope: the EU row.
	const withheld = await data.rows('withheld_by_member_state', {
		as_of: asOf,
		from: from ?? null,
		to: to ?? null,
		member_state: null
	});
	const retention = await data.rows('retention_by_member_state', {
		as_of: asOf,
		member_state: null
	});
	const summary = await data.rows('progress_summary', {
		as_of: asOf,
		programme: null,
		compare_on: null
	});
	const without = (keys: readonly string[], key: string) => keys.filter((k) => k !== key);
	return {
		asOf,
		progress: progress.map((r) => pick<ProgressFigure>(r, progressKeys)),
		withheld: stateRows(withheld).map((r) => pick<WithheldFigure>(r, withheldKeys)),
		retention: stateRows(retention).map((r) => pick<RetentionFigure>(r, retentionKeys)),
		eu: {
			progress: summary
				.filter((r) => r.level === 'programme')
				.map((r) => pick<ProgrammeTotal>(r, without(progressKeys, 'actor'))),
			withheld: pick(totalRow(withheld), without(withheldKeys, 'memberState')),
			retention: pick(totalRow(retention), without(retentionKeys, 'memberState'))
		}
	};
}

/** Build an object with exactly `keys`, each read from its snake_case column in `row`. */
function pick<T>(row: object, keys: readonly string[]): T {
	const out: Record<string, unknown> = {};
	const columns = row as Row;
	for (const key of keys) out[key] = columns[snakeCase(key)] ?? null;
	return out as T;
}

function snakeCase(name: string): string {
	return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** How each parameter is called where the user typed it, for error messages. */
export interface ParamNames {
	asOf: string;
	from: string;
	to: string;
}

export const cliNames: ParamNames = { asOf: '--as-of', from: '--from', to: '--to' };
export const apiNames: ParamNames = { asOf: 'asOf', from: 'from', to: 'to' };

/** A bad as-of date or period, in the words of the caller (CLI flag or query parameter). */
export class MetricsParamError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'MetricsParamError';
	}
}

/**
 * Validate user-supplied dates. asOf defaults to today; from and to are each optional (an open
 * end), but from must not be after to. Empty strings count as absent, as in `?from=`.
 */
export function checkMetricsParams(
	input: { asOf?: string | null; from?: string | null; to?: string | null },
	names: ParamNames = cliNames
): MetricsParams {
	const asOf = checkDate(input.asOf, names.asOf) ?? todayIso();
	const from = checkDate(input.from, names.from);
	const to = checkDate(input.to, names.to);
	if (from && to && from > to) {
		throw new MetricsParamError(
			`invalid period: ${names.from} ${from} is after ${names.to} ${to} (expected from <= to)`
		);
	}
	return { asOf, from, to };
}

function checkDate(value: string | null | undefined, name: string): string | null {
	if (value === undefined || value === null || value === '') return null;
	if (!isIsoDate(value)) {
		throw new MetricsParamError(
			`invalid ${name}: ${JSON.stringify(value)} (expected YYYY-MM-DD from ${MIN_YEAR} to ${MAX_YEAR})`
		);
	}
	return value;
}
