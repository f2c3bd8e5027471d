// The operator channel: while the server holds the database file (DuckDB allows one writing
// process), `npx cosi` sends its command to the server instead, which runs the same code on its
// own connection and streams back the same output and exit code.
//
// The channel is a Unix socket beside the database file (`<db>.sock`), created with mode 0600:
// only the user the server runs as (and root) can connect, never anyone over the network. The
// client checks that the socket belongs to its own user and is not open to others before it
// sends anything (a password given with --password-stdin travels over it).
//
// Protocol: one JSON line from the client (a command, or a test-clock step), then JSON lines
// from the server: {"out": text} and {"err": text} as the command prints, and finally
// {"exit": code}.
//
// Server-only; imported by the server (hooks.server.ts) and the CLI (relative imports).
import { chmodSync, existsSync, lstatSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { advanceClock } from './clock.ts';

/** What the CLI sends: its arguments, working directory, user and standard input. */
export interface CommandRequest {
	argv: string[];
	cwd: string;
	/** The operator's user name (COSI_USER, else the OS user): recorded as who imported. */
	user: string;
	/** Standard input, read by the client only for --password-stdin. */
	stdin: string | null;
}

/** Move the test clock forward (only when the server runs with COSI_TEST_CLOCK=1). */
export interface ClockRequest {
	advanceMs: number;
}

type Request = { command: CommandRequest } | { clock: ClockRequest };

export interface Sink {
	out: (text: string) => void;
	err: (text: string) => void;
}

/** Runs a command in the server; returns its exit code. */
export type CommandHandler = (request: CommandRequest, sink: Sink) => Promise<number>;

/** The socket path for a database file. */
export function channelPath(dbPath: string): string {
	return `${dbPath}.sock`;
}

/** Unix socket paths are limited to 107 bytes on Linux (103 on macOS). */
const MAX_SOCKET_PATH = 103;

/**
 * Listen on the channel of `dbPath`, running each command with `handler`. Returns the server, or
 * null (with a warning) when the platform or path allows no socket; the web app works either way.
 */
export async function startChannel(
	dbPath: string,
	handler: CommandHandler,
	log: (message: string) => void = (m) => console.warn(m)
): Promise<Server | null> {
	const path = channelPath(dbPath);
	if (process.platform === 'win32' || Buffer.byteLength(path) > MAX_SOCKET_PATH) {
		log(`cosi: no operator channel (${path}): npx cosi cannot reach this server`);
		return null;
	}
	// This process holds the database, so a socket left there is stale (a server that crashed).
	if (existsSync(path)) unlinkSync(path);
	const server = createServer((socket) => serve(socket, handler));
	// Created with mode 0600 from the start (umask), not opened up and then narrowed.
	const umask = process.umask(0o077);
	try {
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(path, () => {
				server.off('error', reject);
				resolve();
			});
		});
	} finally {
		process.umask(umask);
	}
	chmodSync(path, 0o600);
	server.unref();
	const remove = () => {
		try {
			if (existsSync(path)) unlinkSync(path);
		} catch {
			// Gone already.
		}
	};
	process.once('exit', remove);
	server.once('close', remove);
	return server;
}

function serve(socket: Socket, handler: CommandHandler): void {
	let buffer = '';
	let started = false;
	const send = (message: object) => {
		if (!socket.destroyed) socket.write(JSON.stringify(message) + '\n');
	};
	socket.setEncoding('utf8');
	socket.on('error', () => socket.destroy());
	socket.on('data', (chunk: string) => {
		if (started) return;
		buffer += chunk;
		const end = buffer.indexOf('\n');
		if (end < 0) {
			if (buffer.length > 1_000_000) socket.destroy();
			return;
		}
		started = true;
		let request: Request;
		try {
			request = JSON.parse(buffer.slice(0, end)) as Request;
		} catch {
			send({ err: 'cosi: malformed request on the operator channel' });
			send({ exit: 1 });
			socket.end();
			return;
		}
		void run(request).then(
			(code) => {
				send({ exit: code });
				socket.end();
			},
			(e: unknown) => {
				send({ err: `cosi: unexpected failure in the server: ${(e as Error)?.message ?? e}` });
				send({ exit: 1 });
				socket.end();
			}
		);
	});

	async function run(request: Request): Promise<number> {
		if ('clock' in request) {
			const t = advanceClock(Number(request.clock.advanceMs));
			send({ out: t.toISOString() });
			return 0;
		}
		const c = request.command;
		if (!Array.isArray(c?.argv) || c.argv.some((a) => typeof a !== 'string')) {
			send({ err: 'cosi: malformed request on the operator channel' });
			return 1;
		}
		return handler(
			{
				argv: c.argv,
				cwd: String(c.cwd ?? '/'),
				user: String(c.user ?? 'unknown'),
				stdin: typeof c.stdin === 'string' ? c.stdin : null
			},
			{ out: (text) => send({ out: text }), err: (text) => send({ err: text }) }
		);
	}
}

/** Why the channel of a database cannot be used, or null when it can (see the header). */
export function channelProblem(dbPath: string): string | null {
	const path = channelPath(dbPath);
	let st;
	try {
		st = lstatSync(path);
	} catch {
		return 'no server is running on this database';
	}
	if (!st.isSocket()) return `${path} is not a socket`;
	if (typeof process.getuid === 'function' && st.uid !== process.getuid()) {
		return `${path} belongs to another user`;
	}
	if ((st.mode & 0o077) !== 0) return `${path} is open to other users (mode ${st.mode & 0o777})`;
	return null;
}

/**
 * Send a request over the channel of `dbPath`, passing output to `sink`; resolves with the exit
 * code, or null when no server answers there (no socket, or a stale one).
 */
export function sendRequest(dbPath: string, request: Request, sink: Sink): Promise<number | null> {
	return new Promise((resolve, reject) => {
		const socket = createConnection(channelPath(dbPath));
		let buffer = '';
		let connected = false;
		let code: number | null = null;
		socket.setEncoding('utf8');
		socket.on('connect', () => {
			connected = true;
			socket.write(JSON.stringify(request) + '\n');
		});
		socket.on('data', (chunk: string) => {
			buffer += chunk;
			for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
				const line = buffer.slice(0, end);
				buffer = buffer.slice(end + 1);
				const message = JSON.parse(line) as { out?: string; err?: string; exit?: number };
				if (message.out !== undefined) sink.out(message.out);
				if (message.err !== undefined) sink.err(message.err);
				if (message.exit !== undefined) code = message.exit;
			}
		});
		socket.on('error', (e: NodeJS.ErrnoException) => {
			if (!connected && (e.code === 'ENOENT' || e.code === 'ECONNREFUSED')) resolve(null);
			else reject(e);
		});
		socket.on('close', () => {
			if (connected) {
				if (code === null) reject(new Error('the server closed the operator channel early'));
				else resolve(code);
			}
		});
	});
}

/** Move the clock of a test server forward by `ms`; returns its new time. */
export async function advanceServerClock(dbPath: string, ms: number): Promise<string> {
	const out: string[] = [];
	const err: string[] = [];
	const code = await sendRequest(
		dbPath,
		{ clock: { advanceMs: ms } },
		{ out: (t) => out.push(t), err: (t) => err.push(t) }
	);
	if (code !== 0) throw new Error(`could not move the server's clock: ${err.join(' ') || code}`);
	return out.join('');
}
