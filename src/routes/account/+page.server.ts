// /account: the signed-in user's own account: change the password (ends every session of the
// user, then signs this browser in again) and personal API tokens (create, shown once; revoke).
import { fail } from '@sveltejs/kit';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
import { userErrorMessage } from '$lib/server/auth/messages';
import { createToken, listTokens, revokeToken } from '$lib/server/auth/tokens';
import { withAccounts } from '$lib/server/accounts';
import { changePassword, UserError } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';
import { formValue } from '$lib/form';

export const load: PageServerLoad = async ({ locals }) => {
	const user = locals.user!;
	// API-token requests never reach a page: a page always has a browser session.
	const tokens = await withAccounts((con) => listTokens(con, user.username));
	return { tokens };
};

/** A refused change: its message in the reader's language, with 400. */
function refused(e: unknown, form: string) {
	if (e instanceof UserError) return fail(400, { form, message: userErrorMessage(e.code) });
	throw e;
}

export const actions: Actions = {
	password: async ({ request, locals, cookies, url }) => {
		const user = locals.user!;
		const data = await request.formData();
		const current = formValue(data, 'current') ?? '';
		const next = formValue(data, 'next') ?? '';
		try {
			await withAccounts(async (con) => {
				await changePassword(con, user.username, current, next);
				// Every session has ended, this one too: sign this browser in again.
				const { token } = await createSession(con, user.username);
				setSessionCookie(cookies, url, token);
			});
		} catch (e) {
			return refused(e, 'password');
		}
		return { form: 'password', changed: true };
	},
	token: async ({ locals }) => {
		const user = locals.user!;
		const created = await withAccounts((con) => createToken(con, user.username, user.username));
		return { form: 'token', created };
	},
	revoke: async ({ request, locals }) => {
		const user = locals.user!;
		const id = formValue(await request.formData(), 'id') ?? '';
		try {
			await withAccounts((con) => revokeToken(con, id, user.username, user.username));
		} catch (e) {
			return refused(e, 'tokens');
		}
		return { form: 'tokens', revoked: id };
	}
};
