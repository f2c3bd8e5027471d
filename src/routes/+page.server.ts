// The overview: the three headline metrics as of a date D, EU-wide and per member state, with
// their changes and three charts. Its data, and what the changes compare with ($lib/filters,
// ?compare=): $lib/server/overview.
import { redirect } from '@sveltejs/kit';
import { canonicalQuery } from '$lib/filters';
import { getLocale } from '$lib/paraglide/runtime';
import { urlCompare, urlFilters } from '$lib/server/url';
import { overviewPage } from '$lib/server/overview';
import type { PageServerLoad } from './$types';

export type {
	MemberStateRow,
	ProgressCell,
	RetentionCell,
	WithheldCell
} from '$lib/server/overview';

export const load: PageServerLoad = async ({ url, locals }) => {
	// A GET form sends empty fields (from=&to=) and the comparison as compare=date&compareOn=D:
	// drop the first and fold the second, so equal views have equal addresses.
	const query = canonicalQuery(url);
	if (query !== null) redirect(303, `${url.pathname}${query ? `?${query}` : ''}`);
	const filters = urlFilters(url, ['asOf', 'from', 'to', 'programme', 'compare']);
	const compare = urlCompare(url, filters.asOf);
	const overview = await overviewPage(locals.scope, filters, compare, getLocale());
	return { filters, compare, empty: overview === null, overview };
};
