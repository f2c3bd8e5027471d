// GET /records/sharing.csv?{same parameters as /records/sharing}: every filtered row as CSV.
import { csvDownload, viewFromUrl } from '$lib/server/records';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, locals }) =>
	csvDownload(locals.scope, viewFromUrl('sharing', url));
