// `npm start`: build the app when its sources changed, make sure the database has data, then
// run the built server.
//
// On a fresh clone (after `npm ci`) this loads the bundled sample files into the database
// first, so the app has something to show. Plain Node (no TypeScript) so it runs as is.
//
// Environment: COSI_DB (database file, default data/cosi.duckdb), PORT (default 3000),
// HOST (default 0.0.0.0), BODY_SIZE_LIMIT (largest request body, default 200M here so that
// uploads on /imports work; adapter-node's own default is 512K), ORIGIN (only behind a proxy:
// the address users type, e.g. https://cosi.example.org; without it the app answers at any
// address over plain HTTP: scripts/serve-local.js).
import { DuckDBInstance } from '@duckdb/node-api';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** The child process currently running, so that signals reach it. */
let current = null;
let stopping = false;

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		stopping = true;
		if (current && current.exitCode === null && current.signalCode === null) current.kill(signal);
		else process.exit(130);
	});
}

/** Run a command with inherited stdio; resolves with its exit code (or 1 on a signal). */
function run(command, args, options = {}) {
	return new Promise((resolveExit, reject) => {
		const child = spawn(command, args, {
			cwd: root,
			stdio: 'inherit',
			shell: process.platform === 'win32',
			...options
		});
		current = child;
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			current = null;
			resolveExit(code ?? (signal ? 1 : 0));
		});
	});
}

/** What the build is made from: the app's sources and the configuration that shapes it. */
const buildInputs = [
	'src',
	'static',
	'package-lock.json',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json'
];
/** Generated from the sources during the build: not an input of its own. */
const generated = [
	join('src', 'lib', 'paraglide'),
	join('src', 'lib', 'i18n', 'project.inlang', 'cache')
];
const stampFile = join(root, 'build', '.sources.sha256');

function* files(path) {
	if (generated.some((g) => path === join(root, g))) return;
	const stat = statSync(path, { throwIfNoEntry: false });
	if (!stat) return;
	if (!stat.isDirectory()) {
		yield path;
		return;
	}
	for (const name of readdirSync(path).sort()) yield* files(join(path, name));
}

/** A SHA-256 over the names and contents of every build input (about 0.1 s). */
function sourcesHash() {
	const hash = createHash('sha256');
	for (const input of buildInputs) {
		for (const file of files(join(root, input))) {
			hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
		}
	}
	return hash.digest('hex');
}

/** Whether build/ was made from exactly these sources. */
function builtFrom(hash) {
	return (
		existsSync(join(root, 'build', 'handler.js')) &&
		existsSync(stampFile) &&
		readFileSync(stampFile, 'utf8').trim() === hash
	);
}

/** `vite build`, its output kept back unless it fails. */
function build() {
	return new Promise((resolveExit, reject) => {
		const child = spawn(npx, ['vite', 'build'], {
			cwd: root,
			stdio: ['ignore', 'pipe', 'pipe'],
			shell: process.platform === 'win32'
		});
		current = child;
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			current = null;
			const exit = code ?? (signal ? 1 : 0);
			if (exit !== 0 && !stopping) process.stderr.write(output);
			resolveExit(exit);
		});
	});
}

/**
 * How many import batches the database holds: 0 when the file or the batch table does not
 * exist yet. Opened read-only and closed again, so the lock is released before the server
 * starts.
 */
async function countBatches(path) {
	if (!existsSync(path)) return 0;
	let instance;
	try {
		instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
	} catch (e) {
		const message = e instanceof Error ? e.message : String(e);
		if (/Could not set lock on file/.test(message)) {
			console.error(
				`start: the database ${path} is in use by another process.\n` +
					'Stop that process (a running server or `npx cosi` command), or use another file: COSI_DB=other.duckdb npm start'
			);
			process.exit(1);
		}
		throw e;
	}
	try {
		const con = await instance.connect();
		try {
			const exists = await con.runAndReadAll(
				"SELECT count(*)::INTEGER FROM information_schema.tables WHERE table_name = 'batch'"
			);
			if (Number(exists.getRows()[0][0]) === 0) return 0;
			const reader = await con.runAndReadAll('SELECT count(*)::INTEGER FROM batch');
			return Number(reader.getRows()[0][0]);
		} finally {
			con.closeSync();
		}
	} finally {
		instance.closeSync();
	}
}

async function main() {
	const port = process.env.PORT || '3000';
	const host = process.env.HOST || '0.0.0.0';
	const dbPath = resolve(root, process.env.COSI_DB || join('data', 'cosi.duckdb'));
	const shownDb = relative(root, dbPath).startsWith('..') ? dbPath : relative(root, dbPath);

	// Checked first: a database held by another process should fail fast, before the build.
	const batches = await countBatches(dbPath);

	const hash = sourcesHash();
	if (builtFrom(hash)) {
		console.log('start: the app is built from the current sources');
	} else {
		console.log('start: building the app (vite build, about 20 s; only when the sources change)');
		const started = Date.now();
		const built = await build();
		if (built !== 0 || stopping) {
			console.error(`start: vite build failed (exit code ${built}; its output is above)`);
			return built || 1;
		}
		writeFileSync(stampFile, hash + '\n');
		console.log(`start: built in ${Math.round((Date.now() - started) / 1000)} s`);
	}

	if (batches === 0) {
		console.log(
			`start: ${shownDb} ${existsSync(dbPath) ? 'has no imports' : 'does not exist'}; ` +
				`loading the bundled sample data (npx cosi samples --db ${shownDb})`
		);
		// Exit code 2 or 3: some sample files or rows were rejected, the rest is loaded.
		const loaded = await run(npx, ['cosi', 'samples', '--db', dbPath]);
		if (stopping) return 130;
		if (loaded === 2 || loaded === 3) {
			console.warn('start: some sample data was rejected (see above); starting with the rest');
		} else if (loaded !== 0) {
			console.error(`start: loading the sample data failed (exit code ${loaded})`);
			return loaded;
		}
	} else {
		console.log(`start: using ${shownDb} (${batches} import batch${batches === 1 ? '' : 'es'})`);
	}

	// With ORIGIN (behind a proxy) adapter-node's own server; else one that answers at any
	// local address (scripts/serve-local.js says why).
	const server = process.env.ORIGIN ? ['build'] : [join('scripts', 'serve-local.js')];
	return run(process.execPath, server, {
		env: {
			...process.env,
			PORT: port,
			HOST: host,
			COSI_DB: dbPath,
			BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT || '200M'
		}
	});
}

main().then(
	(code) => process.exit(code),
	(e) => {
		console.error('start:', e instanceof Error ? e.message : e);
		process.exit(1);
	}
);
