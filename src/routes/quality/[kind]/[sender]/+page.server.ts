// The rows behind the data-quality figures of one sender (member state or actor) and kind, as of
// D (?asOf=, default today): the figures themselves (quality_by_sender, or with ?batch= those of
// the sender's rows in that batch), and one view of their rows (?show=), 50 to a page (?page=):
// batches, stored, superseded, rejected, empty (the per-field breakdown with every empty cell, or
// with ?field= the rows where that field is empty) and, for actions, late. With show=stored,
// ?field= gives the rows where that field applies. Each view's total is the figure it explains.
//
// Figures and the breakdown are cached per data version; the pages of rows are not.
import { error, redirect } from '@sveltejs/kit';
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
import { cachedQuery, dataVersion } from '$lib/server/cache';
import type { ActorRow } from '$lib/server/dashboard';
import { todayIso } from '$lib/server/metrics';
import { MAX_INTEGER, PAGE_SIZE, pageOfRows } from '$lib/server/paging';
import { isRealDate, runQuery, type ParamValue } from '$lib/server/queries';
import { withConnection } from '$lib/server/store';
import type { PageServerLoad } from './$types';

type Rows =
	| { show: 'batches'; rows: QualityBatchRow[] }
	| { show: 'stored' | 'superseded'; rows: QualityStoredRow[] }
	| { show: 'rejected'; rows: QualityRejectedRow[] }
	| { show: 'empty'; rows: QualityEmptyRow[] }
	| { show: 'late'; rows: QualityLateRow[] };

function param(url: URL, key: string): string | null {
	const v = url.searchParams.get(key);
	return v === null || v.trim() === '' ? null : v.trim();
}

function asOfParam(url: URL): string {
	const v = param(url, 'asOf');
	if (v === null) return todayIso();
	if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !isRealDate(v)) {
		error(400, m.quality_error_date({ value: JSON.stringify(v) }));
	}
	return v;
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

/** All zeros: a sender with nothing of this kind (or nothing in this batch). */
function noFigures(kind: QualityKind): QualityFigures {
	return {
		batches: 0,
		rows_stored: 0,
		rows_rejected: 0,
		rejected_pct: null,
		rows_superseded: 0,
		optional_cells: 0,
		optional_empty: 0,
		empty_pct: null,
		late_reports: kind === 'actions' ? 0 : null,
		late_pct: null
	};
}

export const load: PageServerLoad = async ({ params, url }) => {
	const kind = params.kind;
	if (!isQualityKind(kind)) error(404, m.quality_error_kind({ value: JSON.stringify(kind) }));
	const asOf = asOfParam(url);
	const show = showParam(url, kind);
	const field = param(url, 'field');
	if (field !== null && show !== 'empty' && show !== 'stored') {
		error(400, m.quality_error_field_show());
	}
	const batchId = numberParam(url, 'batch', (value) => m.quality_error_batch({ value }));
	const page = numberParam(url, 'page', (value) => m.quality_error_page({ value })) ?? 1;

	return withConnection(async (con) => {
		const version = await dataVersion(con);
		const [actor] = await cachedQuery<ActorRow>(con, version, 'actor_get', {
			code: params.sender
		});
		if (!actor) error(404, m.quality_error_sender({ value: JSON.stringify(params.sender) }));
		// An alias (GR) or lower case (nl) leads to the canonical address.
		if (actor.code !== params.sender) {
			const parent = url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1);
			redirect(308, `${parent}${encodeURIComponent(actor.code)}${url.search}`);
		}
		const sender = actor.code;

		if (field !== null) {
			const fields = await cachedQuery<{ field: string }>(con, version, 'quality_optional_fields', {
				kind
			});
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
			const [b] =
				batchId > MAX_INTEGER
					? []
					: await runQuery<{ file_name: string }>(con, 'batch_get', { batch_id: batchId });
			if (!b) error(404, m.quality_error_no_batch({ id: String(batchId) }));
			batch = { id: batchId, fileName: b.file_name };
		}

		const scope = { as_of: asOf, kind, sender, batch_id: batchId };
		let figures: QualityFigures;
		if (batchId === null) {
			const all = await cachedQuery<QualityFigures & { sender: string }>(
				con,
				version,
				'quality_by_sender',
				{ as_of: asOf, kind, late_after_days: null }
			);
			figures = all.find((q) => q.sender === sender) ?? noFigures(kind);
		} else {
			const [one] = await cachedQuery<QualityBatchRow>(con, version, 'quality_sender_batches', {
				...scope,
				late_after_days: null,
				limit: 1,
				offset: 0
			});
			figures = one ? { ...one, batches: 1 } : noFigures(kind);
		}

		// The breakdown per field, for the empty view.
		const breakdown =
			show === 'empty'
				? await cachedQuery<QualityFieldRow>(con, version, 'quality_empty_fields', scope)
				: [];

		const lateScope = {
			as_of: asOf,
			programme: null,
			actor: sender,
			batch_id: batchId,
			late_after_days: null
		};
		const [list, filter]: [string, Record<string, ParamValue>] = (() => {
			switch (show) {
				case 'batches':
					return ['quality_sender_batches', scope];
				case 'stored':
					return ['quality_stored_rows', { ...scope, only_superseded: null, field }];
				case 'superseded':
					return ['quality_stored_rows', { ...scope, only_superseded: true, field: null }];
				case 'rejected':
					return ['quality_rejected_rows', scope];
				case 'empty':
					return ['quality_empty_rows', { ...scope, field }];
				case 'late':
					return ['quality_late_reports', lateScope];
			}
		})();
		const { rows, total, pageCount } = await pageOfRows(con, list, filter, page, (pages) =>
			m.quality_error_no_page({ page: String(page), pages: String(pages) })
		);

		return {
			kind,
			sender: {
				code: sender,
				name: getLocale() === 'nl' ? actor.name_nl : actor.name_en
			},
			asOf,
			field,
			batch,
			figures,
			breakdown,
			view: { show, rows } as unknown as Rows,
			total,
			page,
			pageCount,
			pageSize: PAGE_SIZE
		};
	});
};
