// Server hooks: start-up (process guard, clean-up of stale temporary folders, first
// administrator, operator channel), the reader's language, who is
// signed in and what they may do (deny by default), security headers on every response, and error
// handling that logs the details on the server and gives the browser only a message and a
// reference id.
import {
	type Handle,
	type HandleServerError,
	type RequestEvent,
	type ServerInit
} from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { decide, scopeFor } from '$lib/access';
import { validateApiToken } from '$lib/server/auth/tokens';
import {
	deleteExpiredSessions,
	deleteSessionCookie,
	SESSION_COOKIE,
	validateSessionToken
} from '$lib/server/auth/session';
import { startChannel } from '$lib/server/channel';
import { clockNote } from '$lib/server/clock';
import { accountsStore, withAccounts } from '$lib/server/accounts';
import { DatabaseLockedError } from '$lib/server/data';
import { logError, newErrorId } from '$lib/server/errors';
import { installProcessGuard, sweepStaleTempDirs } from '$lib/server/process-guard';
import { ensureFirstAdmin } from '$lib/server/users';

declare global {
	// The usual place is src/app.d.ts; kept next to handleError, which produces it.
	// eslint-disable-next-line @typescript-eslint/no-namespace
	namespace App {
		// What an error page receives: a message for people, and for unexpected errors the id
		// under which the details were logged.
		interface Error {
			message: string;
			id?: string;
		}
	}
}

/** Headers set on every response (the Content-Security-Policy is set in svelte.config.js). */
export const securityHeaders: Readonly<Record<string, string>> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'same-origin',
	'X-Frame-Options': 'DENY',
	// Pages, downloads and API answers carry records or depend on who asks: never kept in a cache.
	'Cache-Control': 'no-store'
};

/**
 * At start: the process-level guard (log anything that escapes a request, with an error id;
 * see process-guard.ts for what happens next), removal of the temporary folders of uploads and
 * imports that a process which died left behind; then open the database, create the first
 * administrator on a database without users (the password appears here, on the console, and
 * nowhere else), and open the operator channel.
 */
export const init: ServerInit = async () => {
	installProcessGuard();
	const removed = sweepStaleTempDirs();
	if (removed.length > 0) {
		console.warn(`removed ${removed.length} stale temporary folder(s): ${removed.join(', ')}`);
	}
	const note = clockNote();
	if (note) console.warn(`cosi: ${note}`);
	const store = await accountsStore();
	await withAccounts(async (con) => {
		await deleteExpiredSessions(con);
		const password = await ensureFirstAdmin(con, 'server');
		if (password) {
			console.log(
				[
					'',
					'cosi: no users yet, so an administrator was created:',
					'',
					'    username: admin',
					`    password: ${password}`,
					'',
					'This password is shown only now. Sign in and change it at /account, or set a new one',
					'with `npx cosi user reset-password admin`. Add other users at /admin/users or with',
					'`npx cosi user add NAME --role admin|reviewer|supervisor|ministry`.',
					''
				].join('\n')
			);
		}
	});
	// The CLI (and with it the ingest pipeline and its readers) is loaded at the first command.
	await startChannel(store.path, async (request, sink) => {
		const [{ main }, { channelIo }] = await Promise.all([import('./cli/main'), import('./cli/io')]);
		return main(request.argv, channelIo(store, request, sink));
	});
};

// The reader's language (cookie, else browser preference, else English) for this request:
// Paraglide keeps it in AsyncLocalStorage, so messages and formatters need no arguments.
const handleLocale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', locale)
		});
	});

// Route ids of endpoints (+server.ts without a page): without a session they answer 401, pages 303.
const endpointIds = new Set(
	Object.keys(import.meta.glob('/src/routes/**/+server.ts')).map(
		(file) => file.slice('/src/routes'.length, -'/+server.ts'.length) || '/'
	)
);
const pageIds = new Set(
	Object.keys(import.meta.glob('/src/routes/**/+page.svelte')).map(
		(file) => file.slice('/src/routes'.length, -'/+page.svelte'.length) || '/'
	)
);

/** Whether a request is for an endpoint, a download or the API (401) rather than a page (303). */
function isEndpoint(routeId: string | null, pathname: string): boolean {
	if (routeId !== null) return endpointIds.has(routeId) && !pageIds.has(routeId);
	return pathname.startsWith('/api/') || pathname.endsWith('.csv');
}

const anonymous = { figures: [], records: [] };

/** The security headers on a response (on a copy when its headers are immutable). */
function withSecurityHeaders(response: Response): Response {
	try {
		for (const [name, value] of Object.entries(securityHeaders)) response.headers.set(name, value);
		return response;
	} catch {
		// Some responses (e.g. from fetch or Response.redirect) have immutable headers: copy.
		const copy = new Response(response.body, response);
		for (const [name, value] of Object.entries(securityHeaders)) copy.headers.set(name, value);
		return copy;
	}
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The answer to a request the rules refuse, returned (not thrown) so that it gets the security
 * headers like every other response. Without a session: pages 303 to /login?redirectTo= (as
 * SvelteKit's client expects it for data and form-action requests), endpoints 401 with a
 * Bearer challenge. Signed in: 403.
 */
function denial(event: RequestEvent, status: 401 | 403, endpoint: boolean): Response {
	const json = (body: object, init: ResponseInit = {}) =>
		new Response(JSON.stringify(body), {
			...init,
			headers: { 'content-type': 'application/json', ...init.headers }
		});
	const actionRequest = event.request.headers.get('x-sveltekit-action') === 'true';
	if (status === 401 && !endpoint) {
		const location = `/login?redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}`;
		if (event.isDataRequest) return json({ type: 'redirect', location });
		if (actionRequest) return json({ type: 'redirect', status: 303, location });
		return new Response(null, { status: 303, headers: { location } });
	}
	const message = status === 401 ? m.auth_unauthorized() : m.auth_forbidden();
	const wantsJson = !(event.request.headers.get('accept') ?? '').includes('text/html');
	if (endpoint || event.isDataRequest || actionRequest || wantsJson) {
		return json(
			{ message },
			{
				status,
				headers: status === 401 ? { 'www-authenticate': 'Bearer realm="cosi-monitor"' } : {}
			}
		);
	}
	const lang = escapeHtml(getLocale());
	const text = escapeHtml(message);
	return new Response(
		`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${text} · cosi-monitor</title></head>` +
			`<body><main><h1>${text}</h1><p>${escapeHtml(m.err_status({ status: String(status) }))}</p>` +
			`<p><a href="/">${escapeHtml(m.err_home())}</a> · <a href="/account">${escapeHtml(m.auth_account())}</a></p></main></body></html>`,
		{ status, headers: { 'content-type': 'text/html; charset=utf-8' } }
	);
}

type Identity = Pick<App.Locals, 'user' | 'session' | 'apiToken'>;

/** Who makes the request: the session cookie, or (endpoints only) a personal API token. */
async function identify(event: RequestEvent, endpoint: boolean): Promise<Identity> {
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		// A connection only when the session is not remembered from a moment ago.
		const found = await validateSessionToken(withAccounts, token);
		if (found) return { user: found.user, session: found.session, apiToken: null };
		deleteSessionCookie(event.cookies, event.url);
	}
	const bearer = /^Bearer\s+(\S+)$/i.exec(event.request.headers.get('authorization') ?? '')?.[1];
	if (bearer && endpoint) {
		const owner = await withAccounts((con) => validateApiToken(con, bearer));
		if (owner) {
			const { tokenId, ...user } = owner;
			return { user, session: null, apiToken: tokenId };
		}
	}
	return { user: null, session: null, apiToken: null };
}

// Who is signed in, then the access rules of $lib/access for the route, before any load, action
// or endpoint runs; then the security headers on whatever the answer is.
const handleAuth: Handle = async ({ event, resolve }) => {
	const routeId = event.route.id;
	const endpoint = isEndpoint(routeId, event.url.pathname);
	const { user, session, apiToken } = await identify(event, endpoint);
	event.locals.user = user;
	event.locals.session = session;
	event.locals.apiToken = apiToken;
	// What the data gate binds into every query, and who it records views of record-level rows for.
	event.locals.scope = user
		? {
				...scopeFor(user.role, user.memberStates),
				reader: { username: user.username, apiToken, route: event.url.pathname }
			}
		: anonymous;

	const decision = decide(
		user,
		routeId,
		event.request.method,
		event.params,
		event.url.searchParams
	);
	if (!decision.ok) return withSecurityHeaders(denial(event, decision.status, endpoint));
	return withSecurityHeaders(await resolve(event));
};

export const handle = sequence(handleLocale, handleAuth);

function isDatabaseLocked(error: unknown): error is DatabaseLockedError {
	return (
		error instanceof DatabaseLockedError ||
		(error instanceof Error && error.name === 'DatabaseLockedError')
	);
}

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	// Unknown routes and methods arrive here too; they are not faults of the server.
	if (status === 404) return { message: m.err_no_page() };
	if (status < 500) return { message };

	const where = `${event.request.method} ${event.url.pathname}`;
	if (isDatabaseLocked(error)) {
		const id = newErrorId();
		console.error(`[error ${id}] ${where}: ${error.message}`);
		return {
			message: m.err_db_locked(),
			id
		};
	}
	return { message: m.err_internal(), id: logError(where, error) };
};
