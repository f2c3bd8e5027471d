// A built server of a spec's own (port E2E_PORT + 1), on a fresh database, for tests that move
// its clock or sign users out: they must not disturb the shared server of the other specs.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve('.');

export interface OwnServer {
	url: string;
	db: string;
	/** Everything the server printed so far. */
	output: () => string;
	stop: () => Promise<void>;
}

export async function startServer(name: string, env: NodeJS.ProcessEnv = {}): Promise<OwnServer> {
	const port = Number(process.env.E2E_PORT ?? 4173) + 1;
	const dir = join(root, 'tests', 'e2e', '.artifacts', name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const db = join(dir, `${name}.duckdb`);
	const url = `http://localhost:${port}`;
	let output = '';
	const child: ChildProcess = spawn(process.execPath, ['build'], {
		cwd: root,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			COSI_DB: db,
			BODY_SIZE_LIMIT: '10M',
			...env
		}
	});
	child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
	child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null)
			throw new Error(`the server exited (${child.exitCode}):\n${output}`);
		try {
			const r = await fetch(`${url}/login`);
			if (r.status === 200) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`the server did not start:\n${output}`);
		await new Promise((r) => setTimeout(r, 250));
	}
	return {
		url,
		db,
		output: () => output,
		stop: () =>
			new Promise((done) => {
				if (child.exitCode !== null) return done();
				child.once('exit', () => done());
				child.kill('SIGTERM');
			})
	};
}

export interface CliRun {
	code: number;
	stdout: string;
	stderr: string;
}

/** `npx cosi ...` on a database (while its server runs, the command goes to the server). */
export function cosi(db: string, args: string[], stdin?: string): CliRun {
	const r = spawnSync(process.execPath, ['bin/cosi.js', ...args, '--db', db], {
		cwd: root,
		input: stdin,
		encoding: 'utf8',
		env: { ...process.env, COSI_USER: 'operator' }
	});
	return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}
