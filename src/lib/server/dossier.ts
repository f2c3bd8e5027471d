// A member state's dossier: everything about one member state as of D in one download
// (/member-states/[ms]/download.zip), a zip of CSV files as the records pages' downloads write
// them (csv.ts: UTF-8 with BOM, text that a spreadsheet would run as a formula prefixed with '):
//
//   sharing.csv               = /records/sharing?asOf=D&ms=XX            (relevant rows)
//   sharing-not-relevant.csv  = /records/sharing?asOf=D&ms=XX&relevant=false
//   actions.csv               = /records/actions?asOf=D&actor=XX
//   retention.csv             = /records/retention?asOf=D&ms=XX
//   batches.csv               the import batches each file's rows came from (member_state_sources)
//   manifest.json             the member state, as-of date, time generated, each file with its
//                             row count (the records page's count query) and page, the batches
//
// Read in one transaction (a batch imported meanwhile cannot make the files disagree), with one
// audit entry for the download rather than one per chunk. The zip is built in memory: one
// member state's rows, not the whole store.
import { error, redirect } from '@sveltejs/kit';
import JSZip from 'jszip';
import { m } from '$lib/paraglide/messages';
import {
	parseView,
	toQuery,
	viewParams,
	type RecordSet,
	type RecordsView
} from '$lib/records/params';
import { addressedActor } from './actor.ts';
import { now } from './clock.ts';
import { csvDocument, fileNamePart } from './csv.ts';
import { openData, type OpenData } from './data.ts';
import { CHUNK_SIZE, orderParams, queryParams, setSpecs } from './records.ts';
import type { Scope } from './scope.ts';

/** A fixed date for the zip entries (the manifest says when the zip was made). */
const entryDate = new Date(Date.UTC(2000, 0, 1));

interface DossierFile {
	name: string;
	/** The records page whose rows the file holds (path and query). */
	page: string;
	view: RecordsView;
}

/**
 * The records views the dossier's CSV files hold, each the page of one state with no other
 * filter, read from its address by the pages' own parser (so that file and page agree).
 */
export function dossierViews(ms: string, asOf: string): DossierFile[] {
	const files: [string, RecordSet, string][] = [
		['sharing.csv', 'sharing', `asOf=${asOf}&ms=${ms}`],
		['sharing-not-relevant.csv', 'sharing', `asOf=${asOf}&ms=${ms}&relevant=false`],
		['actions.csv', 'actions', `asOf=${asOf}&actor=${ms}`],
		['retention.csv', 'retention', `asOf=${asOf}&ms=${ms}`]
	];
	return files.map(([name, set, query]) => {
		const view = parseView(set, new URL(`http://cosi.invalid/?${query}`), asOf);
		return { name, view, page: `/records/${set}${toQuery(viewParams(view))}` };
	});
}

/**
 * The zip of everything about the member state `typed` names (any case; an alias such as GR
 * leads to the canonical address) as of `asOf`, for a reader allowed to read its records; 404
 * for a code that names no member state.
 */
export async function dossierZip(scope: Scope, typed: string, asOf: string): Promise<Response> {
	const data = await openData(scope, { auditViews: false });
	try {
		const actor = await addressedActor(data, typed, (code) =>
			redirect(308, `/member-states/${encodeURIComponent(code)}/download.zip?asOf=${asOf}`)
		);
		if (!actor || actor.kind === 'eu_body') {
			error(404, m.sup_ms_unknown({ code: JSON.stringify(typed.slice(0, 30)) }));
		}
		const ms = actor.code;
		// One audit entry for the download, written before any row leaves.
		await data.audit({
			action: 'zip_download',
			route: `/member-states/${ms}/download.zip`,
			filter: { asOf, ms },
			memberStates: [ms]
		});
		await data.snapshot();
		const zip = new JSZip();
		const files: { name: string; kind: string; rows: number; page: string }[] = [];
		for (const file of dossierViews(ms, asOf)) {
			const spec = setSpecs[file.view.set];
			const params = queryParams(file.view);
			const counted = await data.row(`${spec.list}_count`, params);
			const rows = await allRows(data, file.view);
			zip.file(file.name, csvDocument(spec.columns, rows), { date: entryDate });
			files.push({
				name: file.name,
				kind: file.view.set,
				rows: counted?.total ?? 0,
				page: file.page
			});
		}
		const batches = await data.rows('member_state_sources', { as_of: asOf, member_state: ms });
		const columns = ['file', 'batch_id', 'kind', 'file_name', 'sha256', 'imported_at', 'rows'];
		zip.file(
			'batches.csv',
			csvDocument(
				columns,
				batches.map((b) => columns.map((c) => (b as unknown as Record<string, unknown>)[c]))
			),
			{ date: entryDate }
		);
		const manifest = {
			memberState: ms,
			asOf,
			generatedAt: now().toISOString(),
			files,
			batches: batches.map((b) => ({
				file: b.file,
				batchId: b.batch_id,
				kind: b.kind,
				fileName: b.file_name,
				sha256: b.sha256,
				importedAt: b.imported_at,
				rows: b.rows
			}))
		};
		zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date: entryDate });
		const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
		const name = `cosi-${fileNamePart(ms)}_asOf-${fileNamePart(asOf)}.zip`;
		return new Response(bytes as BodyInit, {
			headers: {
				'Content-Type': 'application/zip',
				'Content-Disposition': `attachment; filename="${name}"`,
				'Content-Length': String(bytes.byteLength),
				'Cache-Control': 'no-store'
			}
		});
	} finally {
		await data.close();
	}
}

/** Every row of a view, in its page order, as the CSV columns (chunks of 10,000). */
async function allRows(data: OpenData, view: RecordsView): Promise<unknown[][]> {
	const spec = setSpecs[view.set];
	const params = { ...queryParams(view), ...orderParams(view) };
	const out: unknown[][] = [];
	for (let offset = 0; ; offset += CHUNK_SIZE) {
		const rows = await data.rows(spec.list, { ...params, limit: CHUNK_SIZE, offset });
		for (const r of rows) {
			const row = r as unknown as Record<string, unknown>;
			out.push(spec.columns.map((c) => row[c]));
		}
		if (rows.length < CHUNK_SIZE) return out;
	}
}
