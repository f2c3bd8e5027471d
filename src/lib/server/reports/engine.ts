// The report engine: a definition (reports/<id>.json) and the caller's parameters, resolved
// through the data gate into one document (model.ts) that every renderer reads.
//
// Every figure and row comes from a named query read with the caller's scope (withData), in one
// read transaction (a batch committed meanwhile cannot make two tables disagree). The engine
// formats nothing and computes no figure: it binds parameters, concatenates the runs of a query
// (one per member state asked for, and every page of a paged query: no truncation), and keeps
// the values as SQL gave them. Provenance: the batches read (report_provenance) and a fingerprint,
// the SHA-256 of the report id, its data parameters and every table's values (docs/reports.md).
import { createHash } from 'node:crypto';
import { renderChart } from '../charts.ts';
import { now } from '../clock.ts';
import { withData, type Data } from '../data.ts';
import { loadQuery } from '../queries.ts';
import { allows, type Scope } from '../scope.ts';
import {
	reportDefinitions,
	type Binding,
	type ChartSection,
	type Lang,
	type ReportDefinition,
	type Section,
	type TableSection,
	type Text
} from './definition.ts';
import { formatCell, formatDate, localeTag } from './format.ts';
import type { BatchInfo, Block, Cell, ReportDocument, ReportParams, TableBlock } from './model.ts';
import { ReportParamError, ReportScopeError } from './params.ts';
import { wordsFor } from './words.ts';

/** A paged query is read this many rows at a time (the queries' own cap). */
const PAGE = 10_000;

export interface BuildOptions {
	/** The database file (default: COSI_DB, else data/cosi.duckdb). */
	path?: string;
	/**
	 * Write this use of the report to the audit trail for the scope's reader, once, before anything
	 * leaves (the gate's per-query record views are off: a paged list would be one per page):
	 * a download in any format, or an HTML preview of a record-level report.
	 */
	audit?: { action: 'report_download' | 'record_view'; route: string; format: string };
	/**
	 * Told before each top-level section is read (`step` of `steps`, from 1), and once more
	 * (`step` = `steps`) before the provenance: what a report job shows while it is prepared.
	 */
	progress?: (step: number, steps: number) => void;
	/** Told of each named query a table reads, with its parameters (the benchmark replays them). */
	trace?: (query: string, params: Record<string, string | number | boolean | null>) => void;
}

/** The definition of report `id`, or a parameter error naming the reports there are. */
export function reportDefinition(id: string): ReportDefinition {
	const def = reportDefinitions().get(id);
	if (!def)
		throw new ReportParamError(
			`unknown report ${JSON.stringify(id)} (accepted: ${[...reportDefinitions().keys()].join(', ')})`
		);
	return def;
}

interface Context {
	def: ReportDefinition;
	trace: BuildOptions['trace'];
	params: ReportParams;
	lang: Lang;
	data: Data;
	/** The programme of the perProgramme block being resolved. */
	programme: string | null;
	/** Table blocks by definition id, in the current block. */
	tables: Map<string, TableBlock>;
}

/** Resolve report `def` with `params` as `scope` may see it. */
export async function buildReport(
	scope: Scope,
	def: ReportDefinition,
	asked: ReportParams,
	options: BuildOptions = {}
): Promise<ReportDocument> {
	const generatedAt = now().toISOString();
	return withData(
		scope,
		async (data) => {
			let params = asked;
			await data.snapshot();
			params = await checkAgainstData(data, def, params, scope);
			if (options.audit && (options.audit.action === 'report_download' || def.records)) {
				const set = def.records ? scope.records : scope.figures;
				await data.audit({
					action: options.audit.action,
					route: options.audit.route,
					filter: {
						report: def.id,
						format: options.audit.format,
						asOf: params.asOf,
						from: params.from,
						to: params.to,
						ms: params.memberStates.join(','),
						programme: params.programme,
						lang: params.lang
					},
					memberStates: params.memberStates.length
						? params.memberStates
						: set === null
							? null
							: [...set]
				});
			}
			const ctx: Context = {
				def,
				trace: options.trace,
				params,
				lang: params.lang,
				data,
				programme: params.programme,
				tables: new Map()
			};
			const sections = def.sections.filter((s) => !s.when || given(params, s.when));
			const steps = sections.length + 1;
			const blocks: Block[] = [];
			for (const [i, section] of sections.entries()) {
				options.progress?.(i + 1, steps);
				blocks.push(...(await resolveSections(ctx, [section], '')));
			}
			options.progress?.(steps, steps);
			const batchRows = await data.rows('report_provenance', {
				kinds: def.reads.join(','),
				programmes:
					params.programme === null
						? null
						: [params.programme, ...(params.annex ? [params.annex] : [])].join(',')
			});
			const batches: BatchInfo[] = batchRows.map((b) => ({
				batchId: b.batch_id,
				kind: b.kind,
				fileName: b.file_name,
				sha256: b.sha256,
				importedAt: b.imported_at,
				importedBy: b.imported_by,
				rowsAccepted: b.rows_accepted
			}));
			return {
				report: def.id,
				title: fill(ctx, pick(def.title, ctx.lang)),
				subtitle: def.subtitle ? fill(ctx, pick(def.subtitle, ctx.lang)) : null,
				lang: ctx.lang,
				audience: def.audience,
				landscape: def.landscape ?? false,
				params,
				paramLines: paramLines(def, params),
				generatedAt,
				blocks,
				batches,
				fingerprint: fingerprint(def.id, params, blocks)
			};
		},
		{ path: options.path, auditViews: false }
	);
}

/** The fingerprint: SHA-256 over the report id, the data parameters and every table's values. */
export function fingerprint(report: string, params: ReportParams, blocks: Block[]): string {
	const hash = createHash('sha256');
	const { asOf, from, to, memberStates, programme, annex } = params;
	hash.update(JSON.stringify({ report, asOf, from, to, memberStates, programme, annex }));
	for (const b of blocks) {
		if (b.kind !== 'table') continue;
		hash.update('\n' + JSON.stringify([b.id, b.columns.map((c) => c.field)]));
		for (const row of b.rows) hash.update('\n' + JSON.stringify(row));
	}
	return hash.digest('hex');
}

/** Programme and member states against the data, and the member states against the caller's scope. */
async function checkAgainstData(
	data: Data,
	def: ReportDefinition,
	params: ReportParams,
	scope: Scope
): Promise<ReportParams> {
	if (params.programme !== null || params.annex !== null) {
		const programmes = (await data.cachedRows('programme_catalogues', { as_of: '2100-12-31' })).map(
			(r) => r.programme
		);
		for (const [label, value] of [
			['programme', params.programme],
			['annex', params.annex]
		] as const)
			if (value !== null && !programmes.includes(value))
				throw new ReportParamError(
					`invalid ${label}: ${JSON.stringify(value)} (accepted: ${programmes.join(', ') || 'none imported yet'})`
				);
	}
	const states = (await data.cachedRows('actor_names', {}))
		.filter((r) => r.kind !== 'eu_body')
		.map((r) => r.code);
	const set = def.records ? scope.records : scope.figures;
	if (def.memberStatesRequired && params.memberStates.length === 0 && set !== null) {
		// None asked for: the caller's own (one who may see all gets all of them together).
		if (set.length === 0)
			throw new ReportScopeError(`report ${def.id}: no member state is in your scope`);
		params = { ...params, memberStates: [...set].sort() };
	}
	if (params.memberStates.length > 0) {
		for (const ms of params.memberStates) {
			if (!states.includes(ms))
				throw new ReportParamError(
					`invalid member state: ${JSON.stringify(ms)} (accepted: ${states.join(', ')})`
				);
			if (!allows(set, ms))
				throw new ReportScopeError(
					`member state ${ms} is outside your scope (${set === null ? 'all' : set.join(', ') || 'none'}): report ${def.id} cannot be produced for it`
				);
		}
	}
	return params;
}

async function resolveSections(
	ctx: Context,
	sections: Section[],
	suffix: string
): Promise<Block[]> {
	const blocks: Block[] = [];
	for (const s of sections) {
		if (s.when && !given(ctx.params, s.when)) continue;
		switch (s.type) {
			case 'heading':
				blocks.push({
					kind: 'heading',
					level: ctx.programme && suffix ? 3 : 2,
					text: fill(ctx, pick(s.text, ctx.lang))
				});
				break;
			case 'text':
				blocks.push({
					kind: 'text',
					paragraphs: fill(ctx, pick(s.text, ctx.lang))
						.split(/\n\s*\n/)
						.map((p) => p.trim())
						.filter((p) => p)
				});
				break;
			case 'table': {
				const table = await resolveTable(ctx, s, suffix);
				ctx.tables.set(s.id, table);
				blocks.push(table);
				break;
			}
			case 'chart': {
				const chart = resolveChart(ctx, s);
				if (chart) blocks.push(chart);
				break;
			}
			case 'perProgramme': {
				const programmes =
					ctx.params.programme !== null
						? [ctx.params.programme]
						: (
								await ctx.data.rows('programme_catalogues', {
									as_of: ctx.params.asOf
								})
							)
								.filter((r) => r.rounds > 0)
								.map((r) => r.programme);
				for (const programme of programmes) {
					const inner: Context = { ...ctx, programme, tables: new Map() };
					blocks.push({ kind: 'heading', level: 2, text: programme });
					blocks.push(...(await resolveSections(inner, s.sections, `-${slug(programme)}`)));
				}
				break;
			}
		}
	}
	return blocks;
}

/** Whether a parameter was given (a section with `when` is shown only then). */
function given(p: ReportParams, name: string): boolean {
	switch (name) {
		case 'annex':
			return p.annex !== null;
		case 'programme':
			return p.programme !== null;
		case 'memberStates':
			return p.memberStates.length > 0;
		case 'period':
			return p.from !== null || p.to !== null;
		case 'classification':
			return p.classification !== null;
		default:
			return true;
	}
}

function bind(ctx: Context, params: Record<string, Binding>, memberState: string | null) {
	const out: Record<string, string | number | boolean | null> = {};
	for (const [name, value] of Object.entries(params)) {
		switch (value) {
			case '$asOf':
				out[name] = ctx.params.asOf;
				break;
			case '$from':
				out[name] = ctx.params.from;
				break;
			case '$to':
				out[name] = ctx.params.to;
				break;
			case '$programme':
				out[name] = ctx.programme;
				break;
			case '$annex':
				out[name] = ctx.params.annex;
				break;
			case '$memberState':
				out[name] = memberState;
				break;
			default:
				out[name] = value;
		}
	}
	return out;
}

async function resolveTable(ctx: Context, s: TableSection, suffix: string): Promise<TableBlock> {
	const query = loadQuery(s.query);
	const paged = query.params.some((p) => p.name === 'limit');
	const states: (string | null)[] =
		s.perMemberState && ctx.params.memberStates.length > 0 ? ctx.params.memberStates : [null];
	const columns = s.columns.map((c) => ({
		field: c.field,
		label: pick(c.label, ctx.lang),
		type: c.type,
		width: c.width ?? 1
	}));
	const rows: Cell[][] = [];
	for (const ms of states) {
		const bound = bind(ctx, s.params, ms);
		for (let offset = 0; ; offset += PAGE) {
			const queryParams = paged ? { ...bound, limit: PAGE, offset } : bound;
			ctx.trace?.(s.query, queryParams);
			const page = await ctx.data.rowsByName(s.query, queryParams);
			for (const r of page) {
				if (s.where && Object.entries(s.where).some(([k, v]) => r[k] !== v)) continue;
				if (s.omitNull && r[s.omitNull] === null) continue;
				// "$memberState": the state this run was bound to (a label, not a figure).
				rows.push(s.columns.map((c) => (c.field === '$memberState' ? ms : toCell(r[c.field]))));
			}
			if (!paged || page.length < PAGE) break;
		}
	}
	return {
		kind: 'table',
		id: `${s.id}${suffix}`,
		title: fill(ctx, pick(s.title, ctx.lang)),
		note: s.note ? fill(ctx, pick(s.note, ctx.lang)) : null,
		columns,
		rows,
		groupBy: s.groupBy ? s.columns.findIndex((c) => c.field === s.groupBy) : null,
		empty: s.empty ? fill(ctx, pick(s.empty, ctx.lang)) : wordsFor(ctx.lang).noRows,
		compact: s.compact ?? false
	};
}

function toCell(v: unknown): Cell {
	if (v === undefined || v === null) return null;
	if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
	return JSON.stringify(v);
}

function resolveChart(ctx: Context, s: ChartSection) {
	const table = ctx.tables.get(s.table);
	if (!table || table.rows.length === 0) return null;
	const k = table.columns.findIndex((c) => c.field === s.key);
	const v = table.columns.findIndex((c) => c.field === s.value);
	const type = table.columns[v].type;
	const title = fill(ctx, pick(s.title, ctx.lang));
	const svg = renderChart(
		{
			kind: s.kind,
			title,
			summary: fill(ctx, pick(s.summary, ctx.lang)),
			keyLabel: pick(s.keyLabel, ctx.lang),
			valueLabel: pick(s.valueLabel, ctx.lang),
			locale: localeTag(ctx.lang),
			percent: s.percent,
			data: table.rows.map((r) => {
				const key = String(r[k]);
				const text = formatCell(ctx.lang, type, r[v]);
				return {
					key,
					value: typeof r[v] === 'number' ? r[v] : null,
					text,
					tip: `${key}: ${text}`
				};
			})
		},
		680
	);
	return { kind: 'chart' as const, title, svg };
}

function pick(text: Text, lang: Lang): string {
	return text[lang] ?? text.en ?? text.nl ?? '';
}

function slug(s: string): string {
	return s
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/** Fill {asOf}, {programme}, {memberStates}, {period} into a text. */
function fill(ctx: Context, text: string): string {
	const w = wordsFor(ctx.lang);
	const p = ctx.params;
	const values: Record<string, string> = {
		asOf: formatDate(ctx.lang, p.asOf),
		programme: ctx.programme ?? w.allProgrammes,
		memberStates: p.memberStates.length ? p.memberStates.join(', ') : w.allMemberStates,
		period: periodText(ctx.lang, p)
	};
	return text.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);
}

function periodText(lang: Lang, p: ReportParams): string {
	const w = wordsFor(lang);
	if (!p.from && !p.to) return `${w.until} ${formatDate(lang, p.asOf)}`;
	return [
		p.from ? `${w.from} ${formatDate(lang, p.from)}` : '',
		`${w.until} ${formatDate(lang, p.to ?? p.asOf)}`
	]
		.filter((x) => x)
		.join(' ');
}

function paramLines(def: ReportDefinition, p: ReportParams): [string, string][] {
	const w = wordsFor(p.lang);
	const lines: [string, string][] = [[w.asOf, formatDate(p.lang, p.asOf)]];
	if (def.parameters.includes('period')) lines.push([w.period, periodText(p.lang, p)]);
	if (def.parameters.includes('memberStates'))
		lines.push([
			w.memberStates,
			p.memberStates.length ? p.memberStates.join(', ') : w.allMemberStates
		]);
	if (def.parameters.includes('programme'))
		lines.push([w.programme, p.programme ?? w.allProgrammes]);
	if (p.annex) lines.push([w.annex, p.annex]);
	lines.push([w.language, p.lang]);
	if (p.classification) lines.push([w.classification, p.classification]);
	return lines;
}
