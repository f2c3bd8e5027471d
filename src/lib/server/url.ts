// The query string of a request, read with the one parser ($lib/params): a bad parameter is a
// 400 with its translated message, the default as-of date is today by the clock (UTC).
import { error } from '@sveltejs/kit';
import { parseCompare, parseFilters, type Compare, type Filters } from '$lib/filters';
import { dateParam, invalid, knownParams, pageParam, ParamError } from '$lib/params';
import { m } from '$lib/paraglide/messages';
import { parseView, viewKeys, type RecordSet, type RecordsView } from '$lib/records/params';
import { todayIso } from './clock.ts';
import { channelCode, channelCodes } from './reference.ts';

/** `parse()`, with a ParamError answered as 400. */
export function fromUrl<T>(parse: () => T): T {
	try {
		return parse();
	} catch (e) {
		if (e instanceof ParamError) error(400, e.message);
		throw e;
	}
}

/** The filters with a known channel: a code or alias of data/reference/channels.csv. */
function withKnownChannel(filters: Filters): Filters {
	if (filters.channel === null) return filters;
	const code = channelCode(filters.channel);
	if (code === null) {
		throw invalid(
			'channel',
			filters.channel,
			m.rec_expected_one_of({ values: channelCodes().join(', ') })
		);
	}
	return { ...filters, channel: code };
}

/**
 * The dashboard filters (asOf, period, programme, ms, channel, register, legalBasis). With
 * `accepted`, a parameter the page does not know is a 400 naming the ones it does: a filter that
 * is silently ignored shows figures the reader did not ask for.
 */
export function urlFilters(url: URL, accepted?: readonly string[]): Filters {
	return fromUrl(() => {
		if (accepted) knownParams(url, accepted);
		return withKnownChannel(parseFilters(url, todayIso()));
	});
}

/** The overview's ?compare= (previous-round or a date before asOf). */
export function urlCompare(url: URL, asOf: string): Compare {
	return fromUrl(() => parseCompare(url, asOf));
}

/** The view of a records page or download: its filters and the set's own parameters. */
export function urlView<S extends RecordSet>(set: S, url: URL): Extract<RecordsView, { set: S }> {
	return fromUrl(() => {
		knownParams(url, [...viewKeys[set], 'page']);
		const view = parseView(set, url, todayIso());
		return { ...view, filters: withKnownChannel(view.filters) };
	}) as Extract<RecordsView, { set: S }>;
}

/** ?asOf=YYYY-MM-DD alone (pages that take no other filter); today by the clock when absent. */
export function urlAsOf(url: URL): string {
	return fromUrl(() => dateParam(url, 'asOf') ?? todayIso());
}

/** ?page=N. */
export function urlPage(url: URL): number {
	return fromUrl(() => pageParam(url));
}
