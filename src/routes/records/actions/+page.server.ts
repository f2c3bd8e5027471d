// /records/actions: the (action, actor) pairs behind any progress figure, 50 a page.
import { loadRecords } from '$lib/records/load.server';
import type { Option } from '$lib/records/options';
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

export const load: PageServerLoad = ({ url, locals }) =>
	loadRecords(locals.scope, 'actions', url, (options, view) => {
		const programme = view.filters.programme;
		return {
			programmes: options.programmes,
			actors: options.actors,
			// The chapters of the chosen programme, else of all (with their programmes).
			chapters: programme ? (options.chapters[programme] ?? []) : allChapters(options.chapters)
		};
	});
