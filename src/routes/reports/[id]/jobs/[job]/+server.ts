// GET /reports/[id]/jobs/[job]: the state of one of the caller's report jobs (JSON); 404 for
// another user's job, an unknown or an expired one.
import { error, json } from '@sveltejs/kit';
import { reportJobStatus } from '$lib/server/reports/page';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url, locals }) => {
	if (!locals.user) error(401, 'sign in first');
	return json(reportJobStatus(locals.scope, locals.user.username, params.id, params.job, url), {
		headers: { 'cache-control': 'no-store' }
	});
};
