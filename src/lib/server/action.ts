// /programmes/[programme]/[action]: one action as of D: its catalogue entry, the status of every
// actor (latest on or before D), the status per actor in every reporting round, and the reports
// as submitted.
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { ActionDetail, ActionRow, HistoryRow, PairRow } from '$lib/records/rows';
import { withData } from './data.ts';
import type { Scope } from './scope.ts';

export interface ActionParams {
	programme: string;
	action: string;
	asOf: string;
	/** The actor the pages above were narrowed to (kept in their links), or null. */
	actor: string | null;
}

export interface ActionPage {
	asOf: string;
	actor: string | null;
	detail: ActionDetail;
	/** The action's figures over every actor (null: no pair as of D). */
	figures: ActionRow | null;
	/** Every actor's pair. */
	pairs: PairRow[];
	history: HistoryRow[];
}

/** One action as of `asOf`; 404 for an unknown programme or action. */
export async function actionPage(scope: Scope, params: ActionParams): Promise<ActionPage> {
	const { programme, action, asOf } = params;
	// Longer than any stored code: cannot exist.
	if (programme.length > 200 || action.length > 200)
		error(
			404,
			m.rec_error_no_action({ programme: programme.slice(0, 50), action: action.slice(0, 50) })
		);
	return withData(scope, async (data) => {
		const detail = await data.row('action_get', { programme, action_id: action });
		if (!detail) {
			const programmes = await data.cachedRows('programme_catalogues', {
				as_of: asOf
			});
			if (!programmes.some((p) => p.programme === programme))
				error(404, m.rec_error_no_programme({ programme }));
			error(404, m.rec_error_no_action({ programme, action }));
		}
		const figures = await data.cachedRows('progress_by_action', {
			// The same parameters as the programme page, so both share the cached figures.
			as_of: asOf,
			programme,
			actor: null,
			chapter: null
		});
		const pairs = await data.rows('progress_pairs', {
			as_of: asOf,
			programme,
			actor: null,
			action_id: action,
			chapter: null,
			category: null,
			limit: 10_000,
			offset: 0
		});
		const history = await data.rows('action_history', {
			as_of: asOf,
			programme,
			action_id: action
		});
		return {
			asOf,
			actor: params.actor,
			detail,
			figures: figures.find((f) => f.action_id === action) ?? null,
			pairs,
			history
		};
	});
}
