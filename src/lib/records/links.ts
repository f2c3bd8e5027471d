// Resolved links to the records pages, their CSV downloads and the programme pages, so every
// figure can lead to its rows. `query` is a string from toQuery() ("" or "?...").
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import type { BatchView } from '$lib/imports';
import type { RecordSet } from './params';

export function recordsHref(set: RecordSet, query = ''): ResolvedPathname {
	const q = query.replace(/^\?/, '');
	switch (set) {
		case 'actions':
			return q ? resolve(`/records/actions?${q}`) : resolve('/records/actions');
		case 'sharing':
			return q ? resolve(`/records/sharing?${q}`) : resolve('/records/sharing');
		case 'retention':
			return q ? resolve(`/records/retention?${q}`) : resolve('/records/retention');
	}
}

export function csvHref(set: RecordSet, query = ''): ResolvedPathname {
	const q = query.replace(/^\?/, '');
	switch (set) {
		case 'actions':
			return q ? resolve(`/records/actions.csv?${q}`) : resolve('/records/actions.csv');
		case 'sharing':
			return q ? resolve(`/records/sharing.csv?${q}`) : resolve('/records/sharing.csv');
		case 'retention':
			return q ? resolve(`/records/retention.csv?${q}`) : resolve('/records/retention.csv');
	}
}

export function programmesHref(query = ''): ResolvedPathname {
	const q = query.replace(/^\?/, '');
	return q ? resolve(`/programmes?${q}`) : resolve('/programmes');
}

export function programmeHref(programme: string, query = ''): ResolvedPathname {
	const q = query.replace(/^\?/, '');
	const p = encodeURIComponent(programme);
	return q ? resolve(`/programmes/${p}?${q}`) : resolve(`/programmes/${p}`);
}

export function actionHref(programme: string, action: string, query = ''): ResolvedPathname {
	const q = query.replace(/^\?/, '');
	const path =
		`/programmes/${encodeURIComponent(programme)}/${encodeURIComponent(action)}` as const;
	return q ? resolve(`${path}?${q}`) : resolve(path);
}

export function batchHref(batchId: number): ResolvedPathname {
	return resolve('/imports/[id]', { id: String(batchId) });
}

/** One view of an import batch's rows (/imports/[id]?show=...&page=...): see $lib/imports. */
export function batchViewHref(batchId: number, show: BatchView, page = 1): ResolvedPathname {
	const query = page > 1 ? `?show=${show}&page=${page}` : `?show=${show}`;
	return resolve(`/imports/${batchId}${query}`);
}
