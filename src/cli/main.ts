// `npx cosi <command>`: ingest, batches, rejects, samples, metrics, user, audit.
//
// While a server holds the database file, every command that needs the database goes to that
// server over the operator channel (src/lib/server/channel.ts) and runs there: same code, same
// output, same exit code.
import { resolve } from 'node:path';
import { auditImport } from '../lib/server/audit.ts';
import { channelProblem, sendRequest } from '../lib/server/channel.ts';
import { DatabaseLockedError, resolveDbPath, withData } from '../lib/server/data.ts';
import { ingestFile } from '../lib/server/ingest/index.ts';
import { loadSamples } from '../lib/server/ingest/samples.ts';
import { exitCodeFor, kinds, type IngestResult, type Kind } from '../lib/server/ingest/types.ts';
import { fullScope } from '../lib/server/scope.ts';
import { UserError } from '../lib/server/users.ts';
import { parse, UsageError } from './args.ts';
import { localIo, type Io, type Out } from './io.ts';
import { renderTable } from './table.ts';

const usage = `usage: cosi <command> [options]

commands:
  ingest FILE... --kind sharing|actions|retention [--profile NAME] [--sheet NAME]
                 [--programme NAME] [--peildatum YYYY-MM-DD] [--set OPTION=VALUE]
                 [--db PATH] [--json]
      import export files; exit 0 all rows accepted (or already imported),
      3 some rows rejected, 2 file rejected (nothing written), 1 unexpected failure
      or bad arguments; with --json, an error is {"error": ..., "code": ...} on stdout
  batches [--db PATH] [--json] [--limit N]      list import batches
  rejects [--batch N] [--db PATH] [--json] [--limit N]
                                               list rejected rows with reasons
  samples [--db PATH] [--json]                 load the bundled sample exports
  metrics [--as-of YYYY-MM-DD] [--from YYYY-MM-DD --to YYYY-MM-DD] [--db PATH] [--json]
                                               headline metrics as of a date
  user add NAME --role admin|reviewer|supervisor|ministry [--member-state XX]...
           [--password-stdin] [--json]         add a user (prints a generated password once)
  user list [--json]                           list users
  user disable NAME | user enable NAME         disabling ends all of the user's sessions
  user reset-password NAME [--password-stdin] [--json]
                                               new password (generated unless on stdin)
  user token NAME [--json]                     new personal API token (printed once)
  user tokens [NAME] [--json]                  list API tokens (never the tokens themselves)
  user revoke-token ID                         revoke an API token
  audit verify [--json]                        check the audit trail's hash chain;
                                               exit 0 intact, 4 broken (names the first entry)
  audit export [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]
                                               the audit entries, oldest first
  report <id> --format pdf|docx|xlsx|csv|html --out FILE [--as-of D] [--from D --to D]
              [--member-state XX]... [--programme P] [--lang nl|en]
              [--classification TEXT] [--annex P] [--db PATH] [--json]
                                               write a report (cosi report list: which);
                                               exit 2 for a bad parameter
  report verify FILE [--db PATH] [--json]      is a report still current? exit 0 current,
                                               5 outdated, 2 not a report of ours

The database is --db PATH, else $COSI_DB, else data/cosi.duckdb. While a server runs on it,
commands go to that server (over <database>.sock, open only to the server's own user).`;

/** Commands that need the database (and so go to the server when it holds the file). */
const databaseCommands = new Set([
	'ingest',
	'batches',
	'rejects',
	'samples',
	'metrics',
	'user',
	'audit',
	'report'
]);

/**
 * The `code` of a JSON error (`{"error": ..., "code": ...}`, printed under --json): `usage` for
 * bad arguments (exit 1), `database_locked` (exit 1), `no_samples` (exit 2), `unexpected` (1).
 */
export type CliErrorCode = 'usage' | 'database_locked' | 'no_samples' | 'unexpected';

/**
 * How a command reports a failure: with --json anywhere on the command line, one JSON object
 * `{"error": message, "code": code}` on standard output (what a script reads); otherwise a
 * line on standard error. The exit code is the caller's, the same either way.
 */
export type Failure = (code: CliErrorCode, message: string) => void;

function failureReporter(json: boolean, out: Out, err: Out): Failure {
	return (code, message) => {
		if (json) out(JSON.stringify({ error: message, code }));
		else err(`cosi: ${message}`);
	};
}

export async function main(argv: string[], io: Io = localIo()): Promise<number> {
	const [command, ...rest] = argv;
	// Known before the arguments are parsed, so that bad arguments are reported as JSON too.
	const json = argv.includes('--json');
	const fail = failureReporter(json, io.out, io.err);
	try {
		if (!io.remote && command !== undefined && databaseCommands.has(command)) {
			const forwarded = await forward(argv, rest, io);
			if (forwarded !== null) return forwarded;
		}
		switch (command) {
			case 'ingest':
				return await ingestCommand(rest, io);
			case 'batches':
				return await batchesCommand(rest, io);
			case 'rejects':
				return await rejectsCommand(rest, io);
			case 'samples':
				return await samplesCommand(rest, io, fail);
			case 'metrics':
				return await metricsCommandEntry(rest, io, fail);
			case 'user': {
				const { userCommand } = await import('./users.ts');
				return await userCommand(rest, io);
			}
			case 'audit': {
				const { auditCommand } = await import('./audit.ts');
				return await auditCommand(rest, io);
			}
			case 'report': {
				const { reportCommand } = await import('./report.ts');
				return await reportCommand(rest, io);
			}
			case undefined:
			case 'help':
			case '--help':
			case '-h':
				io.out(usage);
				return command === undefined ? 1 : 0;
			default:
				throw new UsageError(`unknown command: ${JSON.stringify(command)}`);
		}
	} catch (e) {
		if (e instanceof UsageError) {
			if (json) fail('usage', e.message);
			else io.err(`cosi: ${e.message}\n\n${usage}`);
			return 1;
		}
		if (e instanceof UserError) {
			fail('usage', e.message);
			return 1;
		}
		if (e instanceof DatabaseLockedError) {
			fail('database_locked', e.message);
			return 1;
		}
		// The stack is for whoever debugs it, on standard error in both modes.
		io.err(`cosi: unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
		if (json)
			fail('unexpected', `unexpected failure: ${e instanceof Error ? e.message : String(e)}`);
		return 1;
	}
}

/** The value of --db in a command's arguments, if any. */
function dbFlagOf(args: string[]): string | undefined {
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--') return undefined;
		if (args[i] === '--db') return args[i + 1];
		if (args[i].startsWith('--db=')) return args[i].slice('--db='.length);
	}
	return undefined;
}

/**
 * Run the command in the server that holds the database, if one does: its exit code, or null
 * to run it here.
 */
async function forward(argv: string[], rest: string[], io: Io): Promise<number | null> {
	const db = resolveDbPath(dbFlagOf(rest));
	if (channelProblem(db) !== null) return null;
	const stdin = rest.includes('--password-stdin') ? await io.readStdin() : null;
	return sendRequest(
		db,
		{ command: { argv, cwd: io.cwd, user: io.user, stdin } },
		{ out: io.out, err: io.err }
	);
}

async function ingestCommand(args: string[], io: Io): Promise<number> {
	const { values, positionals } = parse(
		args,
		{
			kind: { type: 'string' },
			profile: { type: 'string' },
			sheet: { type: 'string' },
			programme: { type: 'string' },
			peildatum: { type: 'string' },
			set: { type: 'string', multiple: true }
		},
		true
	);
	if (positionals.length === 0) throw new UsageError('ingest needs at least one FILE');
	if (!values.kind || !kinds.includes(values.kind as Kind)) {
		throw new UsageError(
			`invalid --kind: ${JSON.stringify(values.kind ?? '')} (expected one of ${kinds.join(', ')})`
		);
	}
	const options: Record<string, string> = {};
	if (values.programme) options.programme = values.programme;
	if (values.peildatum) options.peildatum = values.peildatum;
	for (const pair of values.set ?? []) {
		const eq = pair.indexOf('=');
		if (eq < 1)
			throw new UsageError(`invalid --set: ${JSON.stringify(pair)} (expected OPTION=VALUE)`);
		options[pair.slice(0, eq)] = pair.slice(eq + 1);
	}
	return io.withStore(values.db, async (store) => {
		let code = 0;
		for (const file of positionals) {
			const progress = progressBar(file, io.progress);
			const result = await ingestFile(store, resolve(io.cwd, file), {
				kind: values.kind as Kind,
				profile: values.profile,
				sheet: values.sheet,
				options,
				importedBy: io.user,
				onProgress: progress.update
			});
			progress.done();
			await auditImport(store.connection, `cli:${io.user}`, 'cli', result);
			io.out(values.json ? JSON.stringify(result) : describeResult(result));
			code = Math.max(code, exitCodeFor(result.status));
		}
		return code;
	});
}

/** A progress bar on a terminal, for files over a few MB; silent otherwise. */
function progressBar(file: string, tty: boolean) {
	let shown = false;
	let last = -1;
	return {
		update: (done: number, total: number) => {
			if (!tty || total < 4 * 1024 * 1024) return;
			const pct = Math.floor((100 * done) / total);
			if (pct === last) return;
			last = pct;
			shown = true;
			const width = 30;
			const bar = '#'.repeat(Math.round((pct / 100) * width)).padEnd(width, '.');
			process.stderr.write(
				`\r${file} [${bar}] ${pct}% read${pct === 100 ? ', validating and storing…' : ''}`
			);
		},
		done: () => {
			if (shown) process.stderr.write('\n');
		}
	};
}

function describeResult(r: IngestResult): string {
	const lines: string[] = [];
	const head = `${r.file}: ${r.status}`;
	if (r.status === 'rejected') {
		lines.push(`${head}: ${r.reason ?? 'rejected'} (nothing was written)`);
		if (r.detail) lines.push(`  detail: ${r.detail.replace(/\n/g, '\n  ')}`);
	} else {
		lines.push(
			`${head}, batch ${r.batchId}: ${r.rowsRead} rows read, ${r.rowsAccepted} accepted, ${r.rowsRejected} rejected`
		);
	}
	for (const w of r.warnings) lines.push(`  warning: ${w}`);
	for (const e of r.errors.slice(0, 20)) {
		lines.push(
			`  row ${e.row}${e.column ? `, column ${JSON.stringify(e.column)}` : ''}: ${e.message}; value ${JSON.stringify(e.value)}`
		);
	}
	if (r.rowsRejected > 0) lines.push(`  all rejected rows: npx cosi rejects --batch ${r.batchId}`);
	return lines.join('\n');
}

function limitFlag(value: string | undefined, fallback: number): number {
	if (value === undefined) return fallback;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 1 || n > 1_000_000)
		throw new UsageError(
			`invalid --limit: ${JSON.stringify(value)} (expected a positive whole number)`
		);
	return n;
}

async function batchesCommand(args: string[], io: Io): Promise<number> {
	const { values } = parse(args, { limit: { type: 'string' } });
	const limit = limitFlag(values.limit, 1000);
	return io.withStore(values.db, async (store) => {
		// The command line is the operator's own: every member state.
		const rows = await withData(fullScope, (d) => d.rows('batch_list', { limit, offset: 0 }), {
			path: store.path
		});
		if (values.json) io.out(JSON.stringify(rows, null, 2));
		else if (rows.length === 0)
			io.out('no batches yet: import with npx cosi ingest FILE --kind sharing|actions|retention');
		else
			io.out(
				renderTable(rows, [
					['batch_id', 'batch'],
					['kind', 'kind'],
					['file_name', 'file'],
					['profile', 'profile'],
					['imported_at', 'imported at'],
					['rows_read', 'read'],
					['rows_accepted', 'accepted'],
					['rows_rejected', 'rejected'],
					['rows_superseded', 'superseded']
				])
			);
		return 0;
	});
}

async function rejectsCommand(args: string[], io: Io): Promise<number> {
	const { values } = parse(args, { batch: { type: 'string' }, limit: { type: 'string' } });
	const limit = limitFlag(values.limit, 1000);
	let batch: number | null = null;
	if (values.batch !== undefined) {
		batch = Number(values.batch);
		if (!Number.isInteger(batch) || batch < 1 || batch > 2 ** 31 - 1) {
			throw new UsageError(
				`invalid --batch: ${JSON.stringify(values.batch)} (expected a batch number)`
			);
		}
	}
	return io.withStore(values.db, async (store) => {
		const rows = await withData(
			fullScope,
			(d) => d.rows('reject_all', { batch_id: batch, limit, offset: 0 }),
			{ path: store.path }
		);
		if (values.json) io.out(JSON.stringify(rows, null, 2));
		else if (rows.length === 0) io.out('no rejected rows');
		else
			io.out(
				renderTable(rows, [
					['batch_id', 'batch'],
					['file_name', 'file'],
					['row_number', 'row'],
					['column_name', 'column'],
					['value', 'value'],
					['message', 'reason']
				])
			);
		return 0;
	});
}

async function samplesCommand(args: string[], io: Io, fail: Failure): Promise<number> {
	const { values } = parse(args, {});
	return io.withStore(values.db, async (store) => {
		const results = await loadSamples(store);
		if (results.length === 0) {
			fail('no_samples', 'no sample files found in data/samples (run npm run data:generate)');
			return 2;
		}
		for (const r of results) {
			await auditImport(store.connection, `cli:${io.user}`, 'cli', r);
			io.out(values.json ? JSON.stringify(r) : describeResult(r));
		}
		return results.some((r) => r.status === 'rejected') ? 2 : 0;
	});
}

async function metricsCommandEntry(args: string[], io: Io, fail: Failure): Promise<number> {
	const { values } = parse(args, {
		'as-of': { type: 'string' },
		from: { type: 'string' },
		to: { type: 'string' }
	});
	const { metricsCommand } = await import('./metrics.ts');
	return metricsCommand(
		{
			asOf: values['as-of'],
			from: values.from,
			to: values.to,
			db: values.db,
			json: values.json ?? false
		},
		io.out,
		// A bad date: "cosi metrics: <reason>" on standard error, or JSON under --json.
		values.json ? (message) => fail('usage', message.replace(/^cosi metrics: /, '')) : io.err,
		io.withStore
	);
}
