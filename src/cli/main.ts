// `npx cosi <command>`: ingest, batches, rejects, samples, metrics.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
	closeStore,
	DatabaseLockedError,
	openStore,
	resolveDbPath,
	type Store
} from '../lib/server/data.ts';
import { ingestFile } from '../lib/server/ingest/index.ts';
import { loadSamples } from '../lib/server/ingest/samples.ts';
import { exitCodeFor, kinds, type IngestResult, type Kind } from '../lib/server/ingest/types.ts';
import { withData } from '../lib/server/data.ts';
import { fullScope } from '../lib/server/scope.ts';
import { renderTable } from './table.ts';

type Out = (s: string) => void;

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

The database is --db PATH, else $COSI_DB, else data/cosi.duckdb.`;

class UsageError extends Error {}

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

function failureReporter(json: boolean, out: Out): Failure {
	return (code, message) => {
		if (json) out(JSON.stringify({ error: message, code }));
		else process.stderr.write(`cosi: ${message}\n`);
	};
}

export async function main(
	argv: string[],
	out: Out = (s) => process.stdout.write(s + '\n')
): Promise<number> {
	const [command, ...rest] = argv;
	// Known before the arguments are parsed, so that bad arguments are reported as JSON too.
	const json = argv.includes('--json');
	const fail = failureReporter(json, out);
	try {
		switch (command) {
			case 'ingest':
				return await ingestCommand(rest, out);
			case 'batches':
				return await batchesCommand(rest, out);
			case 'rejects':
				return await rejectsCommand(rest, out);
			case 'samples':
				return await samplesCommand(rest, out, fail);
			case 'metrics':
				return await metricsCommandEntry(rest, out, fail);
			case undefined:
			case 'help':
			case '--help':
			case '-h':
				out(usage);
				return command === undefined ? 1 : 0;
			default:
				throw new UsageError(`unknown command: ${JSON.stringify(command)}`);
		}
	} catch (e) {
		if (e instanceof UsageError) {
			if (json) fail('usage', e.message);
			else process.stderr.write(`cosi: ${e.message}\n\n${usage}\n`);
			return 1;
		}
		if (e instanceof DatabaseLockedError) {
			fail('database_locked', e.message);
			return 1;
		}
		// The stack is for whoever debugs it, on standard error in both modes.
		process.stderr.write(
			`cosi: unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`
		);
		if (json) fail('unexpected', `unexpected failure: ${e instanceof Error ? e.message : e}`);
		return 1;
	}
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(
	args: string[],
	options: T,
	positionals = false
) {
	try {
		return parseArgs({
			args,
			options: { db: { type: 'string' }, json: { type: 'boolean' }, ...options },
			allowPositionals: positionals,
			strict: true
		});
	} catch (e) {
		throw new UsageError((e as Error).message);
	}
}

async function withStore<T>(
	dbFlag: string | undefined,
	fn: (store: Store) => Promise<T>
): Promise<T> {
	const path = resolveDbPath(dbFlag);
	const store = await openStore(path);
	try {
		return await fn(store);
	} finally {
		await closeStore(path);
	}
}

async function ingestCommand(args: string[], out: Out): Promise<number> {
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
	return withStore(values.db, async (store) => {
		let code = 0;
		for (const file of positionals) {
			const progress = progressBar(file);
			const result = await ingestFile(store, file, {
				kind: values.kind as Kind,
				profile: values.profile,
				sheet: values.sheet,
				options,
				onProgress: progress.update
			});
			progress.done();
			out(values.json ? JSON.stringify(result) : describeResult(result));
			code = Math.max(code, exitCodeFor(result.status));
		}
		return code;
	});
}

/** A progress bar on a terminal, for files over a few MB; silent otherwise. */
function progressBar(file: string) {
	const tty = process.stderr.isTTY;
	let shown = false;
	let last = -1;
	return {
		update(done: number, total: number) {
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
		done() {
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

async function batchesCommand(args: string[], out: Out): Promise<number> {
	const { values } = parse(args, { limit: { type: 'string' } });
	const limit = limitFlag(values.limit, 1000);
	return withStore(values.db, async (store) => {
		// The command line is the operator's own: every member state.
		const rows = await withData(
			fullScope,
			(d) => d.rows('batch_list', { limit, offset: 0 }),
			store
		);
		if (values.json) out(JSON.stringify(rows, null, 2));
		else if (rows.length === 0)
			out('no batches yet: import with npx cosi ingest FILE --kind sharing|actions|retention');
		else
			out(
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

async function rejectsCommand(args: string[], out: Out): Promise<number> {
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
	return withStore(values.db, async (store) => {
		const rows = await withData(
			fullScope,
			(d) => d.rows('reject_all', { batch_id: batch, limit, offset: 0 }),
			store
		);
		if (values.json) out(JSON.stringify(rows, null, 2));
		else if (rows.length === 0) out('no rejected rows');
		else
			out(
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

async function samplesCommand(args: string[], out: Out, fail: Failure): Promise<number> {
	const { values } = parse(args, {});
	return withStore(values.db, async (store) => {
		const results = await loadSamples(store);
		if (results.length === 0) {
			fail('no_samples', 'no sample files found in data/samples (run npm run data:generate)');
			return 2;
		}
		for (const r of results) out(values.json ? JSON.stringify(r) : describeResult(r));
		return results.some((r) => r.status === 'rejected') ? 2 : 0;
	});
}

async function metricsCommandEntry(args: string[], out: Out, fail: Failure): Promise<number> {
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
			db: resolveDbPath(values.db),
			json: values.json ?? false
		},
		out,
		// A bad date: "cosi metrics: <reason>" on standard error, or JSON under --json.
		values.json ? (message) => fail('usage', message.replace(/^cosi metrics: /, '')) : undefined
	);
}
