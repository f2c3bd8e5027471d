// /audit (admin and supervisor, $lib/access): the audit trail, newest first, 50 to a page,
// filtered by period (UTC days), actor, action and member state. A supervisor sees the entries
// about their member states (and about all states). Each entry says whether the hash chain
// verifies up to it.
import { canonicalState } from '$lib/access';
import { codeParam, dateParam, pageCount, pageParam, PAGE_SIZE, textParam } from '$lib/params';
import { auditChoices, chainStatus, listAudit, type AuditFilter } from '$lib/server/audit';
import { withAccounts } from '$lib/server/accounts';
import { fromUrl } from '$lib/server/url';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const { filter, page } = fromUrl(() => {
		const ms = codeParam(url, 'ms');
		const filter: AuditFilter = {
			from: dateParam(url, 'from'),
			to: dateParam(url, 'to'),
			actor: textParam(url, 'actor'),
			action: textParam(url, 'action'),
			memberState: ms === null ? null : canonicalState(ms),
			scope: locals.scope.records
		};
		return { filter, page: pageParam(url) };
	});
	return withAccounts(async (con, store) => {
		const chain = await chainStatus(con, store.path);
		const { total, entries } = await listAudit(con, filter, {
			limit: PAGE_SIZE,
			offset: (page - 1) * PAGE_SIZE
		});
		return {
			filter,
			page,
			pageSize: PAGE_SIZE,
			pageCount: pageCount(total),
			total,
			entries,
			chain,
			choices: await auditChoices(con)
		};
	});
};
