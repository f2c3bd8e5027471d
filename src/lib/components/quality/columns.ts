// The column headers of the data-quality figures (FigureCells.svelte), one per view.
import { m } from '$lib/paraglide/messages';
import type { QualityView } from '$lib/quality';
import type { TableColumn } from '$lib/components/dashboard/table';

/** The header of the column of one figure. */
export function figureHeader(view: QualityView): string {
	switch (view) {
		case 'batches':
			return m.dash_col_batches();
		case 'shared':
			return m.dash_col_batches_shared();
		case 'stored':
			return m.dash_col_rows_stored();
		case 'rejected':
			return m.dash_col_rows_rejected();
		case 'superseded':
			return m.dash_col_rows_superseded();
		case 'empty':
			return m.dash_col_empty();
		case 'late':
			return m.dash_col_late();
	}
}

/** The columns of the figures of `views` (TableRegion), in that order. */
export function figureColumns(views: readonly QualityView[]): TableColumn[] {
	return views.map((view) => ({ label: figureHeader(view), num: true }));
}
