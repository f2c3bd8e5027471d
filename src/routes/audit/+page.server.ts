// /audit (admin and supervisor, $lib/access): the audit trail, newest first, 50 to a page,
// filtered by period (UTC days), actor, action and member state. A supervisor sees the entries
// about their member states (and about all states). Each entry says whether the hash chain
// verifies up to it.
import { error } from '@sveltejs/kit';
import { canonicalState } from '$lib/access';
import { m } from '$lib/paraglide/messages';
import { auditChoices, chainStatus, listAudit, type AuditFilter } from '$lib/server/audit';
import { PAGE_SIZE, pageParam } from '$lib/server/paging';
import { isRealDate } from '$lib/server/queries';
import { withConnection } from '$lib/server/store';
import type { PageServerLoad } from './$types';

function text(url: URL, key: string): string | null {
	const v = url.searchParams.get(key)?.trim();
	return v ? v.slice(0, 200) : null;
}

function day(url: URL, key: string): string | null {
	const v = text(url, key);
	if (v !== null && !(/^\d{4}-\d{2}-\d{2}$/.test(v) && isRealDate(v))) {
		error(400, m.auth_audit_bad_date({ value: JSON.stringify(v) }));
	}
	return v;
}

export const load: PageServerLoad = async ({ url, locals }) => {
	const ms = text(url, 'ms');
	const filter: AuditFilter = {
		from: day(url, 'from'),
		to: day(url, 'to'),
		actor: text(url, 'actor'),
		action: text(url, 'action'),
		memberState: ms === null ? null : canonicalState(ms),
		scope: locals.scope.records
	};
	const page = pageParam(url, (value) => m.auth_audit_bad_page({ value }));
	return withConnection(async (con, store) => {
		const chain = await chainStatus(con, store.path);
		const { total, entries } = await listAudit(con, filter, {
			limit: PAGE_SIZE,
			offset: (page - 1) * PAGE_SIZE
		});
		return {
			filter,
			page,
			pageSize: PAGE_SIZE,
			pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
			total,
			entries,
			chain,
			choices: await auditChoices(con)
		};
	});
};
