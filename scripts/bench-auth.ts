// Signing the web benchmarks in: an admin user `bench` with a new random password for each run
// (through the CLI, in a process of its own: opening a database again in a process that closed
// it is what DuckDB's bindings like least), and the session cookie from /login.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../src/lib/server/db.ts';

function cosi(db: string, args: string[]) {
	return spawnSync(
		process.execPath,
		[join(repoRoot, 'bin/cosi.js'), ...args, '--json', '--db', db],
		{
			cwd: repoRoot,
			encoding: 'utf8',
			env: { ...process.env, COSI_USER: 'bench' }
		}
	);
}

/** The password of `bench` on `db` (added as an admin, or given a new password). */
export function benchPassword(db: string): string {
	let r = cosi(db, ['user', 'reset-password', 'bench']);
	if (r.status !== 0) r = cosi(db, ['user', 'add', 'bench', '--role', 'admin']);
	if (r.status !== 0) throw new Error(`cosi user (bench): ${r.stderr}`);
	return JSON.parse(r.stdout).password as string;
}

/** Sign in at `base` as bench: the session cookie, or null for a server without sign-in. */
export async function benchCookie(base: string, password: string): Promise<string | null> {
	if ((await fetch(`${base}/login`)).status === 404) return null;
	const r = await fetch(`${base}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: base,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ username: 'bench', password }).toString()
	});
	const cookie = /cosi_session=[^;]+/.exec(r.headers.get('set-cookie') ?? '')?.[0];
	if (r.status !== 303 || !cookie) throw new Error(`sign-in at ${base} failed: ${r.status}`);
	return cookie;
}
