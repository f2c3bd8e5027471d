// /logout: a POST (the "Sign out" button in the header) ends the session on the server and clears
// the cookie. A GET just goes back to the overview: signing out never happens by following a link.
import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie } from '$lib/server/auth/session';
import { signOut } from '$lib/server/auth/signin';
import { withAccounts } from '$lib/server/accounts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		const { session, user } = locals;
		if (session && user) await withAccounts((con) => signOut(con, session, user));
		deleteSessionCookie(cookies, url);
		redirect(303, '/login');
	}
};
