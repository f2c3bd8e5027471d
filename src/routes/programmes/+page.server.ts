// /programmes: the action catalogues with their actions, actors and reporting rounds as of D.
import type { ActorProgressRow, CatalogueRow, ProgressCounts } from '$lib/records/rows';
import { cachedQuery, dataVersion } from '$lib/server/cache';
import { filtersFromUrl } from '$lib/server/records';
import { withConnection } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export interface ProgrammeSummary extends CatalogueRow, ProgressCounts {
	actors: number;
}

const countKeys = [
	'pairs',
	'applicable',
	'implemented',
	'ongoing',
	'in_progress',
	'not_started',
	'no_report',
	'not_applicable',
	'overdue'
] as const;

export const load: PageServerLoad = async ({ url }) => {
	const filters = filtersFromUrl(url);
	const asOf = filters.asOf;
	return withConnection(async (con) => {
		const version = await dataVersion(con);
		// One after another: statements on one connection must not interleave.
		const catalogues = await cachedQuery<CatalogueRow>(con, version, 'programme_catalogues', {
			as_of: asOf
		});
		const byActor = await cachedQuery<ActorProgressRow>(con, version, 'progress_by_actor', {
			as_of: asOf,
			programme: null,
			actor: null
		});
		const programmes: ProgrammeSummary[] = catalogues.map((c) => {
			const rows = byActor.filter((r) => r.programme === c.programme);
			const sums = Object.fromEntries(
				countKeys.map((k) => [k, rows.reduce((n, r) => n + r[k], 0)])
			) as Record<(typeof countKeys)[number], number>;
			return {
				...c,
				...sums,
				actors: rows.length,
				progress_pct: sums.applicable ? (100 * sums.implemented) / sums.applicable : null,
				weighted_pct: null
			};
		});
		return { asOf, programmes };
	});
};
