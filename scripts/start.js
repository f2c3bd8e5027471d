// `npm start`: build the app, make sure the database has data, then run the built server.
//
// On a fresh clone (after `npm ci`) this loads the bundled sample files into the database
// first, so the app has something to show. Plain Node (no TypeScript) so it runs as is.
//
// Environment: COSI_DB (database file, default data/cosi.duckdb), PORT (default 3000),
// HOST (default 0.0.0.0), ORIGIN (default http://localhost:<PORT>), BODY_SIZE_LIMIT (largest
// request body, default 200M here so that uploads on /imports work; adapter-node's own default
// is 512K).
import { DuckDBInstance } from '@duckdb/node-api';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
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
	const origin = process.env.ORIGIN || `http://localhost:${port}`;
	const dbPath = resolve(root, process.env.COSI_DB || join('data', 'cosi.duckdb'));
	const shownDb = relative(root, dbPath).startsWith('..') ? dbPath : relative(root, dbPath);

	// Checked first: a database held by another process should fail fast, before the build.
	const batches = await countBatches(dbPath);

	console.log('start: building the app (vite build)');
	const built = await run(npx, ['vite', 'build']);
	if (built !== 0 || stopping) {
		console.error(`start: vite build failed (exit code ${built})`);
		return built || 1;
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

	console.log(`cosi-monitor on http://localhost:${port}`);
	return run(process.execPath, ['build'], {
		env: {
			...process.env,
			PORT: port,
			HOST: host,
			ORIGIN: origin,
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
