// The rows behind the data-quality figures of one sender (member state or actor) and kind, as of
// D (?asOf=, default today): the figures themselves (quality_by_sender, or with ?batch= those of
// the sender's rows in that batch), and one view of their rows (?show=), 50 to a page (?page=):
// batches (own files), shared (files shared with other senders), stored, superseded, rejected, empty (the per-field breakdown with every empty cell, or
// with ?field= the rows where that field is empty) and, for actions, late. With show=stored,
// ?field= gives the rows where that field applies. Each view's total is the figure it explains.
//
// Figures and the breakdown are cached per data version and scope; the pages of rows are not.
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import {
	isQualityKind,
	isQualityView,
	qualityViews,
	type QualityBatchRow,
	type QualityEmptyRow,
	type QualityFieldRow,
	type QualityFigures,
	type QualityKind,
	type QualityLateRow,
	type QualityRejectedRow,
	type QualityStoredRow,
	type QualityView
} from '$lib/quality';
import { actorName, addressedActor } from './actor.ts';
import { withData, type Data } from './data.ts';
import { MAX_INTEGER, PAGE_SIZE, pageOfView } from './paging.ts';
import type { ParamValue } from './queries.ts';
import type { PagedQuery } from './query-rows.ts';
import type { Scope } from './scope.ts';
import { urlAsOf, urlPage } from './url.ts';

/** The rows of the view shown, told apart by `show`. */
export type QualityRows =
	| { show: 'batches' | 'shared'; rows: QualityBatchRow[] }
	| { show: 'stored' | 'superseded'; rows: QualityStoredRow[] }
	| { show: 'rejected'; rows: QualityRejectedRow[] }
	| { show: 'empty'; rows: QualityEmptyRow[] }
	| { show: 'late'; rows: QualityLateRow[] };

/** What the address of the page asks for (qualityParams). */
export interface QualityParams {
	kind: QualityKind;
	/** The sender as typed in the address (any case, or an alias). */
	sender: string;
	asOf: string;
	show: QualityView;
	/** An optional field (show=empty or stored), or null. */
	field: string | null;
	/** Only the sender's rows in this batch, or null. */
	batch: number | null;
	page: number;
	/** Called with the canonical code when `sender` is not it (a route redirects there). */
	onAlias: (code: string) => never;
}

export interface QualityPage {
	kind: QualityKind;
	sender: { code: string; name: string };
	asOf: string;
	field: string | null;
	batch: { id: number; fileName: string } | null;
	figures: QualityFigures;
	/** The figures per optional field (show=empty only). */
	breakdown: QualityFieldRow[];
	view: QualityRows;
	total: number;
	page: number;
	pageCount: number;
	pageSize: number;
}

function param(url: URL, key: string): string | null {
	const v = url.searchParams.get(key);
	return v === null || v.trim() === '' ? null : v.trim();
}

function showParam(url: URL, kind: QualityKind): QualityView {
	const v = param(url, 'show') ?? qualityViews[0];
	if (!isQualityView(v)) error(400, m.quality_error_show({ value: JSON.stringify(v) }));
	if (v === 'late' && kind !== 'actions') error(400, m.quality_error_late_kind({ kind }));
	return v;
}

/** A positive whole number, or null when absent; 400 with `message` otherwise. */
function numberParam(url: URL, key: string, message: (value: string) => string): number | null {
	const v = param(url, key);
	if (v === null) return null;
	const n = /^\d{1,10}$/.test(v) ? Number(v) : NaN;
	if (!Number.isInteger(n) || n < 1) error(400, message(JSON.stringify(v)));
	return n;
}

/** The parameters of /quality/[kind]/[sender]: 404 for an unknown kind, 400 for a bad value. */
export function qualityParams(kind: string, url: URL): Omit<QualityParams, 'sender' | 'onAlias'> {
	if (!isQualityKind(kind)) error(404, m.quality_error_kind({ value: JSON.stringify(kind) }));
	const asOf = urlAsOf(url);
	const show = showParam(url, kind);
	const field = param(url, 'field');
	if (field !== null && show !== 'empty' && show !== 'stored') {
		error(400, m.quality_error_field_show());
	}
	const batch = numberParam(url, 'batch', (value) => m.quality_error_batch({ value }));
	const page = urlPage(url);
	return { kind, asOf, show, field, batch, page };
}

/** All zeros: a sender with nothing of this kind (or nothing in this batch). */
function noFigures(kind: QualityKind): QualityFigures {
	return {
		batches: 0,
		shared_batches: 0,
		rows_stored: 0,
		rows_rejected: 0,
		rejected_pct: null,
		rows_superseded: 0,
		optional_cells: 0,
		optional_empty: 0,
		empty_pct: null,
		late_reports: kind === 'actions' ? 0 : null,
		late_pct: null,
		late_judged: kind === 'actions' ? 0 : null
	};
}

/** The quality page of one sender and kind; 404 for an unknown sender or batch. */
export function qualityPage(scope: Scope, params: QualityParams): Promise<QualityPage> {
	const { kind, asOf, show, field, batch: batchId, page } = params;
	return withData(scope, async (data) => {
		const actor = await addressedActor(data, params.sender, params.onAlias);
		if (!actor) error(404, m.quality_error_sender({ value: JSON.stringify(params.sender) }));
		const sender = actor.code;

		if (field !== null) {
			const fields = await data.cachedRows('quality_optional_fields', { kind });
			if (!fields.some((f) => f.field === field)) {
				error(
					400,
					m.quality_error_field({
						value: JSON.stringify(field),
						expected: fields.map((f) => f.field).join(', ')
					})
				);
			}
		}

		let batch: { id: number; fileName: string } | null = null;
		if (batchId !== null) {
			const b = batchId > MAX_INTEGER ? null : await data.row('batch_get', { batch_id: batchId });
			if (!b) error(404, m.quality_error_no_batch({ id: String(batchId) }));
			batch = { id: batchId, fileName: b.file_name };
		}

		const filter = { as_of: asOf, kind, sender, batch_id: batchId };
		let figures: QualityFigures;
		if (batchId === null) {
			const all = await data.cachedRows('quality_by_sender', {
				as_of: asOf,
				kind,
				late_after_days: null
			});
			figures = all.find((q) => q.sender === sender) ?? noFigures(kind);
		} else {
			const [one] = await data.cachedRows('quality_sender_batches', {
				...filter,
				shared: null,
				late_after_days: null,
				limit: 1,
				offset: 0
			});
			// The batch is one file: the sender's own, or shared with other senders.
			figures = one
				? { ...one, batches: one.shared ? 0 : 1, shared_batches: one.shared ? 1 : 0 }
				: noFigures(kind);
		}

		// The breakdown per field, for the empty view.
		const breakdown = show === 'empty' ? await data.cachedRows('quality_empty_fields', filter) : [];

		const { view, total, pageCount } = await viewPage(data, show, page, filter, field);
		return {
			kind,
			sender: { code: sender, name: actorName(actor, getLocale()) },
			asOf,
			field,
			batch,
			figures,
			breakdown,
			view,
			total,
			page,
			pageCount,
			pageSize: PAGE_SIZE
		};
	});
}

/** Page `page` of the rows of view `show`. */
function viewPage(
	data: Data,
	show: QualityView,
	page: number,
	filter: { as_of: string; kind: QualityKind; sender: string; batch_id: number | null },
	field: string | null
): Promise<{ view: QualityRows; total: number; pageCount: number }> {
	const noPage = (pages: number) =>
		m.quality_error_no_page({ page: String(page), pages: String(pages) });
	const of = <S extends QualityView, L extends PagedQuery>(
		show: S,
		list: L,
		params: Record<string, ParamValue>
	) => pageOfView(data, show, list, params, page, noPage);
	switch (show) {
		case 'batches':
		case 'shared':
			return of(show, 'quality_sender_batches', { ...filter, shared: show === 'shared' });
		case 'stored':
			return of(show, 'quality_stored_rows', {
				...filter,
				only_superseded: null,
				field
			});
		case 'superseded':
			return of(show, 'quality_stored_rows', {
				...filter,
				only_superseded: true,
				field: null
			});
		case 'rejected':
			return of(show, 'quality_rejected_rows', filter);
		case 'empty':
			return of(show, 'quality_empty_rows', { ...filter, field });
		case 'late':
			return of(show, 'quality_late_reports', {
				as_of: filter.as_of,
				programme: null,
				actor: filter.sender,
				batch_id: filter.batch_id,
				late_after_days: null
			});
	}
}
