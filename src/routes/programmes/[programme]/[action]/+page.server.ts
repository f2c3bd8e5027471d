// /programmes/[programme]/[action]: one action as of D: its catalogue entry, the status of
// every actor (latest on or before D), the status per actor in every reporting round, and the
// reports as submitted. 404 for an unknown programme or action.
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { ActionsView } from '$lib/records/params';
import type { ActionDetail, ActionRow, HistoryRow, PairRow } from '$lib/records/rows';
import { cachedQuery, dataVersion } from '$lib/server/cache';
import { runQuery } from '$lib/server/queries';
import { viewFromUrl } from '$lib/server/records';
import { withConnection } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, params }) => {
	const { programme, action } = params;
	const view = viewFromUrl('actions', url) as ActionsView;
	const asOf = view.filters.asOf;
	// Longer than any stored code: cannot exist.
	if (programme.length > 200 || action.length > 200)
		error(
			404,
			m.rec_error_no_action({ programme: programme.slice(0, 50), action: action.slice(0, 50) })
		);
	return withConnection(async (con) => {
		const [detail] = await runQuery<ActionDetail>(con, 'action_get', {
			programme,
			action_id: action
		});
		const version = await dataVersion(con);
		if (!detail) {
			const programmes = await cachedQuery<{ programme: string }>(
				con,
				version,
				'programme_catalogues',
				{ as_of: asOf }
			);
			if (!programmes.some((p) => p.programme === programme))
				error(404, m.rec_error_no_programme({ programme }));
			error(404, m.rec_error_no_action({ programme, action }));
		}
		const figures = await cachedQuery<ActionRow>(con, version, 'progress_by_action', {
			// The same parameters as the programme page, so both share the cached figures.
			as_of: asOf,
			programme,
			actor: null,
			chapter: null
		});
		const pairs = await runQuery<PairRow>(con, 'progress_pairs', {
			as_of: asOf,
			programme,
			actor: null,
			action_id: action,
			chapter: null,
			category: null,
			limit: 10_000,
			offset: 0
		});
		const history = await runQuery<HistoryRow>(con, 'action_history', {
			as_of: asOf,
			programme,
			action_id: action
		});
		return {
			asOf,
			actor: view.actor,
			detail,
			figures: figures.find((f) => f.action_id === action) ?? null,
			pairs,
			history
		};
	});
};
