// The report pages: /reports (the reports the caller may produce, with their parameter forms),
// /reports/[id] (an HTML preview with a download in each format) and
// /reports/[id]/download?format=... (the file). Routes stay thin: they pass locals.scope and the
// URL here. A bad parameter is a 400 naming it and the accepted values; a member state outside
// the caller's scope a 403; no Chromium for a PDF a 503 that says what to install.
import { error, isHttpError } from '@sveltejs/kit';
import type { Option, ReportCard, ReportJob } from '../../reports.ts';
import { withData } from '../data.ts';
import { programmeLabel } from '$lib/labels';
import { allows, type Scope } from '../scope.ts';
import { reportDefinitions, type ReportDefinition } from './definition.ts';
import { buildReport, reportDefinition, type BuildOptions } from './engine.ts';
import { reportCss } from './html.ts';
import type { ReportDocument, ReportParams } from './model.ts';
import {
	JobFailure,
	JobLimitError,
	reportJobs,
	type JobFile,
	type JobProgress,
	type JobStatus
} from './jobs.ts';
import { formLabels, parseReportParams, ReportParamError, ReportScopeError } from './params.ts';
import { ChromiumMissingError } from './pdf.ts';
import {
	formatInfo,
	isReportFormat,
	renderPreviewBody,
	renderReport,
	reportFileName,
	reportFormats,
	type ReportFormat
} from './render.ts';

export type { Option, ReportCard, ReportJob };

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

/** The definition of report `id`: 404 when there is none, 403 when the caller may not produce it. */
function producible(scope: Scope, id: string): ReportDefinition {
	const def = reportDefinitions().get(id);
	if (!def) error(404, `unknown report ${JSON.stringify(id.slice(0, 50))}`);
	if (!mayProduce(def, scope))
		error(403, `report ${id} lists records, and you may see no member state's records`);
	return def;
}

/**
 * The definition and parameters of a request, checked before anything is read: 404 for an
 * unknown report, 403 for a report or member state outside the caller's scope, 400 for a bad
 * parameter.
 */
function requestFor(scope: Scope, id: string, url: URL) {
	const def = producible(scope, id);
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
	audit: BuildOptions['audit'],
	progress?: BuildOptions['progress']
): Promise<ReportDocument> {
	try {
		return await buildReport(scope, request.def, request.params, { audit, progress });
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
	/** href: the file in one request (works without JavaScript); jobs: where to start a job. */
	downloads: { format: ReportFormat; href: string; jobs: string; extension: string }[];
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
		html: await renderPreviewBody(doc),
		downloads: reportFormats.map((format) => ({
			format,
			href: `/reports/${id}/download?format=${format}&${query}`,
			jobs: `/reports/${id}/jobs?format=${format}&${query}`,
			extension: formatInfo[format].extension
		}))
	};
}

/** ?format=, one of the report formats, or a 400 naming the accepted ones. */
function formatOf(url: URL): ReportFormat {
	const format = url.searchParams.get('format') ?? '';
	if (!isReportFormat(format))
		error(
			400,
			`invalid format: ${JSON.stringify(format.slice(0, 20))} (accepted: ${reportFormats.join(', ')})`
		);
	return format;
}

/** Read and render: the file of a download or a job. Written to the audit trail before rendering. */
async function produce(
	scope: Scope,
	request: ReturnType<typeof requestFor>,
	format: ReportFormat,
	route: string,
	progress?: JobProgress
): Promise<JobFile> {
	const doc = await documentFor(
		scope,
		request,
		{ action: 'report_download', route, format },
		progress && ((step, steps) => progress.reading(step, steps))
	);
	progress?.rendering();
	let bytes: Uint8Array;
	try {
		bytes = await renderReport(doc, format);
	} catch (e) {
		if (e instanceof ChromiumMissingError) error(503, e.message);
		throw e;
	}
	return {
		bytes,
		fileName: reportFileName(doc, format),
		contentType: formatInfo[format].contentType,
		fingerprint: doc.fingerprint
	};
}

function fileResponse(file: JobFile): Response {
	return new Response(file.bytes as unknown as BodyInit, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'content-length': String(file.bytes.length),
			'cache-control': 'no-store',
			'x-cosi-fingerprint': file.fingerprint
		}
	});
}

/** The report as a file in `format` (?format=pdf|docx|xlsx|csv|html), in one request. */
export async function reportDownload(scope: Scope, id: string, url: URL): Promise<Response> {
	const request = requestFor(scope, id, url);
	return fileResponse(await produce(scope, request, formatOf(url), url.pathname));
}

function jobView(status: JobStatus): ReportJob {
	const href = `/reports/${status.report}/jobs/${status.id}`;
	return { ...status, href, file: `${href}/file` };
}

/**
 * Start preparing the report as a file (POST /reports/[id]/jobs?format=...&{parameters}): the
 * request is checked now (400, 403), the reading and rendering run on as a job of `owner`.
 */
export function startReportJob(scope: Scope, owner: string, id: string, url: URL): ReportJob {
	const request = requestFor(scope, id, url);
	const format = formatOf(url);
	try {
		return jobView(
			reportJobs().start(owner, id, format, async (progress) => {
				try {
					return await produce(scope, request, format, url.pathname, progress);
				} catch (e) {
					if (isHttpError(e)) throw new JobFailure(e.status, e.body.message);
					throw e;
				}
			})
		);
	} catch (e) {
		if (e instanceof JobLimitError) error(e.status, e.message);
		throw e;
	}
}

/** `owner`'s jobs for report `id`, newest first (GET /reports/[id]/jobs). */
export function reportJobList(scope: Scope, owner: string, id: string, url: URL): ReportJob[] {
	producible(scope, id);
	noParams(url);
	return reportJobs().list(owner, id).map(jobView);
}

function noParams(url: URL): void {
	const keys = [...new Set(url.searchParams.keys())];
	if (keys.length > 0) error(400, `unknown parameter ${JSON.stringify(keys[0])} (accepted: none)`);
}

/** The job's state (GET /reports/[id]/jobs/[job]); 404 when it is not the caller's, or gone. */
export function reportJobStatus(
	scope: Scope,
	owner: string,
	id: string,
	job: string,
	url: URL
): ReportJob {
	producible(scope, id);
	noParams(url);
	const status = reportJobs().status(owner, job);
	if (!status || status.report !== id) error(404, 'no such report job (it may have expired)');
	return jobView(status);
}

/** The job's file (GET /reports/[id]/jobs/[job]/file): 409 while it is being prepared. */
export function reportJobFile(
	scope: Scope,
	owner: string,
	id: string,
	job: string,
	url: URL
): Response {
	producible(scope, id);
	noParams(url);
	const found = reportJobs().file(owner, job);
	if (!found || found.status.report !== id) error(404, 'no such report job (it may have expired)');
	if (found.status.state === 'failed' && found.status.error)
		error(found.status.error.status, found.status.error.message);
	if (!found.file) error(409, 'the report is still being prepared');
	return fileResponse(found.file);
}
