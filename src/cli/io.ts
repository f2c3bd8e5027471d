// Where a command's output goes and where its database comes from: this process (a terminal,
// the database opened from --db) or the running server (over the operator channel, on the
// server's own open database). The commands are the same code either way, so output and exit
// codes are too.
import { userInfo } from 'node:os';
import { closeStore, openStore, resolveDbPath, type Store } from '../lib/server/data.ts';
import type { CommandRequest, Sink } from '../lib/server/channel.ts';

export type Out = (s: string) => void;

export type WithStore = <T>(
	dbFlag: string | undefined,
	fn: (store: Store) => Promise<T>
) => Promise<T>;

export interface Io {
	out: Out;
	err: Out;
	/** All of standard input (for --password-stdin), read once. */
	readStdin: () => Promise<string>;
	/** Where relative file names are resolved. */
	cwd: string;
	/** Who runs the command: COSI_USER, else the OS user. */
	user: string;
	/** Progress bars on stderr (a terminal, in this process). */
	progress: boolean;
	/** Run `fn` with the database. */
	withStore: WithStore;
	/** Whether the command runs in the server, for a CLI on the other end of the channel. */
	remote: boolean;
}

/** The operator's name, as recorded for imports and audit entries. */
export function operatorName(): string {
	if (process.env.COSI_USER) return process.env.COSI_USER;
	try {
		return userInfo().username;
	} catch {
		return 'unknown';
	}
}

let stdinText: Promise<string> | null = null;

function readProcessStdin(): Promise<string> {
	stdinText ??= new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		process.stdin.on('data', (c: Buffer) => chunks.push(c));
		process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		process.stdin.on('error', reject);
	});
	return stdinText;
}

/** A command run in this process, on the database named by --db, COSI_DB or the default. */
export function localIo(out?: Out): Io {
	return {
		out: out ?? ((s) => process.stdout.write(s + '\n')),
		err: (s) => process.stderr.write(s + '\n'),
		readStdin: readProcessStdin,
		cwd: process.cwd(),
		user: operatorName(),
		progress: process.stderr.isTTY === true,
		withStore: async (dbFlag, fn) => {
			const path = resolveDbPath(dbFlag);
			const store = await openStore(path);
			try {
				return await fn(store);
			} finally {
				await closeStore(path);
			}
		},
		remote: false
	};
}

/**
 * A command sent by a CLI over the operator channel, run in the server on `store` (the file the
 * channel belongs to: --db is not looked at again) with a connection of its own.
 */
export function channelIo(store: Store, request: CommandRequest, sink: Sink): Io {
	return {
		out: sink.out,
		err: sink.err,
		readStdin: () => Promise.resolve(request.stdin ?? ''),
		cwd: request.cwd,
		user: request.user,
		progress: false,
		withStore: async (_dbFlag, fn) => {
			const connection = await store.instance.connect();
			try {
				return await fn({ ...store, connection });
			} finally {
				connection.closeSync();
			}
		},
		remote: true
	};
}
