// /records/actions: the (action, actor) pairs behind any progress figure, 50 a page.
import { getLocale } from '$lib/paraglide/runtime';
import type { ActionsView } from '$lib/records/params';
import type { PairRow } from '$lib/records/rows';
import {
	filterOptions,
	loadRecordsPage,
	type Option,
	pageFromUrl,
	viewFromUrl
} from '$lib/server/records';
import { withConnection } from '$lib/server/store';
import type { PageServerLoad } from './$types';

function allChapters(byProgramme: Record<string, Option[]>): Option[] {
	const programmes = new Map<string, { label: string; in: string[] }>();
	for (const [programme, list] of Object.entries(byProgramme)) {
		for (const c of list) {
			const entry = programmes.get(c.value) ?? { label: c.label, in: [] };
			entry.in.push(programme);
			programmes.set(c.value, entry);
		}
	}
	return [...programmes].map(([value, e]) => ({ value, label: `${e.label} (${e.in.join(', ')})` }));
}

export const load: PageServerLoad = async ({ url }) => {
	const view = viewFromUrl('actions', url) as ActionsView;
	const page = pageFromUrl(url);
	return withConnection(async (con) => {
		const result = await loadRecordsPage(con, view, page);
		const options = await filterOptions(con, getLocale() === 'nl');
		const programme = view.filters.programme;
		return {
			view,
			...result,
			rows: result.rows as unknown as PairRow[],
			options: {
				programmes: options.programmes,
				actors: options.actors,
				// The chapters of the chosen programme, else of all (with their programmes).
				chapters: programme ? (options.chapters[programme] ?? []) : allChapters(options.chapters)
			}
		};
	});
};
