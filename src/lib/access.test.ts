// The role rules: which route each role may use, with which member states, and the links a page
// may show. The browser tests (tests/e2e/access.spec.ts) check the same against the built server.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	decide,
	matchRoute,
	mayFollow,
	publicRoutes,
	routeRules,
	scopeFor,
	type Access
} from './access.ts';

const user = (role: Access['role'], memberStates: string[] = []): Access => ({
	username: role,
	role,
	memberStates
});
const admin = user('admin');
const reviewer = user('reviewer');
const supervisor = user('supervisor', ['NL']);
const ministry = user('ministry', ['NL']);

const get = (a: Access | null, route: string, query = '', params: Record<string, string> = {}) =>
	decide(a, route, 'GET', params, new URLSearchParams(query));

describe('scope by role', () => {
	it('matches the issue table', () => {
		expect(scopeFor('admin', [])).toEqual({ figures: null, records: null });
		expect(scopeFor('reviewer', [])).toEqual({ figures: null, records: [] });
		expect(scopeFor('supervisor', ['NL'])).toEqual({ figures: ['NL'], records: ['NL'] });
		expect(scopeFor('ministry', ['NL'])).toEqual({ figures: null, records: ['NL'] });
	});
});

describe('decide', () => {
	it('every route of src/routes has a rule (a new one is closed until it gets one)', () => {
		const root = join(process.cwd(), 'src/routes');
		const ids: string[] = [];
		const walk = (dir: string) => {
			for (const name of readdirSync(dir)) {
				const path = join(dir, name);
				if (statSync(path).isDirectory()) walk(path);
				else if (/^\+(page\.svelte|server\.ts)$/.test(name)) {
					ids.push('/' + relative(root, dir).split('\\').join('/'));
				}
			}
		};
		walk(root);
		const normalised = ids.map((id) => (id === '/' ? '/' : id.replace(/\/$/, '')));
		expect([...new Set(normalised)].sort()).toEqual(Object.keys(routeRules).sort());
		expect(get(admin, '/some/new/route')).toEqual({ ok: false, status: 403 });
	});

	it('only /login and /lang are open without a session', () => {
		expect([...publicRoutes].sort()).toEqual(['/lang', '/login']);
		expect(get(null, '/')).toEqual({ ok: false, status: 401 });
		expect(get(null, '/records/sharing.csv')).toEqual({ ok: false, status: 401 });
		expect(get(null, '/login')).toEqual({ ok: true });
	});

	it('reviewers see figures, not records, imports, the audit trail or users', () => {
		expect(get(reviewer, '/').ok).toBe(true);
		expect(get(reviewer, '/records/actions', 'actor=FR').ok).toBe(true);
		expect(get(reviewer, '/records/sharing').ok).toBe(false);
		expect(get(reviewer, '/records/retention.csv').ok).toBe(false);
		expect(
			get(reviewer, '/quality/[kind]/[sender]', '', { kind: 'sharing', sender: 'NL' }).ok
		).toBe(false);
		expect(get(reviewer, '/imports').ok).toBe(false);
		expect(get(reviewer, '/audit').ok).toBe(false);
		expect(get(reviewer, '/admin/users').ok).toBe(false);
	});

	it('supervisors: their states only, imports and the audit trail read-only', () => {
		expect(get(supervisor, '/member-states/[ms]', '', { ms: 'NL' }).ok).toBe(true);
		expect(get(supervisor, '/member-states/[ms]', '', { ms: 'nl' }).ok).toBe(true);
		expect(get(supervisor, '/member-states/[ms]', '', { ms: 'FR' })).toEqual({
			ok: false,
			status: 403
		});
		expect(get(supervisor, '/records/sharing', 'ms=NL').ok).toBe(true);
		expect(get(supervisor, '/records/sharing', 'ms=FR').ok).toBe(false);
		expect(get(supervisor, '/records/actions', 'actor=FR').ok).toBe(false);
		expect(get(supervisor, '/imports').ok).toBe(true);
		expect(decide(supervisor, '/imports', 'POST', {}, new URLSearchParams()).ok).toBe(false);
		expect(get(supervisor, '/audit', 'ms=FR').ok).toBe(false);
		expect(get(supervisor, '/admin/users').ok).toBe(false);
		// Everything about a member state: their own only; a batch's original as the batch.
		const zip = '/member-states/[ms]/download.zip';
		expect(get(supervisor, zip, 'asOf=2025-06-30', { ms: 'NL' }).ok).toBe(true);
		expect(get(supervisor, zip, 'asOf=2025-06-30', { ms: 'FR' })).toEqual({
			ok: false,
			status: 403
		});
		expect(get(supervisor, '/imports/[id]/original', '', { id: '7' }).ok).toBe(true);
	});

	it('ministry: figures of all states, records of their own', () => {
		expect(get(ministry, '/member-states/[ms]', '', { ms: 'FR' }).ok).toBe(true);
		expect(get(ministry, '/records/actions', 'actor=FR').ok).toBe(true);
		expect(get(ministry, '/records/sharing', 'ms=NL').ok).toBe(true);
		expect(get(ministry, '/records/sharing', 'ms=FR').ok).toBe(false);
		expect(get(ministry, '/records/sharing', 'ms=GR').ok).toBe(false);
		expect(get(user('ministry', ['EL']), '/records/sharing', 'ms=GR').ok).toBe(true);
		expect(get(ministry, '/imports').ok).toBe(false);
		expect(get(ministry, '/imports/[id]/original', '', { id: '7' }).ok).toBe(false);
		const zip = '/member-states/[ms]/download.zip';
		expect(get(ministry, zip, '', { ms: 'NL' }).ok).toBe(true);
		expect(get(ministry, zip, '', { ms: 'FR' }).ok).toBe(false);
		expect(get(reviewer, zip, '', { ms: 'NL' }).ok).toBe(false);
		expect(get(ministry, '/audit').ok).toBe(false);
	});

	it('admins may do everything, uploads included', () => {
		for (const id of Object.keys(routeRules)) expect(get(admin, id).ok, id).toBe(true);
		expect(decide(admin, '/imports', 'POST', {}, new URLSearchParams()).ok).toBe(true);
		expect(decide(admin, '/records/sharing', 'POST', {}, new URLSearchParams()).ok).toBe(false);
	});
});

describe('links', () => {
	it('match routes by pattern', () => {
		expect(matchRoute('/member-states/NL')).toEqual({
			id: '/member-states/[ms]',
			params: { ms: 'NL' }
		});
		expect(matchRoute('/records/sharing.csv')?.id).toBe('/records/sharing.csv');
		expect(matchRoute('/nowhere')).toBeNull();
	});

	it('a figure links only to rows the user may read', () => {
		const base = 'http://cosi.invalid/member-states/NL';
		expect(mayFollow(reviewer, './records/actions?actor=NL', base)).toBe(true);
		expect(mayFollow(reviewer, '/records/sharing?ms=NL', base)).toBe(false);
		expect(mayFollow(ministry, '/records/sharing?ms=NL', base)).toBe(true);
		expect(mayFollow(ministry, '/records/sharing?ms=FR', base)).toBe(false);
		expect(mayFollow(supervisor, '/quality/sharing/NL?show=rejected', base)).toBe(true);
		expect(mayFollow(supervisor, '/quality/sharing/FR', base)).toBe(false);
	});
});

describe('mayFollow resolves links as the browser does', () => {
	it('relative, absolute and full links', () => {
		const base = 'http://cosi.invalid/programmes/EU/1?asOf=2025-06-30';
		expect(mayFollow(ministry, '../../records/sharing?ms=FR', base)).toBe(false);
		expect(mayFollow(ministry, '../../records/sharing?ms=NL#top', base)).toBe(true);
		expect(mayFollow(ministry, './../../records/sharing?ms=FR', base)).toBe(false);
		expect(mayFollow(ministry, 'http://cosi.invalid/records/sharing?ms=FR', base)).toBe(false);
		expect(mayFollow(ministry, 'https://elsewhere.example/records/sharing?ms=FR', base)).toBe(true);
		expect(mayFollow(reviewer, '/quality/sharing/NL#rows', base)).toBe(false);
		expect(mayFollow(admin, '/quality/sharing/FR', base)).toBe(true);
		expect(mayFollow(null, '/records/sharing', base)).toBe(false);
	});
});
