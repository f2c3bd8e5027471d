// The CSV downloads of record-level rows (/records/*.csv), each recorded in the audit trail first:
// who, which file and filter, and the member states concerned.
import { viewParams, type RecordsView } from '$lib/records/params';
import { auditRecordAccess } from './audit.ts';
import { csvDownload } from './records.ts';
import { withConnection } from './store.ts';

export async function auditedCsvDownload(locals: App.Locals, view: RecordsView): Promise<Response> {
	const user = locals.user;
	if (user) {
		// The member state the filter names, else every state the reader's scope lets them read.
		const named = view.set === 'actions' ? view.actor : view.filters.ms;
		const scope = view.set === 'actions' ? locals.scope.figures : locals.scope.records;
		await withConnection((con) =>
			auditRecordAccess(
				con,
				{ username: user.username, apiToken: locals.apiToken },
				{
					action: 'csv_download',
					route: `/records/${view.set}.csv`,
					filter: viewParams(view),
					memberStates: named ? [named] : scope === null ? null : [...scope]
				}
			)
		);
	}
	return csvDownload(view);
}
