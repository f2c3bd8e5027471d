// GET /records/retention.csv?{same parameters as /records/retention}: every filtered row as CSV.
import { csvDownload } from '$lib/server/records';
import { urlView } from '$lib/server/url';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, locals }) =>
	csvDownload(locals.scope, urlView('retention', url));
