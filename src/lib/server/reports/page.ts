// The report pages: /reports (the reports the caller may produce, with their parameter forms),
// /reports/[id] (an HTML preview with a download in each format) and
// /reports/[id]/download?format=... (the file). Routes stay thin: they pass locals.scope and the
// URL here. A bad parameter is a 400 naming it and the accepted values; a member state outside
// the caller's scope a 403; no Chromium for a PDF a 503 that says what to install.
import { error } from '@sveltejs/kit';
import type { Option, ReportCard } from '../../reports.ts';
import { withData } from '../data.ts';
import { programmeLabel } from '$lib/labels';
import { allows, type Scope } from '../scope.ts';
import { reportDefinitions, type ReportDefinition } from './definition.ts';
import { buildReport, reportDefinition, type BuildOptions } from './engine.ts';
import { renderHtmlBody, reportCss } from './html.ts';
import type { ReportDocument, ReportParams } from './model.ts';
import { formLabels, parseReportParams, ReportParamError, ReportScopeError } from './params.ts';
import { ChromiumMissingError } from './pdf.ts';
import {
	formatInfo,
	isReportFormat,
	renderReport,
	reportFileName,
	reportFormats,
	type ReportFormat
} from './render.ts';

export type { Option, ReportCard };

export interface ReportsPage {
	reports: ReportCard[];
	programmes: Option[];
	/** Member states whose figures the caller may see. */
	figureStates: Option[];
	/** Member states whose records the caller may see (record-level reports). */
	recordStates: Option[];
}

function card(def: ReportDefinition, uiLang: string): ReportCard {
	return {
		id: def.id,
		description: def.description[uiLang as 'en' | 'nl'] ?? def.description.en ?? '',
		audience: def.audience,
		languages: def.languages,
		parameters: def.parameters,
		memberStatesRequired: def.memberStatesRequired ?? false,
		records: def.records ?? false,
		defaultProgramme: def.defaults?.programme ?? null
	};
}

/** May the caller produce this report at all? (A record report needs some record scope.) */
function mayProduce(def: ReportDefinition, scope: Scope): boolean {
	return !def.records || scope.records === null || scope.records.length > 0;
}

/** The reports the caller may produce, and what the parameter forms offer. */
export async function reportsPage(scope: Scope, uiLang: string): Promise<ReportsPage> {
	return withData(scope, async (data) => {
		const catalogues = await data.cachedRows('programme_catalogues', {
			as_of: '2100-12-31'
		});
		const actors = await data.cachedRows('actor_names', {});
		const states = actors
			.filter((a) => a.kind === 'member_state')
			.map((a) => ({
				value: a.code,
				label: `${a.code} – ${(uiLang === 'nl' ? a.name_nl : a.name_en) ?? a.code}`
			}));
		const within = (set: readonly string[] | null) =>
			states.filter((s) => set === null || set.includes(s.value));
		return {
			reports: [...reportDefinitions().values()]
				.filter((d) => mayProduce(d, scope))
				.map((d) => card(d, uiLang)),
			programmes: catalogues.map((c) => ({
				value: c.programme,
				label: programmeLabel(c.programme)
			})),
			figureStates: within(scope.figures),
			recordStates: within(scope.records)
		};
	});
}

/** A report's parameters from the query string (as the form sends them). */
function paramsFromUrl(def: ReportDefinition, url: URL): ReportParams {
	const q = url.searchParams;
	const one = (k: string) => q.get(k) ?? undefined;
	return parseReportParams(
		def,
		{
			asOf: one('asOf'),
			from: one('from'),
			to: one('to'),
			memberStates: q.getAll('ms').filter((s) => s !== ''),
			programme: one('programme'),
			lang: one('lang'),
			classification: one('classification'),
			annex: one('annex')
		},
		formLabels
	);
}

/** The query string of a document's parameters (for the download links). */
export function paramsQuery(p: ReportParams): string {
	const q = new URLSearchParams();
	q.set('asOf', p.asOf);
	if (p.from) q.set('from', p.from);
	if (p.to) q.set('to', p.to);
	for (const ms of p.memberStates) q.append('ms', ms);
	if (p.programme) q.set('programme', p.programme);
	q.set('lang', p.lang);
	if (p.classification) q.set('classification', p.classification);
	if (p.annex) q.set('annex', p.annex);
	return q.toString();
}

/**
 * The definition and parameters of a request, checked before anything is read: 404 for an
 * unknown report, 403 for a report or member state outside the caller's scope, 400 for a bad
 * parameter.
 */
function requestFor(scope: Scope, id: string, url: URL) {
	const def = reportDefinitions().get(id);
	if (!def) error(404, `unknown report ${JSON.stringify(id.slice(0, 50))}`);
	if (!mayProduce(def, scope))
		error(403, `report ${id} lists records, and you may see no member state's records`);
	const set = def.records ? scope.records : scope.figures;
	for (const ms of url.searchParams.getAll('ms'))
		if (ms !== '' && !allows(set, ms.trim().toUpperCase()))
			error(403, `member state ${ms.slice(0, 10)} is outside your scope`);
	try {
		return { def, params: paramsFromUrl(def, url) };
	} catch (e) {
		if (e instanceof ReportParamError) error(400, e.message);
		throw e;
	}
}

/** Build a report for a request: 400 or 403 with the reason instead of an exception. */
async function documentFor(
	scope: Scope,
	request: ReturnType<typeof requestFor>,
	audit: BuildOptions['audit']
): Promise<ReportDocument> {
	try {
		return await buildReport(scope, request.def, request.params, { audit });
	} catch (e) {
		if (e instanceof ReportParamError) error(400, e.message);
		if (e instanceof ReportScopeError) error(403, e.message);
		throw e;
	}
}

export interface ReportPreview {
	report: ReportCard;
	params: ReportParams;
	title: string;
	fingerprint: string;
	/** The report's styles and body, escaped: to show as it is. */
	css: string;
	html: string;
	downloads: { format: ReportFormat; href: string; extension: string }[];
}

export async function reportPreview(
	scope: Scope,
	id: string,
	url: URL,
	uiLang: string
): Promise<ReportPreview> {
	const doc = await documentFor(scope, requestFor(scope, id, url), {
		action: 'record_view',
		route: url.pathname,
		format: 'preview'
	});
	const query = paramsQuery(doc.params);
	return {
		report: card(reportDefinition(id), uiLang),
		params: doc.params,
		title: doc.title,
		fingerprint: doc.fingerprint,
		css: reportCss,
		html: renderHtmlBody(doc, { title: false }),
		downloads: reportFormats.map((format) => ({
			format,
			href: `/reports/${id}/download?format=${format}&${query}`,
			extension: formatInfo[format].extension
		}))
	};
}

/** The report as a file in `format` (?format=pdf|docx|xlsx|csv|html). */
export async function reportDownload(
	scope: Scope,
	id: string,
	url: URL
): Promise<{ response: Response; doc: ReportDocument; format: ReportFormat }> {
	const request = requestFor(scope, id, url);
	const format = url.searchParams.get('format') ?? '';
	if (!isReportFormat(format))
		error(
			400,
			`invalid format: ${JSON.stringify(format.slice(0, 20))} (accepted: ${reportFormats.join(', ')})`
		);
	// Written to the audit trail before the file is rendered.
	const doc = await documentFor(scope, request, {
		action: 'report_download',
		route: url.pathname,
		format
	});
	let bytes: Uint8Array;
	try {
		bytes = await renderReport(doc, format);
	} catch (e) {
		if (e instanceof ChromiumMissingError) error(503, e.message);
		throw e;
	}
	const response = new Response(bytes as unknown as BodyInit, {
		headers: {
			'content-type': formatInfo[format].contentType,
			'content-disposition': `attachment; filename="${reportFileName(doc, format)}"`,
			'content-length': String(bytes.length),
			'cache-control': 'no-store',
			'x-cosi-fingerprint': doc.fingerprint
		}
	});
	return { response, doc, format };
}
