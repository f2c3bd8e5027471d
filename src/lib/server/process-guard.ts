// The last line of defence of the server process, and the clean-up after one that died.
//
// Every request path handles its own failures (an upload that fails answers 400, 408 or 413
// and removes its files). Should anything still escape:
//   - an unhandled promise rejection is logged with an error id and the server keeps running:
//     a rejected promise has not left half-run code behind, and Node's default (exit) would let
//     one bad request take the service down for everyone;
//   - an uncaught exception is logged with an error id and the process exits with code 1:
//     after a synchronous throw nobody caught, Node cannot promise a consistent state (Node's
//     own advice), so a supervisor (systemd, a container's restart policy) should start a
//     fresh one. Nothing is ever swallowed silently.
// At start, temporary folders a dead process left behind (`cosi-upload-*` of web uploads,
// `cosi-ingest-*` of imports) are removed once they are older than an hour.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logError } from './errors.ts';

const installedKey = Symbol.for('cosi-monitor.process-guard');

export interface GuardOptions {
	/** Where reports go (default: console.error through logError). Returns the error id. */
	report?: (where: string, error: unknown) => string;
	/** How the process ends after an uncaught exception (default process.exit). */
	exit?: (code: number) => void;
}

/** Install the handlers once per process (a dev-server reload calls this again). */
export function installProcessGuard(options: GuardOptions = {}): void {
	const globals = globalThis as Record<symbol, unknown>;
	if (globals[installedKey]) return;
	globals[installedKey] = true;
	const report = options.report ?? logError;
	const exit = options.exit ?? ((code: number) => process.exit(code));
	process.on('unhandledRejection', (reason) => {
		report('unhandled promise rejection (the server keeps running)', reason);
	});
	process.on('uncaughtException', (error, origin) => {
		report(`uncaught exception (${origin}); the process stops`, error);
		exit(1);
	});
}

/** Temporary folders this app creates: fs.mkdtemp's six characters after the prefix. */
const ownTempDir = /^cosi-(upload|ingest)-[A-Za-z0-9]{6}$/;

export interface SweepOptions {
	/** Folder to look in (default: the system's temporary folder). */
	dir?: string;
	/** The present, in ms since the epoch (default Date.now()): injectable for tests. */
	now?: number;
	/** A folder is stale when nothing in it changed for this long (default one hour). */
	maxAgeMs?: number;
}

/** When a folder or anything directly in it last changed. */
function lastChange(path: string): number {
	let latest = statSync(path).mtimeMs;
	for (const entry of readdirSync(path)) {
		try {
			latest = Math.max(latest, statSync(join(path, entry)).mtimeMs);
		} catch {
			// Removed meanwhile.
		}
	}
	return latest;
}

/**
 * Remove stale temporary folders of this app (see ownTempDir) from `dir`; returns their
 * names. Folders still in use are recent (an upload being written changes its file), so a
 * server or `npx cosi` run that is busy with another database is left alone.
 */
export function sweepStaleTempDirs(options: SweepOptions = {}): string[] {
	const dir = options.dir ?? tmpdir();
	const now = options.now ?? Date.now();
	const maxAgeMs = options.maxAgeMs ?? 60 * 60 * 1000;
	const removed: string[] = [];
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return removed;
	}
	for (const name of names) {
		if (!ownTempDir.test(name)) continue;
		const path = join(dir, name);
		try {
			if (!statSync(path).isDirectory() || now - lastChange(path) < maxAgeMs) continue;
			rmSync(path, { recursive: true, force: true });
			removed.push(name);
		} catch {
			// Gone meanwhile, or not ours to remove: leave it.
		}
	}
	return removed;
}
