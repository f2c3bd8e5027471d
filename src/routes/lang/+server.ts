// GET /lang?to=nl&back=/overview: remember the reader's language and go back. A plain link, so
// switching works without JavaScript.
import { redirect } from '@sveltejs/kit';
import { cookieName, isLocale } from '$lib/paraglide/runtime';
import { safeRedirectPath } from '$lib/redirect';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, cookies }) => {
	const to = url.searchParams.get('to') ?? '';
	// Only same-site paths: never an open redirect (src/lib/redirect.ts).
	const target = safeRedirectPath(url.searchParams.get('back'));
	if (isLocale(to)) {
		cookies.set(cookieName, to, {
			path: '/',
			maxAge: 60 * 60 * 24 * 365,
			sameSite: 'lax',
			httpOnly: false
		});
	}
	redirect(303, target);
};
