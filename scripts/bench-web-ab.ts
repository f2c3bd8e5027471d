// `npx tsx scripts/bench-web-ab.ts --before DIR [--after build] [--rounds 4] [--duration 30]`:
// two builds of the web app, taking turns on the same data: a fairer comparison than two runs of
// bench:web minutes apart on a machine shared with other work, which differ by more than the
// change being measured.
//
// Each build runs on its own copy of data/bench/web.duckdb (made by `npm run bench:web`), signed
// in as `bench` when it has /login, one server at a time, the order alternating between rounds so
// that a change in the machine's load falls on both. Per round and build: a fresh server, 20
// requests to warm it, 300 sequential overview requests (p50) with the CPU time the server
// process spent on them (/proc/<pid>/stat: user + system, all threads; other work on the machine
// disturbs it far less than wall-clock time), then autocannon with 20 connections for --duration
// seconds (requests per second). Means over the rounds.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../src/lib/server/db.ts';
import { benchCookie, benchPassword } from './bench-auth.ts';

const { values: flags } = parseArgs({
	options: {
		before: { type: 'string' },
		after: { type: 'string', default: 'build' },
		rounds: { type: 'string', default: '4' },
		duration: { type: 'string', default: '30' }
	}
});
if (!flags.before) throw new Error('--before DIR is required (a build of the earlier commit)');
const source = join(repoRoot, 'data/bench/web.duckdb');
if (!existsSync(source)) throw new Error(`${source} is missing: run npm run bench:web first`);
const overview = '/?asOf=2025-06-30';

interface Side {
	name: string;
	dir: string;
	port: number;
	db: string;
	server?: ChildProcess;
	cookie: string | null;
}

const sides: Side[] = [
	{ name: 'before', dir: flags.before, port: 4390, db: '', cookie: null },
	{ name: 'after', dir: flags.after as string, port: 4391, db: '', cookie: null }
];

/** Whether a build has sign-in (a /login page): else its database must not get the user tables. */
function hasSignIn(dir: string): boolean {
	const nodes = join(repoRoot, dir, 'server', 'chunks', 'nodes');
	return readdirSync(nodes).some((f) =>
		readFileSync(join(nodes, f), 'utf8').includes('routes/login')
	);
}

function prepare(side: Side): string | null {
	side.db = join(repoRoot, `data/bench/ab-${side.name}.duckdb`);
	for (const suffix of ['', '.wal']) {
		rmSync(side.db + suffix, { force: true });
		if (existsSync(source + suffix)) copyFileSync(source + suffix, side.db + suffix);
	}
	// Adding the user migrates the copy: a build from before sign-in would refuse a newer schema.
	return hasSignIn(side.dir) ? benchPassword(side.db) : null;
}

async function start(side: Side, password: string | null): Promise<void> {
	const base = `http://127.0.0.1:${side.port}`;
	side.server = spawn(process.execPath, [join(repoRoot, side.dir)], {
		cwd: repoRoot,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			PORT: String(side.port),
			HOST: '127.0.0.1',
			ORIGIN: base,
			COSI_DB: side.db,
			NODE_ENV: 'production'
		}
	});
	for (let i = 0; ; i++) {
		try {
			if ((await fetch(`${base}/lang?to=en&back=/`, { redirect: 'manual' })).status === 303) break;
		} catch {
			// not listening yet
		}
		if (i > 150) throw new Error(`${side.name}: the server did not start`);
		await new Promise((r) => setTimeout(r, 200));
	}
	side.cookie = password === null ? null : await benchCookie(base, password);
}

const headers = (side: Side): Record<string, string> =>
	side.cookie ? { cookie: side.cookie } : {};

async function get(side: Side): Promise<number> {
	const t0 = performance.now();
	const r = await fetch(`http://127.0.0.1:${side.port}${overview}`, {
		headers: headers(side),
		redirect: 'manual'
	});
	await r.arrayBuffer();
	if (r.status !== 200) throw new Error(`${side.name}: ${r.status}`);
	return performance.now() - t0;
}

/** CPU time of a process so far, in ms (user + system, all threads; clock ticks of 10 ms). */
function cpuMs(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

const pct = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
};

function stop(side: Side): Promise<void> {
	return new Promise((done) => {
		const server = side.server;
		if (!server || server.exitCode !== null) return done();
		server.once('exit', () => done());
		server.kill('SIGTERM');
	});
}

async function main() {
	const passwords = sides.map(prepare);
	const cpu: number[][] = [[], []];
	const p50: number[][] = [[], []];
	const rps: number[][] = [[], []];
	const change = (b: number, a: number) => `${((100 * (a - b)) / b).toFixed(1)} %`;
	const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
	for (let round = 1; round <= Number(flags.rounds); round++) {
		for (const k of round % 2 ? [0, 1] : [1, 0]) {
			const side = sides[k];
			try {
				// Inside the try: a server whose sign-in fails is stopped too.
				await start(side, passwords[k]);
				for (let i = 0; i < 20; i++) await get(side);
				const pid = side.server!.pid!;
				const before = cpuMs(pid);
				const times: number[] = [];
				for (let i = 0; i < 300; i++) times.push(await get(side));
				cpu[k].push((cpuMs(pid) - before) / 300);
				p50[k].push(pct(times, 0.5));
				const load = await autocannon({
					url: `http://127.0.0.1:${side.port}${overview}`,
					connections: 20,
					duration: Number(flags.duration),
					headers: headers(side)
				});
				if (load.errors + load.non2xx > 0) throw new Error(`${side.name}: errors under load`);
				rps[k].push(load.requests.average);
			} finally {
				await stop(side);
			}
		}
		console.log(
			`round ${round}: CPU per request ${cpu[0].at(-1)!.toFixed(1)} -> ${cpu[1].at(-1)!.toFixed(1)} ms, ` +
				`sequential p50 ${p50[0].at(-1)!.toFixed(1)} -> ${p50[1].at(-1)!.toFixed(1)} ms, ` +
				`20 connections ${rps[0].at(-1)!.toFixed(1)} -> ${rps[1].at(-1)!.toFixed(1)} requests/s`
		);
	}
	console.log(
		`mean of ${flags.rounds} rounds: CPU per request ${mean(cpu[0]).toFixed(2)} -> ${mean(cpu[1]).toFixed(2)} ms (${change(mean(cpu[0]), mean(cpu[1]))}), ` +
			`sequential p50 ${mean(p50[0]).toFixed(1)} -> ${mean(p50[1]).toFixed(1)} ms (${change(mean(p50[0]), mean(p50[1]))}), ` +
			`throughput ${mean(rps[0]).toFixed(1)} -> ${mean(rps[1]).toFixed(1)} requests/s (${change(mean(rps[0]), mean(rps[1]))})`
	);
}

await main();
