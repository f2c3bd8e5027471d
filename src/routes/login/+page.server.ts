// /login: the sign-in form (a form action: works without JavaScript). Success answers 303 to the
// page first asked for (?redirectTo=, same-site paths only) and sets the session cookie.
import { fail, redirect } from '@sveltejs/kit';
import { sameSitePath } from '$lib/server/auth/redirect';
import { setSessionCookie } from '$lib/server/auth/session';
import { signIn } from '$lib/server/auth/signin';
import { withAccounts } from '$lib/server/accounts';
import type { Actions, PageServerLoad } from './$types';
import { formValue } from '$lib/form';

export const load: PageServerLoad = ({ locals, url }) => {
	const redirectTo = sameSitePath(url.searchParams.get('redirectTo'));
	if (locals.user) redirect(303, redirectTo);
	return { redirectTo };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const username = formValue(form, 'username') ?? '';
		const password = formValue(form, 'password') ?? '';
		const redirectTo = sameSitePath(
			formValue(form, 'redirectTo') ?? url.searchParams.get('redirectTo') ?? ''
		);
		if (username.trim() === '' || password === '') {
			return fail(400, { username, redirectTo, problem: 'missing' as const, retryAt: null });
		}
		const result = await withAccounts((con) =>
			signIn(con, { username, password, address: getClientAddress() })
		);
		if (!result.ok) {
			return fail(result.reason === 'locked' ? 429 : 400, {
				username,
				redirectTo,
				problem: result.reason,
				retryAt: result.reason === 'locked' ? result.retryAt.toISOString() : null
			});
		}
		setSessionCookie(cookies, url, result.token);
		redirect(303, redirectTo);
	}
};
