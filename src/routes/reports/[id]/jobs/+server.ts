// POST /reports/[id]/jobs?format=...&{parameters}: start preparing the report as a file (202, the
// job as JSON); GET: the caller's jobs for this report. See $lib/server/reports/jobs.
import { error, json } from '@sveltejs/kit';
import { reportJobList, startReportJob } from '$lib/server/reports/page';
import type { RequestHandler } from './$types';

function owner(locals: App.Locals): string {
	if (!locals.user) error(401, 'sign in first');
	return locals.user.username;
}

export const POST: RequestHandler = ({ params, url, locals }) => {
	const job = startReportJob(locals.scope, owner(locals), params.id, url);
	return json(job, { status: 202, headers: { location: job.href, 'cache-control': 'no-store' } });
};

export const GET: RequestHandler = ({ params, url, locals }) =>
	json(reportJobList(locals.scope, owner(locals), params.id, url), {
		headers: { 'cache-control': 'no-store' }
	});
