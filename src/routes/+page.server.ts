// The overview: the three headline metrics as of a date D, EU-wide and per member state, with
// their changes and three charts. Its data, and what "previous" means: $lib/server/overview.
import { redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { urlFilters } from '$lib/server/url';
import { overviewPage } from '$lib/server/overview';
import type { PageServerLoad } from './$types';

export type {
	MemberStateRow,
	ProgressCell,
	RetentionCell,
	WithheldCell
} from '$lib/server/overview';

export const load: PageServerLoad = async ({ url, locals }) => {
	// A GET form sends empty fields (from=&to=): drop them, so equal views have equal addresses.
	const kept = [...url.searchParams].filter(([, v]) => v !== '');
	if (kept.length !== [...url.searchParams].length) {
		const query = new URLSearchParams(kept).toString();
		redirect(303, `${url.pathname}${query ? `?${query}` : ''}`);
	}
	const filters = urlFilters(url);
	const overview = await overviewPage(locals.scope, filters, getLocale());
	return { filters, empty: overview === null, overview };
};
