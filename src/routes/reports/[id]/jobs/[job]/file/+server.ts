// GET /reports/[id]/jobs/[job]/file: the file a finished job prepared (409 while it is prepared).
import { error } from '@sveltejs/kit';
import { reportJobFile } from '$lib/server/reports/page';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url, locals }) => {
	if (!locals.user) error(401, 'sign in first');
	return reportJobFile(locals.scope, locals.user.username, params.id, params.job, url);
};
