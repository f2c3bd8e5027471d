// /programmes/[programme]: one catalogue as of D, by chapter and by action (all actors, or the
// one in ?actor= / ?ms=), with its reporting rounds. 404 for an unknown programme.
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { ActionsView } from '$lib/records/params';
import type {
	ActionRow,
	ActorProgressRow,
	CatalogueRow,
	ChapterRow,
	TrendRow
} from '$lib/records/rows';
import { cachedQuery, dataVersion } from '$lib/server/cache';
import { viewFromUrl } from '$lib/server/records';
import { withConnection } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, params }) => {
	const programme = params.programme;
	// The same parameters as /records/actions, so ?actor= and ?ms= are checked alike.
	const view = viewFromUrl('actions', url) as ActionsView;
	const asOf = view.filters.asOf;
	const actor = view.actor;
	// Longer than any stored code: cannot exist.
	if (programme.length > 200)
		error(404, m.rec_error_no_programme({ programme: programme.slice(0, 50) }));
	return withConnection(async (con) => {
		const version = await dataVersion(con);
		const catalogues = await cachedQuery<CatalogueRow>(con, version, 'programme_catalogues', {
			as_of: asOf
		});
		const catalogue = catalogues.find((c) => c.programme === programme);
		if (!catalogue) error(404, m.rec_error_no_programme({ programme }));
		const scope = { as_of: asOf, programme, actor };
		// One after another: statements on one connection must not interleave.
		const chapters = await cachedQuery<ChapterRow>(con, version, 'progress_by_chapter', scope);
		const actions = await cachedQuery<ActionRow>(con, version, 'progress_by_action', {
			...scope,
			chapter: null
		});
		const trend = await cachedQuery<TrendRow>(con, version, 'progress_trend', scope);
		const actors = await cachedQuery<ActorProgressRow>(con, version, 'progress_by_actor', {
			as_of: asOf,
			programme,
			actor: null
		});
		return {
			programme,
			asOf,
			actor,
			catalogue,
			chapters,
			actions,
			// The programme's totals per round (rows with an actor are per actor).
			rounds: trend.filter((r) => r.actor === null).reverse(),
			// Every actor's figures (whatever ?actor= narrows the rest of the page to).
			actors
		};
	});
};
