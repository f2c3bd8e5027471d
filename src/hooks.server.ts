// Server hooks: start-up guard and clean-up, security headers on every response, and error
// handling that logs the details on the server and gives the browser only a message and a
// reference id.
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { m } from '$lib/paraglide/messages';
import { DatabaseLockedError } from '$lib/server/data';
import { logError, newErrorId } from '$lib/server/errors';
import { installProcessGuard, sweepStaleTempDirs } from '$lib/server/process-guard';
import { fullScope, type Scope } from '$lib/server/scope';

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
		// What every load, action and endpoint reads the data as: the data gate
		// ($lib/server/data) binds this scope into every query.
		interface Locals {
			scope: Scope;
		}
	}
}

/**
 * At start: the process-level guard (log anything that escapes a request, with an error id;
 * see process-guard.ts for what happens next), and removal of the temporary folders of uploads
 * and imports that a process which died left behind.
 */
export const init: ServerInit = () => {
	installProcessGuard();
	const removed = sweepStaleTempDirs();
	if (removed.length > 0) {
		console.warn(`removed ${removed.length} stale temporary folder(s): ${removed.join(', ')}`);
	}
};

/** Headers set on every response (the Content-Security-Policy is set in svelte.config.js). */
export const securityHeaders: Readonly<Record<string, string>> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'same-origin',
	'X-Frame-Options': 'DENY'
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

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	try {
		for (const [name, value] of Object.entries(securityHeaders)) response.headers.set(name, value);
		return response;
	} catch {
		// Some responses (e.g. from fetch or Response.redirect) have immutable headers: copy.
		const copy = new Response(response.body, response);
		for (const [name, value] of Object.entries(securityHeaders)) copy.headers.set(name, value);
		return copy;
	}
};

// Until sign-in exists every caller sees every member state; sign-in narrows it here.
const handleScope: Handle = ({ event, resolve }) => {
	event.locals.scope = fullScope;
	return resolve(event);
};

export const handle = sequence(handleScope, handleLocale, handleHeaders);

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
