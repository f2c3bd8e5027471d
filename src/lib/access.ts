// Who may do what: the one place with the role rules (issue "Sign-in, roles and member-state
// scope"). The server enforces them for every request in hooks.server.ts, by route id, before any
// load, action or endpoint runs; pages use the same rules to show a figure without its link when
// its rows are out of reach. Nothing here is secret, so the browser may have it too.
//
// Deny by default: a route that is not listed in `routeRules` answers 403 to every signed-in user
// (and, like every route but the public ones, 303 to /login or 401 without a session).

import type { Scope, StateSet } from './server/scope.ts';

export const roles = ['admin', 'reviewer', 'supervisor', 'ministry'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
	return (roles as readonly string[]).includes(value);
}

/** Roles whose users work on their own member states (at least one), and no other role. */
export const scopedRoles: readonly Role[] = ['supervisor', 'ministry'];

/**
 * What a role may do:
 * - figures: aggregates and action statuses (within the scope's figure states);
 * - records: record-level sharing and retention rows, data-quality rows (within the record states);
 * - imports: the import batches and their rows, read-only (a supervisor: of their senders);
 * - upload: import files on the web;
 * - audit: the audit trail (a supervisor: the entries about their member states);
 * - users: manage users, roles and tokens.
 */
export type Capability = 'figures' | 'records' | 'imports' | 'upload' | 'audit' | 'users';

const capabilities: Record<Role, readonly Capability[]> = {
	admin: ['figures', 'records', 'imports', 'upload', 'audit', 'users'],
	reviewer: ['figures'],
	supervisor: ['figures', 'records', 'imports', 'audit'],
	ministry: ['figures', 'records']
};

/** What the signed-in user is, as the rules need it (and as pages receive it). */
export interface Access {
	username: string;
	role: Role;
	/** The user's member states (supervisor, ministry); empty for admin and reviewer. */
	memberStates: string[];
}

/** The member states whose figures and records a user may read (see $lib/server/scope). */
export function scopeFor(role: Role, memberStates: readonly string[]): Scope {
	const own: StateSet = [...memberStates];
	switch (role) {
		case 'admin':
			return { figures: null, records: null };
		case 'reviewer':
			return { figures: null, records: [] };
		case 'supervisor':
			return { figures: own, records: own };
		case 'ministry':
			return { figures: null, records: own };
	}
}

export function can(access: Access | null, capability: Capability): boolean {
	return access !== null && capabilities[access.role].includes(capability);
}

/** Who may use a route: a capability, any signed-in user, or anyone. */
export type Requirement = Capability | 'signed_in' | 'public';

export interface RouteRule {
	/** GET and HEAD: pages, their data, downloads and API reads. */
	read: Requirement;
	/** Other methods (form actions): absent means nobody. */
	write?: Requirement;
	/**
	 * Member-state parameters checked against the scope: a route parameter or a query parameter
	 * naming a state outside the user's figure (or record) states answers 403.
	 */
	states?: readonly StateParam[];
}

export interface StateParam {
	name: string;
	in: 'route' | 'query';
	set: 'figures' | 'records';
}

const figureStates = (name: string, where: 'route' | 'query' = 'query'): StateParam => ({
	name,
	in: where,
	set: 'figures'
});
const recordStates = (name: string, where: 'route' | 'query' = 'query'): StateParam => ({
	name,
	in: where,
	set: 'records'
});

const figurePage: RouteRule = { read: 'figures', states: [figureStates('ms')] };
const recordPage: RouteRule = { read: 'records', states: [recordStates('ms')] };
const actionRecords: RouteRule = {
	read: 'figures',
	states: [figureStates('ms'), figureStates('actor')]
};

/** Every route of src/routes by route id. A route missing here is closed to everyone. */
export const routeRules: Readonly<Record<string, RouteRule>> = {
	'/login': { read: 'public', write: 'public' },
	'/lang': { read: 'public' },
	'/logout': { read: 'signed_in', write: 'signed_in' },
	'/account': { read: 'signed_in', write: 'signed_in' },
	'/': figurePage,
	'/member-states/[ms]': { read: 'figures', states: [figureStates('ms', 'route')] },
	// Everything about one member state: its records (and action statuses), so a record reader of
	// that state.
	'/member-states/[ms]/download.zip': { read: 'records', states: [recordStates('ms', 'route')] },
	'/programmes': figurePage,
	'/programmes/[programme]': figurePage,
	'/programmes/[programme]/[action]': figurePage,
	'/programmes/[programme]/changes': actionRecords,
	'/records': { read: 'figures' },
	'/records/actions': actionRecords,
	'/records/actions.csv': actionRecords,
	'/records/sharing': recordPage,
	'/records/sharing.csv': recordPage,
	'/records/retention': recordPage,
	'/records/retention.csv': recordPage,
	'/quality/[kind]/[sender]': {
		read: 'records',
		states: [recordStates('sender', 'route'), recordStates('ms')]
	},
	'/imports': { read: 'imports', write: 'upload' },
	'/imports/[id]': { read: 'imports' },
	// The batch's file as imported: whoever may see the batch (the query's scope decides, 404).
	'/imports/[id]/original': { read: 'imports' },
	// The writer queue's place of an upload (the upload form polls it): for those who may upload.
	'/imports/queue': { read: 'upload' },
	'/api/v1/metrics': { read: 'figures' },
	// Reports: the page checks each member state asked for against the record scope for
	// record-level reports (supervisor-audit), the figure scope for the others.
	'/reports': { read: 'figures' },
	'/reports/[id]': { read: 'figures', states: [figureStates('ms')] },
	'/reports/[id]/download': { read: 'figures', states: [figureStates('ms')] },
	// Report jobs (a download prepared in the background): starting one (POST) is a download, with
	// the same checks; a job and its file are only ever found by the user who started it.
	'/reports/[id]/jobs': {
		read: 'figures',
		write: 'figures',
		states: [figureStates('ms')]
	},
	'/reports/[id]/jobs/[job]': { read: 'figures' },
	'/reports/[id]/jobs/[job]/file': { read: 'figures' },
	'/audit': { read: 'audit', states: [recordStates('ms')] },
	'/admin/users': { read: 'users', write: 'users' }
};

/** The routes anyone may use without signing in. */
export const publicRoutes: readonly string[] = Object.entries(routeRules)
	.filter(([, rule]) => rule.read === 'public')
	.map(([id]) => id);

/** State codes as the URL may give them: upper case, with the aliases of data/reference. */
const stateAliases: Readonly<Record<string, string>> = { GR: 'EL', GB: 'UK' };

export function canonicalState(code: string): string {
	const upper = code.trim().toUpperCase();
	return stateAliases[upper] ?? upper;
}

function allowed(set: StateSet, code: string): boolean {
	return set === null || set.includes(canonicalState(code));
}

export type Decision = { ok: true } | { ok: false; status: 401 | 403 };

/**
 * May `access` (null: nobody signed in) use route `routeId` with `method`? Route parameters and
 * the query are checked against the user's scope where the rule names state parameters.
 */
export function decide(
	access: Access | null,
	routeId: string | null,
	method: string,
	params: Readonly<Record<string, string | undefined>>,
	query: URLSearchParams
): Decision {
	const rule = routeId === null ? undefined : routeRules[routeId];
	const reading = method === 'GET' || method === 'HEAD';
	const requirement = rule ? (reading ? rule.read : rule.write) : undefined;
	if (requirement === 'public') return { ok: true };
	if (access === null) return { ok: false, status: 401 };
	// An unknown address is the router's 404, not ours; an unlisted route is closed.
	if (routeId === null) return { ok: true };
	if (requirement === undefined) return { ok: false, status: 403 };
	if (requirement !== 'signed_in' && !can(access, requirement)) return { ok: false, status: 403 };
	const scope = scopeFor(access.role, access.memberStates);
	for (const p of rule?.states ?? []) {
		const values = p.in === 'route' ? [params[p.name]] : query.getAll(p.name);
		for (const value of values) {
			if (value && value.trim() !== '' && !allowed(scope[p.set], value)) {
				return { ok: false, status: 403 };
			}
		}
	}
	return { ok: true };
}

/** Route ids as patterns: `/member-states/[ms]` matches `/member-states/NL`. */
const routePatterns = Object.keys(routeRules).map((id) => {
	const names: string[] = [];
	const source = id
		.split('/')
		.map((segment) => {
			const m = /^\[(\w+)\]$/.exec(segment);
			if (!m) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			names.push(m[1]);
			return '([^/]+)';
		})
		.join('/');
	return { id, names, regex: new RegExp(`^${source === '' ? '/' : source}$`) };
});

/** The route id and parameters of a same-site path, or null when no rule's route matches. */
export function matchRoute(
	pathname: string
): { id: string; params: Record<string, string> } | null {
	for (const r of routePatterns) {
		const m = r.regex.exec(pathname);
		if (!m) continue;
		const params: Record<string, string> = {};
		r.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1])));
		return { id: r.id, params };
	}
	return null;
}

/** Whether `access` may read every route with every parameter (an admin): no link to check. */
const readsAll = new WeakMap<Access, boolean>();

function readsEverything(access: Access): boolean {
	let all = readsAll.get(access);
	if (all === undefined) {
		const scope = scopeFor(access.role, access.memberStates);
		all =
			scope.figures === null &&
			scope.records === null &&
			Object.values(routeRules).every(
				(r) => r.read === 'public' || r.read === 'signed_in' || can(access, r.read)
			);
		readsAll.set(access, all);
	}
	return all;
}

let lastBase = { href: '', dir: '/' };

/** The path of `href` (a path, or relative to `base` as server rendering writes them). */
function pathOf(path: string, base: URL | string): string {
	if (path.startsWith('/')) return path;
	const href = String(base);
	if (lastBase.href !== href) {
		const pathname = new URL(href).pathname;
		lastBase = { href, dir: pathname.slice(0, pathname.lastIndexOf('/') + 1) };
	}
	const out = lastBase.dir.split('/').slice(0, -1);
	for (const segment of path.split('/')) {
		if (segment === '..') {
			if (out.length > 1) out.pop();
		} else if (segment !== '.') out.push(segment);
	}
	return out.join('/') || '/';
}

/**
 * Whether a link leads somewhere `access` may read: a figure whose rows are out of reach is
 * shown without its link ($lib/links.ts). `href` is a path with its query (as the link helpers build it); paths
 * relative to the page (server rendering) are resolved against `base`. Called for every figure
 * of a page, so it avoids parsing URLs where it can.
 */
export function mayFollow(access: Access | null, href: string, base: URL | string): boolean {
	if (access && readsEverything(access)) return true;
	if (/^[a-z][a-z0-9+.-]*:/i.test(href)) {
		const url = new URL(href);
		if (url.origin !== new URL(base).origin) return true;
		href = url.pathname + url.search;
	}
	const end = href.search(/[?#]/);
	const path = end < 0 ? href : href.slice(0, end);
	const route = matchRoute(pathOf(path, base));
	if (!route) return true;
	const query = end < 0 || href[end] === '#' ? '' : href.slice(end + 1).split('#')[0];
	return decide(access, route.id, 'GET', route.params, new URLSearchParams(query)).ok;
}
