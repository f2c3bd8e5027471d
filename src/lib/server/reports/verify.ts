// `cosi report verify FILE`: read the stamp from a report file, regenerate the report with the
// same parameters on today's data and compare fingerprints. Outdated: which batches were added
// or are gone since (by batch number; a batch that replaced rows is a new batch).
import type { Scope } from '../scope.ts';
import { buildReport, reportDefinition, type BuildOptions } from './engine.ts';
import type { BatchInfo } from './model.ts';
import { parameterOf, parseReportParams, type RawParams } from './params.ts';
import { readStamp } from './stamp.ts';

export type VerifyResult =
	| { status: 'not_a_report'; reason: string }
	| {
			status: 'current' | 'outdated';
			report: string;
			fingerprint: string;
			currentFingerprint: string;
			batchesAdded: BatchInfo[];
			batchesGone: number[];
	  };

export async function verifyReport(
	scope: Scope,
	bytes: Uint8Array,
	options: BuildOptions = {}
): Promise<VerifyResult> {
	const stamp = await readStamp(bytes);
	if (!stamp) return { status: 'not_a_report', reason: 'no cosi-monitor report stamp found' };
	let def;
	try {
		def = reportDefinition(stamp.report);
	} catch {
		return { status: 'not_a_report', reason: `unknown report ${JSON.stringify(stamp.report)}` };
	}
	const p = stamp.params;
	const raw: RawParams = {
		asOf: p.asOf,
		from: p.from,
		to: p.to,
		memberStates: p.memberStates,
		programme: p.programme,
		lang: p.lang,
		classification: p.classification,
		annex: p.annex
	};
	// Only what the report takes (a default it applied is passed back as a value).
	for (const key of Object.keys(raw) as (keyof RawParams)[])
		if (!def.parameters.includes(parameterOf[key])) delete raw[key];
	const params = parseReportParams(def, raw);
	const doc = await buildReport(scope, def, params, options);
	const before = new Set(stamp.batches);
	const now = new Set(doc.batches.map((b) => b.batchId));
	return {
		status: doc.fingerprint === stamp.fingerprint ? 'current' : 'outdated',
		report: stamp.report,
		fingerprint: stamp.fingerprint,
		currentFingerprint: doc.fingerprint,
		batchesAdded: doc.batches.filter((b) => !before.has(b.batchId)),
		batchesGone: stamp.batches.filter((b) => !now.has(b))
	};
}
