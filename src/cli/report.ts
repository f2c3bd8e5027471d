// `cosi report <id> --format F --out FILE [...]` and `cosi report verify FILE`.
//
// Exit codes: 0 written (verify: current); 2 a bad parameter, named with the accepted values
// (verify: not a report of ours); 5 (verify) outdated; 1 unexpected failure.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reportIds } from '../lib/server/reports/definition.ts';
import { buildReport, reportDefinition } from '../lib/server/reports/engine.ts';
import {
	cliLabels,
	parseReportParams,
	ReportParamError,
	ReportScopeError
} from '../lib/server/reports/params.ts';
import { ChromiumMissingError, closePdfBrowser } from '../lib/server/reports/pdf.ts';
import { isReportFormat, renderReport, reportFormats } from '../lib/server/reports/render.ts';
import { closeRenderPool } from '../lib/server/reports/render-pool.ts';
import { verifyReport } from '../lib/server/reports/verify.ts';
import { fullScope } from '../lib/server/scope.ts';
import type { Io } from './io.ts';

export const reportUsage = `usage: cosi report <id> --format pdf|docx|xlsx|csv|html --out FILE
                   [--as-of YYYY-MM-DD] [--from YYYY-MM-DD --to YYYY-MM-DD]
                   [--member-state XX]... [--programme P] [--lang nl|en]
                   [--classification TEXT] [--annex PROGRAMME] [--db PATH] [--json]
       cosi report verify FILE [--db PATH] [--json]
       cosi report list [--json]`;

/**
 * Run in this process or, when a server holds the database, in the server (main.ts forwards
 * it): files are read and written relative to the caller's directory either way.
 */
export async function reportCommand(args: string[], io: Io): Promise<number> {
	const out = io.out;
	const json = args.includes('--json');
	const fail = (code: number, kind: string, message: string) => {
		if (json) out(JSON.stringify({ error: message, code: kind }));
		else io.err(`cosi report: ${message}`);
		return code;
	};
	let parsed;
	try {
		parsed = parseArgs({
			args,
			options: {
				format: { type: 'string' },
				out: { type: 'string' },
				'as-of': { type: 'string' },
				from: { type: 'string' },
				to: { type: 'string' },
				'member-state': { type: 'string', multiple: true },
				programme: { type: 'string' },
				lang: { type: 'string' },
				classification: { type: 'string' },
				annex: { type: 'string' },
				db: { type: 'string' },
				json: { type: 'boolean' },
				help: { type: 'boolean', short: 'h' }
			},
			allowPositionals: true,
			strict: true
		});
	} catch (e) {
		return fail(2, 'usage', `${(e as Error).message}\n${reportUsage}`);
	}
	const { values, positionals } = parsed;
	if (values.help) {
		out(reportUsage);
		return 0;
	}
	const [id, ...rest] = positionals;
	if (id === 'list') {
		const rows = reportIds().map((r) => {
			const def = reportDefinition(r);
			return { id: r, title: def.description.en ?? def.description.nl, languages: def.languages };
		});
		out(json ? JSON.stringify(rows) : rows.map((r) => `${r.id}\t${r.title}`).join('\n'));
		return 0;
	}
	if (id === 'verify') {
		if (rest.length !== 1) return fail(2, 'usage', `verify needs one FILE\n${reportUsage}`);
		let bytes: Uint8Array;
		try {
			bytes = readFileSync(resolve(io.cwd, rest[0]));
		} catch (e) {
			return fail(2, 'usage', `cannot read ${rest[0]}: ${(e as Error).message}`);
		}
		try {
			// The operator's own command: every member state.
			const result = await io.withStore(values.db, (store) =>
				verifyReport(fullScope, bytes, { path: store.path })
			);
			if (json) out(JSON.stringify({ file: rest[0], ...result }));
			else if (result.status === 'not_a_report')
				out(`${rest[0]}: not a cosi-monitor report (${result.reason})`);
			else if (result.status === 'current')
				out(`${rest[0]}: current (${result.report}, fingerprint ${result.fingerprint})`);
			else
				out(
					[
						`${rest[0]}: outdated (${result.report}): fingerprint ${result.fingerprint}, on today's data ${result.currentFingerprint}`,
						...result.batchesAdded.map(
							(b) =>
								`  batch ${b.batchId} added since: ${b.fileName} (${b.kind}, imported ${b.importedAt} by ${b.importedBy})`
						),
						...result.batchesGone.map((b) => `  batch ${b} no longer read`),
						...(result.batchesAdded.length + result.batchesGone.length === 0
							? ['  the same batches, but rows they hold changed']
							: [])
					].join('\n')
				);
			return result.status === 'current' ? 0 : result.status === 'outdated' ? 5 : 2;
		} catch (e) {
			if (e instanceof ReportParamError) return fail(2, 'not_a_report', e.message);
			throw e;
		}
	}
	if (!id) return fail(2, 'usage', `which report? (accepted: ${reportIds().join(', ')})`);
	if (rest.length) return fail(2, 'usage', `unexpected argument ${JSON.stringify(rest[0])}`);
	try {
		const def = reportDefinition(id);
		if (!values.format || !isReportFormat(values.format))
			throw new ReportParamError(
				`invalid --format: ${JSON.stringify(values.format ?? '')} (accepted: ${reportFormats.join(', ')})`
			);
		if (!values.out) throw new ReportParamError('missing --out FILE (where to write the report)');
		const params = parseReportParams(
			def,
			{
				asOf: values['as-of'],
				from: values.from,
				to: values.to,
				memberStates: values['member-state'],
				programme: values.programme,
				lang: values.lang,
				classification: values.classification,
				annex: values.annex
			},
			cliLabels
		);
		const format = values.format;
		// The command line is the operator's own: every member state.
		const doc = await io.withStore(values.db, (store) =>
			buildReport(fullScope, def, params, { path: store.path })
		);
		const fingerprint = doc.fingerprint;
		let bytes: Uint8Array;
		try {
			bytes = await renderReport(doc, format);
		} finally {
			// A command of its own closes the browser; in the server it is reused.
			if (!io.remote) await Promise.all([closePdfBrowser(), closeRenderPool()]);
		}
		writeFileSync(resolve(io.cwd, values.out), bytes);
		if (json)
			out(
				JSON.stringify({
					report: def.id,
					format: values.format,
					file: values.out,
					fingerprint,
					bytes: bytes.length
				})
			);
		else
			out(
				`${values.out}: ${def.id} (${values.format}, ${bytes.length} bytes), fingerprint ${fingerprint}`
			);
		return 0;
	} catch (e) {
		if (e instanceof ReportParamError || e instanceof ReportScopeError)
			return fail(2, 'usage', e.message);
		if (e instanceof ChromiumMissingError) return fail(1, 'no_chromium', e.message);
		throw e;
	}
}
