// Loaded with `node --import` into a process that `npm run bench:ingest` measures (the CLI):
// reports the process's peak resident memory (VmHWM, Linux) on stderr as it exits.
import { readFileSync } from 'node:fs';

process.on('exit', () => {
	const status = readFileSync('/proc/self/status', 'utf8');
	const kib = /VmHWM:\s+(\d+)/.exec(status)?.[1] ?? '0';
	process.stderr.write(`bench-peak-kib ${kib}\n`);
});
