// `cosi metrics`: the headline metrics as of a date, as JSON (--json) or as readable tables.
import { withData } from '../lib/server/data.ts';
import { localIo, type WithStore } from './io.ts';
import {
	checkMetricsParams,
	cliNames,
	headlineMetrics,
	MetricsParamError,
	type HeadlineMetrics,
	type MetricsParams
} from '../lib/server/metrics.ts';
import { fullScope } from '../lib/server/scope.ts';
import { renderTable } from './table.ts';

export interface MetricsArgs {
	asOf?: string;
	from?: string;
	to?: string;
	/** Database file (--db; else COSI_DB or the default). */
	db?: string;
	json: boolean;
}

/** Print the headline metrics; returns the exit code (1 for a bad date, with the reason). */
export async function metricsCommand(
	args: MetricsArgs,
	out: (s: string) => void,
	err: (s: string) => void = (s) => process.stderr.write(s + '\n'),
	withStore: WithStore = localIo().withStore
): Promise<number> {
	let params: MetricsParams;
	try {
		params = checkMetricsParams(args, cliNames);
	} catch (e) {
		if (!(e instanceof MetricsParamError)) throw e;
		err(`cosi metrics: ${e.message}`);
		return 1;
	}
	return withStore(args.db, async (store) => {
		const metrics = await withData(fullScope, (data) => headlineMetrics(data, params), {
			path: store.path
		});
		out(args.json ? JSON.stringify(metrics, null, 2) : renderMetrics(metrics, params));
		return 0;
	});
}

/** The three headline tables, each with a title that says what it counts. */
export function renderMetrics(m: HeadlineMetrics, params: MetricsParams): string {
	// Nothing after D counts, so a period end after D is shown as D.
	const end = params.to && params.to < m.asOf ? params.to : m.asOf;
	const period =
		params.from || params.to
			? `sharing rows from ${params.from ?? 'the first'} to ${end}`
			: `all sharing rows up to ${m.asOf}`;
	return [
		`Metrics as of ${m.asOf} (${period})`,
		section(
			'Implementation progress per programme and actor (% of applicable pairs)',
			m.progress,
			[
				['programme', 'programme'],
				['actor', 'actor'],
				['pairs', 'pairs'],
				['applicable', 'applicable'],
				['implemented', 'implemented'],
				['inProgress', 'in progress'],
				['notStarted', 'not started'],
				['noReport', 'no report'],
				['overdue', 'overdue'],
				['progressPct', 'progress %'],
				['weightedPct', 'weighted %'],
				['notInLatestRound', 'not in latest round']
			],
			'no action status rows on or before this date'
		),
		section(
			'Withheld information per member state (ratio = withheld / (shared + withheld))',
			m.withheld,
			[
				['memberState', 'member state'],
				['relevant', 'relevant'],
				['shared', 'shared'],
				['withheld', 'withheld'],
				['pending', 'pending'],
				['unjustified', 'unjustified'],
				['ratio', 'ratio']
			],
			'no member states'
		),
		section(
			'Retention compliance per member state (% of active records)',
			m.retention,
			[
				['memberState', 'member state'],
				['active', 'active'],
				['overdueReview', 'overdue review'],
				['pastRetention', 'past retention'],
				['missingAssessment', 'no impact assessment'],
				['compliant', 'compliant'],
				['compliancePct', 'compliance %']
			],
			'no member states'
		)
	].join('\n\n');
}

function section(
	title: string,
	rows: object[],
	columns: [string, string][],
	emptyNote: string
): string {
	const body = rows.length
		? renderTable(rows as Record<string, unknown>[], columns)
		: `(${emptyNote})`;
	return `${title}\n${body}`;
}
