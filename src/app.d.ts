// See https://svelte.dev/docs/kit/types#app.d.ts
// for information about these interfaces
import type { Access } from '$lib/access';
import type { Session } from '$lib/server/auth/session';
import type { Scope } from '$lib/server/scope';

declare global {
	namespace App {
		// Error is declared in hooks.server.ts, next to handleError.
		/** Set for every request by hooks.server.ts (handleAuth). */
		interface Locals {
			/** Who is signed in (session cookie, or an API token on endpoints); null: nobody. */
			user: Access | null;
			/** The browser session, when signed in with one (not with an API token). */
			session: Session | null;
			/** The public id of the API token used, when the request came with one. */
			apiToken: string | null;
			/** What the user may read: bound into every query by the data gate. */
			scope: Scope;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
