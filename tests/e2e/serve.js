// The server for the browser tests (playwright.config.ts `webServer`): a fresh database of
// its own with the bundled samples and one user per role, then the built app (`npm run build`
// must have run).
//
// Its own file because a DuckDB file that one process writes cannot be opened by another.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const port = process.env.PORT || '4173';
const db = join(root, 'tests/e2e/.artifacts/e2e.duckdb');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

if (!existsSync(join(root, 'build/index.js'))) {
	console.error('serve: no build/ found; run `npm run build` first (npm run test:e2e does both)');
	process.exit(1);
}

mkdirSync(dirname(db), { recursive: true });
// The database and the originals kept beside it (src/lib/server/originals.ts).
for (const file of [db, `${db}.wal`, `${db}.originals`])
	rmSync(file, { force: true, recursive: true });

console.log(`serve: loading the sample data into ${db}`);
const samples = spawnSync(npx, ['cosi', 'samples', '--db', db], {
	cwd: root,
	stdio: 'inherit',
	shell: process.platform === 'win32'
});
// Exit code 2 or 3: some sample files or rows were rejected; the tests run on the rest.
if (samples.status === 2 || samples.status === 3) {
	console.warn('serve: some sample data was rejected (see above)');
} else if (samples.status !== 0) {
	console.error(
		`serve: \`npx cosi samples\` failed (exit code ${samples.status ?? samples.signal})`
	);
	process.exit(1);
}

// Two sharing files from LU for the data-quality pages (tests/e2e/quality.spec.ts): the second
// supersedes two rows of the first and has rejected rows (one value is markup, shown as text).
// Their rows are dated 2099, so they change no figure as of an earlier date.
const qualityFixtures = ['quality-lu-first.csv', 'quality-lu-second.csv'].map((f) =>
	join(root, 'tests/e2e/fixtures', f)
);
const quality = spawnSync(
	process.execPath,
	['bin/cosi.js', 'ingest', ...qualityFixtures, '--kind', 'sharing', '--db', db],
	{ cwd: root, stdio: 'inherit' }
);
// Exit code 3: imported with rejected rows, as intended.
if (quality.status !== 0 && quality.status !== 3) {
	console.error(`serve: importing the data-quality fixtures failed (exit code ${quality.status})`);
	process.exit(1);
}

// The headline metrics the overview must show (tests/e2e/overview.spec.ts), computed by the CLI
// now: once the server runs, it holds the database and the CLI cannot open it.
const metricsAsOf = '2025-06-30';
const metrics = spawnSync(
	process.execPath,
	['bin/cosi.js', 'metrics', '--as-of', metricsAsOf, '--json', '--db', db],
	{ cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
);
if (metrics.status !== 0) {
	console.error(`serve: \`cosi metrics\` failed (exit code ${metrics.status}): ${metrics.stderr}`);
	process.exit(1);
}
writeFileSync(join(dirname(db), `metrics-${metricsAsOf}.json`), metrics.stdout);

// One user per role (tests/e2e/users.ts), added with the CLI before the server starts, each with
// a random password given on standard input. The passwords go to a file of the test artifacts
// (mode 0600) that auth.setup.ts signs in with; the server itself has no default password.
const users = {
	admin: { username: 'e2e-admin', role: 'admin', memberStates: [] },
	reviewer: { username: 'e2e-reviewer', role: 'reviewer', memberStates: [] },
	supervisor: { username: 'e2e-supervisor', role: 'supervisor', memberStates: ['NL'] },
	ministry: { username: 'e2e-ministry', role: 'ministry', memberStates: ['NL'] }
};
/** @type {Record<string, object>} */
const credentials = {};
for (const [key, user] of Object.entries(users)) {
	const password = randomBytes(18).toString('base64url');
	const added = spawnSync(
		process.execPath,
		[
			'bin/cosi.js',
			'user',
			'add',
			user.username,
			'--role',
			user.role,
			...user.memberStates.flatMap((ms) => ['--member-state', ms]),
			'--password-stdin',
			'--db',
			db
		],
		{
			cwd: root,
			input: `${password}\n`,
			encoding: 'utf8',
			env: { ...process.env, COSI_USER: 'e2e' }
		}
	);
	if (added.status !== 0) {
		console.error(`serve: \`cosi user add ${user.username}\` failed: ${added.stderr}`);
		process.exit(1);
	}
	credentials[key] = { ...user, password };
}
writeFileSync(join(dirname(db), 'users.json'), JSON.stringify(credentials, null, 2), {
	mode: 0o600
});

const server = spawn(process.execPath, ['build'], {
	cwd: root,
	stdio: 'inherit',
	env: {
		...process.env,
		PORT: port,
		HOST: '0.0.0.0',
		ORIGIN: `http://localhost:${port}`,
		COSI_DB: db,
		// Uploads on /imports: adapter-node refuses bodies over 512K unless told otherwise.
		BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT || '200M'
	}
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
