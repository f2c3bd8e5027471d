// GET /reports/[id]/download?format=pdf|docx|xlsx|csv|html&{parameters}: the report as a file.
import { reportDownload } from '$lib/server/reports/page';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url, locals }) =>
	reportDownload(locals.scope, params.id, url);
