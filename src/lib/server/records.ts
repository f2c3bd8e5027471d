// The records pages and their CSV downloads: which named query each record set uses, its
// parameters for a parsed view, a page of rows, every row as CSV, and the filter-form options.
import { PAGE_SIZE } from '$lib/params';
import { viewParams, type RecordsView } from '$lib/records/params';
import { m } from '$lib/paraglide/messages';
import { csvResponse, fileNamePart } from './csv.ts';
import { pageOfRows } from './paging.ts';
import { openData, type Data, type OpenData, type QueryRow } from './data.ts';
import type { ParamValue } from './queries.ts';
import type { PagedQuery } from './query-rows.ts';
import type { Scope } from './scope.ts';

/** The queries cap a page at this many rows; downloads read in chunks of this size. */
export const CHUNK_SIZE = 10_000;

interface SetSpec<L extends PagedQuery> {
	list: L;
	/** CSV columns: the query's column names, written as the header. */
	columns: readonly (keyof QueryRow<L> & string)[];
}

export const setSpecs: {
	actions: SetSpec<'progress_pairs'>;
	sharing: SetSpec<'withheld_rows'>;
	retention: SetSpec<'retention_records'>;
} = {
	actions: {
		list: 'progress_pairs',
		columns: [
			'judged_on',
			'programme',
			'action_id',
			'title',
			'chapter',
			'deadline',
			'actor',
			'responsible',
			'status',
			'category',
			'applicable',
			'overdue',
			'reported_on',
			'completion_pct',
			'score',
			'planning',
			'state_of_play',
			'recent_developments',
			'evidence_ref',
			'batch_id',
			'file_name',
			'source_row',
			'responsible_batch_id',
			'responsible_file_name'
		]
	},
	sharing: {
		list: 'withheld_rows',
		columns: [
			'event_id',
			'occurred_on',
			'member_state',
			'channel',
			'recipient',
			'category',
			'decision',
			'shared_on',
			'withholding_ground',
			'weighing_documented',
			'weighing_ref',
			'unjustified',
			'terrorism_marker',
			'context_provided',
			'subject_ref',
			'batch_id',
			'file_name',
			'source_row'
		]
	},
	retention: {
		list: 'retention_records',
		columns: [
			'record_id',
			'member_state',
			'register',
			'legal_basis',
			'kind',
			'authority',
			'created_on',
			'last_reviewed_on',
			'last_review',
			'review_outcome',
			'review_due',
			'retention_end',
			'deleted_on',
			'impact_assessed',
			'active',
			'overdue_review',
			'past_retention',
			'missing_assessment',
			'no_rule',
			'compliant',
			'late_deletion',
			'batch_id',
			'file_name',
			'source_row'
		]
	}
};

/** The order of a view's list query (its count query takes no order): ?sort= and ?dir=. */
export function orderParams(view: RecordsView): Record<string, ParamValue> {
	return { sort: view.sort, dir: view.dir };
}

/**
 * The named-query parameters of a view's list and count queries (without the order, limit and
 * offset).
 */
export function queryParams(view: RecordsView): Record<string, ParamValue> {
	return { ...filterParams(view), search: view.q };
}

function filterParams(view: RecordsView): Record<string, ParamValue> {
	const f = view.filters;
	switch (view.set) {
		case 'actions':
			return {
				as_of: f.asOf,
				programme: f.programme,
				actor: view.actor,
				action_id: view.action,
				chapter: view.chapter,
				category: view.category,
				previous_round: view.round === 'previous' ? true : null
			};
		case 'sharing':
			return {
				as_of: f.asOf,
				from: f.from,
				to: f.to,
				member_state: f.ms,
				channel: f.channel,
				ground: view.ground,
				decision: view.decision,
				only_unjustified: view.unjustified ? true : null,
				month: view.month,
				relevant: view.relevant
			};
		case 'retention':
			return {
				as_of: f.asOf,
				member_state: f.ms,
				register: f.register,
				legal_basis: f.legalBasis,
				authority: view.authority,
				flag: view.flag
			};
	}
}

/** One page of a records table (50 rows), with the total and the number of pages. */
export async function loadRecordsPage(data: Data, view: RecordsView, page: number) {
	const { rows, total, pageCount } = await pageOfRows(
		data,
		setSpecs[view.set].list,
		queryParams(view),
		page,
		undefined,
		orderParams(view)
	);
	return { total, page, pageCount, pageSize: PAGE_SIZE, rows };
}

export interface Option {
	value: string;
	label: string;
}

export interface FilterOptions {
	programmes: Option[];
	/** Chapters per programme. */
	chapters: Record<string, Option[]>;
	/** Every actor code (member states, associated, historical, EU bodies). */
	actors: Option[];
	/** Member states and associated/historical states (not EU bodies). */
	states: Option[];
	channels: Option[];
	registers: Option[];
	legalBases: Option[];
}

/** filter_options: one value a filter form offers. */
export interface OptionRow {
	field: string;
	value: string;
	programme: string | null;
	kind: string | null;
	name_en: string | null;
	name_nl: string | null;
}

/** What the filter forms offer; cached per data version. `nl` picks Dutch actor names. */
export async function filterOptions(data: Data, nl: boolean): Promise<FilterOptions> {
	const rows = await data.cachedRows('filter_options', {});
	const out: FilterOptions = {
		programmes: [],
		chapters: {},
		actors: [],
		states: [],
		channels: [],
		registers: [],
		legalBases: []
	};
	for (const r of rows) {
		const name = nl ? r.name_nl : r.name_en;
		switch (r.field) {
			case 'programme':
				out.programmes.push({ value: r.value, label: r.value });
				break;
			case 'chapter':
				(out.chapters[r.programme ?? ''] ??= []).push({
					value: r.value,
					label: r.value === '(none)' ? m.rec_no_chapter() : r.value
				});
				break;
			case 'actor': {
				const option = { value: r.value, label: name ? `${r.value} – ${name}` : r.value };
				out.actors.push(option);
				if (r.kind !== 'eu_body') out.states.push(option);
				break;
			}
			case 'channel':
				out.channels.push({ value: r.value, label: r.value });
				break;
			case 'register':
				out.registers.push({ value: r.value, label: r.value });
				break;
			case 'legal_basis':
				out.legalBases.push({ value: r.value, label: name ? `${r.value} – ${name}` : r.value });
				break;
		}
	}
	return out;
}

/** A file name for a download: the set, then every filter, e.g. sharing_asOf-2025-06-30_ms-NL.csv. */
export function csvFileName(view: RecordsView): string {
	const parts = [`cosi-${view.set}`];
	for (const [key, value] of Object.entries(viewParams(view))) {
		// The columns shown on the page do not change the file (it has every column).
		if (value && key !== 'cols') parts.push(`${key}-${fileNamePart(value)}`);
	}
	return `${parts.join('_').slice(0, 200)}.csv`;
}

/**
 * Every row of a view as a CSV download, read in chunks of 10,000 inside one read transaction
 * (so a batch imported meanwhile cannot shift the pages) and streamed as it is read.
 */
export async function csvDownload(scope: Scope, view: RecordsView): Promise<Response> {
	const spec = setSpecs[view.set];
	const params = { ...queryParams(view), ...orderParams(view) };
	// One audit entry for the download (not one per chunk): written before any row leaves.
	const data = await openData(scope, { auditViews: false });
	try {
		await auditDownload(data, view);
	} catch (e) {
		await data.close();
		throw e;
	}
	let offset = 0;
	const close = () => data.close();
	const chunk = async () => {
		const rows = await data.rows(spec.list, { ...params, limit: CHUNK_SIZE, offset });
		offset += rows.length;
		return rows.map((r: object) => spec.columns.map((c) => (r as Record<string, unknown>)[c]));
	};
	try {
		await data.snapshot();
		const first = await chunk();
		return csvResponse({
			fileName: csvFileName(view),
			header: spec.columns,
			first,
			chunkSize: CHUNK_SIZE,
			next: chunk,
			close
		});
	} catch (e) {
		await close();
		throw e;
	}
}

/**
 * A CSV download in the audit trail, for a signed-in reader: which file and filter, and the
 * member states concerned (the state the filter names, else every state the reader may read).
 */
async function auditDownload(data: OpenData, view: RecordsView): Promise<void> {
	const reader = data.scope.reader;
	if (!reader) return;
	const named = view.set === 'actions' ? view.actor : view.filters.ms;
	const states = view.set === 'actions' ? data.scope.figures : data.scope.records;
	await data.audit({
		action: 'csv_download',
		route: `/records/${view.set}.csv`,
		filter: viewParams(view),
		memberStates: named ? [named] : states === null ? null : [...states]
	});
}
