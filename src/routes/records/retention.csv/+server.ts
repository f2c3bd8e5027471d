// GET /records/retention.csv?{same parameters as /records/retention}: every filtered row as CSV.
import { csvDownload, viewFromUrl } from '$lib/server/records';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, locals }) =>
	csvDownload(locals.scope, viewFromUrl('retention', url));
