// The order of the records table a SortHeader stands in: RecordsShell provides it, so that a
// heading knows whether it is the sorted column and where a click on it leads.
import { getContext, setContext } from 'svelte';
import type { ResolvedPathname } from '$app/types';
import type { SortDirection } from '$lib/records/params';

export interface SortState {
	/** The column in effect: ?sort=, else the table's default. */
	sort: string;
	dir: SortDirection;
	/** The page sorted by `column` in `dir` (page 1, the filters and search kept). */
	hrefFor: (column: string, dir: SortDirection) => ResolvedPathname;
}

const key = Symbol('records-sort');

export function setSortState(state: () => SortState): void {
	setContext(key, state);
}

export function getSortState(): () => SortState {
	const state = getContext<(() => SortState) | undefined>(key);
	if (!state) throw new Error('SortHeader outside RecordsShell');
	return state;
}
