// The process guard and the start-up sweep, in a real child process and on real folders.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sweepStaleTempDirs } from './process-guard.ts';

const guardUrl = pathToFileURL(join(import.meta.dirname, 'process-guard.ts')).href;

function runNode(code: string): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			['--import', 'tsx', '--input-type=module', '-e', code],
			(error, stdout, stderr) =>
				resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
		);
	});
}

describe('installProcessGuard', () => {
	it('logs an unhandled rejection with an error id and keeps the process running', async () => {
		const run = await runNode(`
			const { installProcessGuard } = await import(${JSON.stringify(guardUrl)});
			installProcessGuard();
			installProcessGuard(); // idempotent: one report per rejection
			Promise.reject(new Error('escaped from a request'));
			setTimeout(() => console.log('still serving'), 0);`);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('still serving');
		const reports = run.stderr.match(/\[error [0-9a-f]{8}\] unhandled promise rejection/g);
		expect(reports).toHaveLength(1);
		expect(run.stderr).toContain('Error: escaped from a request');
	});

	it('logs an uncaught exception with an error id and exits with code 1', async () => {
		const run = await runNode(`
			const { installProcessGuard } = await import(${JSON.stringify(guardUrl)});
			installProcessGuard();
			setTimeout(() => { throw new Error('thrown in a callback'); }, 0);
			setTimeout(() => console.log('not reached'), 1000);`);
		expect(run.code).toBe(1);
		expect(run.stdout).not.toContain('not reached');
		expect(run.stderr).toMatch(/\[error [0-9a-f]{8}\] uncaught exception \(uncaughtException\)/);
		expect(run.stderr).toContain('Error: thrown in a callback');
	});
});

describe('sweepStaleTempDirs', () => {
	let root: string;
	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'cosi-sweep-test-'));
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	// A fixed present, far from the real date: nothing here depends on the clock.
	const now = Date.UTC(2031, 0, 15, 12, 0, 0);
	const hour = 60 * 60 * 1000;

	function folder(name: string, ageMs: number, fileAgeMs = ageMs): string {
		const path = join(root, name);
		mkdirSync(path);
		const file = join(path, 'upload.csv');
		writeFileSync(file, 'x');
		utimesSync(file, (now - fileAgeMs) / 1000, (now - fileAgeMs) / 1000);
		utimesSync(path, (now - ageMs) / 1000, (now - ageMs) / 1000);
		return path;
	}

	it('removes only its own folders, and only when nothing in them changed for the threshold', () => {
		folder('cosi-upload-AbC123', 2 * hour);
		folder('cosi-ingest-xYz789', 3 * hour);
		folder('cosi-upload-recent', 10 * 60 * 1000);
		// The folder is old, but its file is still being written.
		folder('cosi-upload-Busy42', 5 * hour, 30 * 1000);
		// Not made by fs.mkdtemp for this app: other tools and tests.
		folder('cosi-ingest-test-abcdef', 5 * hour);
		folder('cosi-upload-toolong1', 5 * hour);
		folder('other-AbC123', 5 * hour);
		writeFileSync(join(root, 'cosi-upload-File01'), 'not a folder');
		utimesSync(join(root, 'cosi-upload-File01'), (now - 5 * hour) / 1000, (now - 5 * hour) / 1000);

		const removed = sweepStaleTempDirs({ dir: root, now, maxAgeMs: hour });
		expect(removed.sort()).toEqual(['cosi-ingest-xYz789', 'cosi-upload-AbC123']);
		for (const kept of [
			'cosi-upload-recent',
			'cosi-upload-Busy42',
			'cosi-ingest-test-abcdef',
			'cosi-upload-toolong1',
			'other-AbC123',
			'cosi-upload-File01'
		]) {
			expect(existsSync(join(root, kept)), kept).toBe(true);
		}
	});

	it('with a shorter threshold removes the recent folder too; a missing dir is no error', () => {
		folder('cosi-upload-recent', 10 * 60 * 1000);
		expect(sweepStaleTempDirs({ dir: root, now, maxAgeMs: 5 * 60 * 1000 })).toEqual([
			'cosi-upload-recent'
		]);
		expect(sweepStaleTempDirs({ dir: join(root, 'missing'), now })).toEqual([]);
	});
});
