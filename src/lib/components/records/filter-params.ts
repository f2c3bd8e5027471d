// The URL parameters of the records page a filter field stands in: RecordsShell provides them,
// so a field named after its parameter finds its label (paramLabel) and current value itself.
import { getContext, setContext } from 'svelte';
import type { Params } from '$lib/records/params';

const key = Symbol('filter-params');

export function setFilterParams(params: () => Params): void {
	setContext(key, params);
}

/**
 * Call while a field initialises; the function it returns gives a parameter's value in effect
 * (null when absent or outside a records page).
 */
export function getFilterParams(): (name: string) => string | null {
	const params = getContext<(() => Params) | undefined>(key);
	return (name) => params?.()[name] ?? null;
}
