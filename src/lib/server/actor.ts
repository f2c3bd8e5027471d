// The actor a page is about (/member-states/[ms], /quality/[kind]/[sender]), found by the code
// in its address in any case or by an alias (GR for EL); such an address leads to the canonical
// one.
import { redirect } from '@sveltejs/kit';
import type { ActorRow } from './dashboard.ts';
import type { Data } from './data.ts';

/**
 * The actor `typed` names (actor_get), or null when none: when `typed` is not its canonical
 * code, `onAlias` is called with that code instead (a route redirects there).
 */
export async function addressedActor(
	data: Data,
	typed: string,
	onAlias: (code: string) => never
): Promise<ActorRow | null> {
	const [actor] = await data.cachedRows('actor_get', { code: typed });
	if (actor && actor.code !== typed) onAlias(actor.code);
	return actor ?? null;
}

/** A permanent redirect to the same address with `code` as its last path segment. */
export function redirectToCode(url: URL, code: string): never {
	const parent = url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1);
	redirect(308, `${parent}${encodeURIComponent(code)}${url.search}`);
}

/** The actor's name in the page's language. */
export function actorName(actor: ActorRow, locale: string): string {
	return locale === 'nl' ? actor.name_nl : actor.name_en;
}
