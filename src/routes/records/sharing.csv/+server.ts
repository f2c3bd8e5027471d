// GET /records/sharing.csv?{same parameters as /records/sharing}: every filtered row as CSV.
import { auditedCsvDownload } from '$lib/server/downloads';
import { viewFromUrl } from '$lib/server/records';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, locals }) =>
	auditedCsvDownload(locals, viewFromUrl('sharing', url));
