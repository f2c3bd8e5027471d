// Who may open what: every route of src/routes (found on disk, so a new route joins by itself)
// x anonymous and each role x a member state in scope, out of scope, and none, against the built
// server: the status, no-store on what a signed-in user receives, and that no record id the user
// may not see appears in any body. Pages with form actions are also posted to.
//
// The supervisor and ministry users have NL (tests/e2e/serve.js); FR is out of their scope. The
// expectations below restate the role table; they do not read $lib/access.
//
// The bodies without a member state in the address (e.g. /records/sharing as a supervisor) are
// right because the data gate binds each user's scope into every query.
import { expect, request, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseCsv } from '../helpers/csv.ts';
import { credentials, roles, statePath, type RoleKey } from './users.ts';

type Who = RoleKey | 'anonymous';
type Variant = 'in' | 'out' | 'none';

interface Route {
	id: string;
	endpoint: boolean;
	actions: boolean;
}

/** Every route of src/routes: pages, endpoints, and whether a page has form actions. */
function discoverRoutes(): Route[] {
	const root = join('src', 'routes');
	const found = new Map<string, Route>();
	const walk = (dir: string) => {
		for (const name of readdirSync(dir).sort()) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) {
				walk(path);
				continue;
			}
			const rel = relative(root, dir).split('\\').join('/');
			const id = rel === '' ? '/' : `/${rel}`;
			const route = found.get(id) ?? { id, endpoint: false, actions: false };
			if (name === '+server.ts') route.endpoint = true;
			if (name === '+page.svelte') route.endpoint = false;
			if (name === '+page.server.ts') {
				route.actions ||= /export const actions\b/.test(readFileSync(path, 'utf8'));
			}
			if (/^\+(page\.svelte|server\.ts)$/.test(name)) found.set(id, route);
		}
	};
	walk(root);
	return [...found.values()].sort((a, b) => a.id.localeCompare(b.id));
}

const everyone: RoleKey[] = ['admin', 'reviewer', 'supervisor', 'ministry'];

/** A member-state parameter of a route: in its path or its query, about figures or records. */
interface StateParam {
	name: string;
	in: 'route' | 'query';
	set: 'figures' | 'records';
}

interface Expectation {
	/** Who may read it (GET); 'public': also without a session. */
	readers: RoleKey[] | 'public';
	/** Who may post to it (form actions). */
	writers?: RoleKey[] | 'public';
	/** The parameter that names a member state (or, for /imports/[id], a sender's batch). */
	state?: StateParam;
	/** The status of an allowed GET (default 200). */
	status?: number;
}

const figuresIn = (name: string, where: 'route' | 'query' = 'query'): StateParam => ({
	name,
	in: where,
	set: 'figures'
});
const recordsIn = (name: string, where: 'route' | 'query' = 'query'): StateParam => ({
	name,
	in: where,
	set: 'records'
});
const recordReaders: RoleKey[] = ['admin', 'supervisor', 'ministry'];

/** The role table, route by route. A route missing here fails the test that finds it. */
const expectations: Record<string, Expectation> = {
	// The overview and the programme list take no member state (?ms= is a 400 there).
	'/': { readers: everyone },
	'/account': { readers: everyone, writers: everyone },
	'/admin/users': { readers: ['admin'], writers: ['admin'] },
	'/api/v1/metrics': { readers: everyone },
	'/audit': { readers: ['admin', 'supervisor'], state: recordsIn('ms') },
	'/imports': { readers: ['admin', 'supervisor'], writers: ['admin'] },
	'/imports/[id]': { readers: ['admin', 'supervisor'], state: recordsIn('id', 'route') },
	'/imports/[id]/original': {
		readers: ['admin', 'supervisor'],
		state: recordsIn('id', 'route')
	},
	'/imports/queue': { readers: ['admin'] },
	'/lang': { readers: 'public', status: 303 },
	'/login': { readers: 'public', writers: 'public' },
	'/logout': { readers: everyone, writers: everyone, status: 303 },
	'/member-states/[ms]': { readers: everyone, state: figuresIn('ms', 'route') },
	'/member-states/[ms]/download.zip': { readers: recordReaders, state: recordsIn('ms', 'route') },
	'/programmes': { readers: everyone },
	'/programmes/[programme]': { readers: everyone, state: figuresIn('ms') },
	'/programmes/[programme]/[action]': { readers: everyone, state: figuresIn('ms') },
	'/programmes/[programme]/changes': { readers: everyone, state: figuresIn('actor') },
	'/quality/[kind]/[sender]': { readers: recordReaders, state: recordsIn('sender', 'route') },
	'/records': { readers: everyone },
	'/records/actions': { readers: everyone, state: figuresIn('actor') },
	'/records/actions.csv': { readers: everyone, state: figuresIn('actor') },
	'/records/retention': { readers: recordReaders, state: recordsIn('ms') },
	'/records/retention.csv': { readers: recordReaders, state: recordsIn('ms') },
	'/records/sharing': { readers: recordReaders, state: recordsIn('ms') },
	'/records/sharing.csv': { readers: recordReaders, state: recordsIn('ms') },
	// Reports: the list for everyone; [id] is the supervisory audit (fixed below), which lists
	// records: a reviewer may not produce it, a supervisor or ministry only for their states.
	'/reports': { readers: everyone },
	'/reports/[id]': { readers: recordReaders, state: recordsIn('ms') },
	'/reports/[id]/download': { readers: recordReaders, state: recordsIn('ms') },
	// Report jobs: GET lists the caller's own jobs (none here); a job that is not the caller's is
	// not found. Starting one (POST) is tested in reports.spec.ts.
	'/reports/[id]/jobs': { readers: recordReaders },
	'/reports/[id]/jobs/[job]': { readers: recordReaders, status: 404 },
	'/reports/[id]/jobs/[job]/file': { readers: recordReaders, status: 404 }
};

const asOf = '2025-06-30';
const states = { in: 'NL', out: 'FR' } as const;
/** Batches filled by serve.js: one of NL only, one of LU only (found on /imports). */
const batches: { in: number; out: number } = { in: 0, out: 0 };
const fixed: Record<string, string> = {
	kind: 'sharing',
	programme: 'EU-ROADMAP-2016',
	action: '1',
	id: 'supervisor-audit',
	job: '0123456789abcdef0123456789abcdef'
};

/** The address of a route for a variant, or null when the route has no such variant. */
function address(routeId: string, variant: Variant): string | null {
	const state = expectations[routeId]?.state;
	if (variant !== 'none' && !state) return null;
	if (variant === 'none' && state?.in === 'route') return null;
	const stateValue = (v: 'in' | 'out') => (state?.name === 'id' ? String(batches[v]) : states[v]);
	const path = routeId.replace(/\[(\w+)\]/g, (_, name: string) => {
		if (state?.in === 'route' && state.name === name && variant !== 'none') {
			return encodeURIComponent(stateValue(variant));
		}
		const value = fixed[name];
		if (value === undefined) {
			throw new Error(
				`no value for [${name}] of ${routeId}: add one to \`fixed\` in access.spec.ts`
			);
		}
		return encodeURIComponent(value);
	});
	const query = new URLSearchParams();
	if (routeId === '/lang') {
		query.set('to', 'en');
		query.set('back', '/');
	} else if (
		!routeId.startsWith('/admin') &&
		!routeId.startsWith('/reports/[id]/jobs') &&
		// A batch's original takes no parameter (any other is a 400).
		!['/account', '/login', '/imports/[id]/original'].includes(routeId)
	) {
		query.set('asOf', asOf);
	}
	if (routeId === '/reports/[id]/download') query.set('format', 'csv');
	if (state?.in === 'query' && variant !== 'none') query.set(state.name, stateValue(variant));
	const q = query.toString();
	return q ? `${path}?${q}` : path;
}

/** The status a GET must answer, or several when either is right. */
function expectedStatus(route: Route, who: Who, variant: Variant): number[] {
	const e = expectations[route.id];
	// Signed in already: the login page sends the user on.
	if (route.id === '/login' && who !== 'anonymous') return [303];
	if (e.readers === 'public') return [e.status ?? 200];
	if (who === 'anonymous') return [route.endpoint ? 401 : 303];
	if (!e.readers.includes(who)) return [403];
	if (variant === 'out' && e.state) {
		const outOfScope = who === 'supervisor' || (who === 'ministry' && e.state.set === 'records');
		if (outOfScope) return route.id.startsWith('/imports/[id]') ? [403, 404] : [403];
	}
	return [e.status ?? 200];
}

/** Record ids by member state: every sharing and retention row, from admin's CSV downloads. */
const recordState = new Map<string, string>();

function forbiddenIds(who: Who, body: string): string[] {
	if (who === 'admin' || who === 'anonymous') return [];
	const own = who === 'reviewer' ? [] : credentials()[who].memberStates;
	const seen = new Set(body.match(/\b[A-Z]{2,4}-\d{1,10}\b/g) ?? []);
	return [...seen].filter((id) => {
		const state = recordState.get(id);
		return state !== undefined && !own.includes(state);
	});
}

const contexts = new Map<Who, APIRequestContext>();

test.beforeAll(async ({ baseURL }) => {
	for (const who of ['anonymous', ...roles] as Who[]) {
		contexts.set(
			who,
			await request.newContext({
				baseURL,
				storageState: who === 'anonymous' ? { cookies: [], origins: [] } : statePath(who),
				maxRedirects: 0
			})
		);
	}
	const admin = contexts.get('admin') as APIRequestContext;
	for (const set of ['sharing', 'retention']) {
		const csv = await admin.get(`/records/${set}.csv?asOf=2099-12-31`);
		expect(csv.status()).toBe(200);
		const [header, ...rows] = parseCsv((await csv.text()).replace(/^\uFEFF/, ''));
		const id = header.indexOf(set === 'sharing' ? 'event_id' : 'record_id');
		const ms = header.indexOf('member_state');
		for (const r of rows) recordState.set(r[id], r[ms]);
	}
	expect(recordState.size).toBeGreaterThan(100_000);
	const html = await (await admin.get('/imports')).text();
	const batchOf = (file: string) => {
		const row = html.split('<tr').find((r) => r.includes(`>${file}<`));
		const id = /\/imports\/(\d+)"/.exec(row ?? '')?.[1];
		expect(id, `batch of ${file} on /imports`).toBeTruthy();
		return Number(id);
	};
	batches.in = batchOf('sharing-nl-excel.csv');
	batches.out = batchOf('quality-lu-second.csv');
});

test.afterAll(async () => {
	for (const c of contexts.values()) await c.dispose();
});

const routes = discoverRoutes();

test('every route has expectations (a new route must be added to this matrix)', () => {
	expect(routes.map((r) => r.id).filter((id) => !expectations[id])).toEqual([]);
	expect(routes.length).toBeGreaterThan(20);
});

for (const route of routes) {
	for (const variant of ['in', 'out', 'none'] as Variant[]) {
		for (const who of ['anonymous', ...roles] as Who[]) {
			test(`GET ${route.id} (${variant}) as ${who}`, async () => {
				test.skip(!expectations[route.id], 'no expectations (see the test above)');
				const url = address(route.id, variant);
				test.skip(url === null, 'no such variant');
				const response: APIResponse = await contexts
					.get(who)!
					.get(url!, { headers: { accept: route.endpoint ? '*/*' : 'text/html' } });
				const expected = expectedStatus(route, who, variant);
				expect(expected, `${url}`).toContain(response.status());
				if (who === 'anonymous' && !route.endpoint && expectations[route.id].readers !== 'public') {
					expect(response.headers().location).toBe(`/login?redirectTo=${encodeURIComponent(url!)}`);
				}
				if (who !== 'anonymous') expect(response.headers()['cache-control']).toBe('no-store');
				if (response.status() === 200) {
					expect(forbiddenIds(who, await response.text()), `record ids in ${url}`).toEqual([]);
				}
			});
		}
	}
	if (route.actions) {
		for (const who of ['anonymous', ...roles] as Who[]) {
			test(`POST ${route.id} as ${who}`, async ({ baseURL }) => {
				// Posting to /logout would end the role's shared session: anonymous only.
				test.skip(route.id === '/logout' && who !== 'anonymous', 'would sign the role out');
				const e = expectations[route.id];
				const response = await contexts.get(who)!.post(address(route.id, 'none') ?? route.id, {
					headers: { origin: baseURL!, accept: 'text/html' },
					form: {}
				});
				const writers = e.writers ?? [];
				if (writers === 'public') expect(response.status()).not.toBe(403);
				else if (who === 'anonymous') {
					expect(response.status()).toBe(303);
					expect(response.headers().location).toMatch(/^\/login\?redirectTo=/);
				} else if (writers.includes(who)) expect(response.status()).not.toBe(403);
				else expect(response.status()).toBe(403);
			});
		}
	}
}

test('a request from another site is refused (CSRF origin check)', async () => {
	const response = await contexts.get('admin')!.post('/admin/users?/add', {
		headers: { origin: 'https://evil.example', accept: 'text/html' },
		form: { username: 'mallory', role: 'admin' }
	});
	expect(response.status()).toBe(403);
});

test('a figure whose rows the user may not read is shown without its link', async () => {
	const html = async (who: Who, path: string) => {
		const r = await contexts.get(who)!.get(path, { headers: { accept: 'text/html' } });
		expect(r.status(), `${path} as ${who}`).toBe(200);
		return r.text();
	};
	const linksTo = (body: string, route: string) =>
		new RegExp(`href="[^"]*${route.replace(/[.?]/g, '\\$&')}[?"]`).test(body);
	const overview = `/?asOf=${asOf}`;
	// An admin's overview leads to every kind of row; a reviewer's only to the action statuses.
	const admin = await html('admin', overview);
	const reviewer = await html('reviewer', overview);
	for (const route of ['records/actions', 'records/sharing', 'records/retention']) {
		expect(linksTo(admin, route), `admin: ${route}`).toBe(true);
	}
	expect(linksTo(reviewer, 'records/actions')).toBe(true);
	expect(linksTo(reviewer, 'records/sharing')).toBe(false);
	expect(linksTo(reviewer, 'records/retention')).toBe(false);
	// Ministry: France's figures, but not France's rows; the Netherlands' rows.
	// Without ?asOf= (today): data quality counts the files imported up to the as-of date.
	const france = await html('ministry', '/member-states/FR');
	expect(linksTo(france, 'records/actions')).toBe(true);
	expect(linksTo(france, 'records/sharing')).toBe(false);
	expect(linksTo(france, 'quality/sharing/FR')).toBe(false);
	const netherlands = await html('ministry', '/member-states/NL');
	expect(linksTo(netherlands, 'records/sharing')).toBe(true);
	expect(linksTo(netherlands, 'quality/sharing/NL')).toBe(true);
	// Rows name their batch; only those who may open import batches get a link to it.
	const rows = await html('ministry', `/records/sharing?ms=NL&asOf=${asOf}`);
	expect(rows).toMatch(/Batch \d+/);
	expect(linksTo(rows, 'imports/')).toBe(false);
});
