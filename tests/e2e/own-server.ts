// A built server of a test's own (`node build`, as `npm run build` left it): its own free port,
// its own empty DuckDB file and its own temporary folder (TMPDIR) under tests/e2e/.artifacts,
// so a test can abuse it, look into its temporary folder and stop it, without touching the
// server the other browser tests share (playwright.config.ts) or another checkout's.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export interface OwnServer {
	port: number;
	origin: string;
	/** The folder of this server: its database, its TMPDIR (tmp/) and anything the test puts. */
	dir: string;
	db: string;
	tmp: string;
	/** While this file exists, the server's next import waits (COSI_TEST_HOLD_IMPORTS). */
	hold: string;
	process: ChildProcess;
	/** The session cookie of the first administrator, signed in at start: sent with every request. */
	cookie: string;
	/** Everything the server wrote to stdout and stderr so far. */
	log(): string;
	stop(): Promise<void>;
}

/** A port nobody listens on now (the kernel's choice). */
function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const probe = createServer();
		probe.on('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolvePort(port));
		});
	});
}

/**
 * Start the built server. `prepare(dir, tmp)` runs before it starts (e.g. to leave stale
 * folders for its start-up sweep); `env` adds to its environment.
 */
export async function startOwnServer(
	env: Record<string, string> = {},
	prepare?: (dir: string, tmp: string) => void,
	/** `build`: `node build` with ORIGIN, as the other tests; `local`: what `npm start` runs. */
	command: 'build' | 'local' = 'build'
): Promise<OwnServer> {
	const artifacts = join(root, 'tests/e2e/.artifacts');
	mkdirSync(artifacts, { recursive: true });
	const dir = mkdtempSync(join(artifacts, 'own-server-'));
	const tmp = join(dir, 'tmp');
	mkdirSync(tmp);
	const db = join(dir, 'own.duckdb');
	const hold = join(dir, 'hold');
	prepare?.(dir, tmp);
	const port = await freePort();
	// Requests go to 127.0.0.1; `node build` is told (ORIGIN) it is localhost, the local server
	// takes the address from the request.
	const origin = command === 'build' ? `http://localhost:${port}` : `http://127.0.0.1:${port}`;
	let output = '';
	const script = command === 'build' ? 'build' : join('scripts', 'serve-local.js');
	const child = spawn(process.execPath, [script], {
		cwd: root,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			// The local server has no ORIGIN: it answers at whatever address it is reached by.
			...(command === 'build' ? { ORIGIN: origin } : {}),
			COSI_DB: db,
			TMPDIR: tmp,
			BODY_SIZE_LIMIT: '200M',
			COSI_TEST_HOLD_IMPORTS: hold,
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout.on('data', (d: Buffer) => (output += d.toString()));
	child.stderr.on('data', (d: Buffer) => (output += d.toString()));
	const server: OwnServer = {
		port,
		origin,
		dir,
		db,
		tmp,
		hold,
		process: child,
		cookie: '',
		log: () => output,
		stop: () =>
			new Promise((done) => {
				if (child.exitCode !== null || child.signalCode !== null) return done();
				child.once('exit', () => done());
				child.kill('SIGTERM');
			})
	};
	try {
		// Ready when it answers.
		for (let attempt = 0; ; attempt++) {
			if (child.exitCode !== null) throw new Error(`server exited at start:\n${output}`);
			try {
				if ((await get(server, '/login')).status === 200) break;
			} catch {
				// Not listening yet.
			}
			if (attempt > 600) throw new Error(`server did not start:\n${output}`);
			await new Promise((r) => setTimeout(r, 100));
		}
		server.cookie = await signInAsFirstAdmin(server, output);
		return server;
	} catch (e) {
		// A server that did not start right is not left running.
		await server.stop();
		throw e;
	}
}

/**
 * Sign in as the administrator a new database gets at first start, with the password the server
 * printed (once, on its console): the session cookie.
 */
async function signInAsFirstAdmin(server: OwnServer, output: string): Promise<string> {
	const password = /password: (\S+)/.exec(output)?.[1];
	if (!password) throw new Error(`the server printed no first password:\n${output}`);
	const body = Buffer.from(new URLSearchParams({ username: 'admin', password }).toString());
	const answer = await send(
		server,
		'POST',
		'/login',
		{
			'content-type': 'application/x-www-form-urlencoded',
			'content-length': body.length,
			origin: server.origin,
			accept: 'text/html'
		},
		body
	);
	const cookie = [answer.headers['set-cookie'] ?? []]
		.flat()
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith('cosi_session='));
	if (answer.status !== 303 || !cookie) {
		throw new Error(`sign-in as admin failed: ${answer.status}\n${answer.body.slice(0, 500)}`);
	}
	return cookie;
}

export interface Answer {
	status: number;
	headers: IncomingHttpHeaders;
	body: string;
}

/** One request over a fresh connection; `body` written whole (or not at all). */
export function send(
	server: OwnServer,
	method: string,
	path: string,
	headers: Record<string, string | number> = {},
	body?: Buffer
): Promise<Answer> {
	return new Promise((resolveAnswer, reject) => {
		// Signed in as the first administrator, unless the request says otherwise.
		const all = server.cookie ? { cookie: server.cookie, ...headers } : headers;
		const req = httpRequest(
			{ host: '127.0.0.1', port: server.port, method, path, headers: all, agent: false },
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => (text += chunk));
				res.on('end', () =>
					resolveAnswer({ status: res.statusCode ?? 0, headers: res.headers, body: text })
				);
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

export const get = (server: OwnServer, path: string) => send(server, 'GET', path);

export const boundary = '----cosiE2EBoundary7MA4YWxkTrZu0gW';

/** A multipart/form-data body as a browser sends the upload form. */
export function multipart(
	fields: Record<string, string>,
	file: { name: string; content: Buffer | string }
): Buffer {
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		parts.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
			)
		);
	}
	parts.push(
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
				'Content-Type: application/octet-stream\r\n\r\n'
		),
		Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
		Buffer.from(`\r\n--${boundary}--\r\n`)
	);
	return Buffer.concat(parts);
}

/** The headers of a form post without JavaScript (the answer is the page, as HTML). */
export function formHeaders(server: OwnServer, body: Buffer): Record<string, string | number> {
	return {
		'content-type': `multipart/form-data; boundary=${boundary}`,
		'content-length': body.length,
		origin: server.origin,
		accept: 'text/html',
		cookie: server.cookie
	};
}

/** Upload a file through the form's action; the answer's outcome class, e.g. "accepted". */
export async function upload(
	server: OwnServer,
	file: { name: string; content: Buffer | string },
	fields: Record<string, string> = { kind: 'sharing' }
): Promise<Answer & { outcome: string | null }> {
	const body = multipart(fields, file);
	const answer = await send(server, 'POST', '/imports?/upload', formHeaders(server, body), body);
	const outcome = /class="outcome outcome-(\w+)/.exec(answer.body)?.[1] ?? null;
	return { ...answer, outcome };
}

/** The upload folders the server has in its temporary folder now. */
export function uploadFolders(server: OwnServer): string[] {
	return readdirSync(server.tmp).filter((f) => f.startsWith('cosi-upload-'));
}

/** Wait for `check` to hold (checked every 50 ms, for at most `ms`). */
export async function until(what: string, check: () => boolean | Promise<boolean>, ms = 20_000) {
	const end = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}
