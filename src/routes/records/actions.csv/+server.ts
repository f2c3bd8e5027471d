// GET /records/actions.csv?{same parameters as /records/actions}: every filtered pair as CSV.
import { auditedCsvDownload } from '$lib/server/downloads';
import { viewFromUrl } from '$lib/server/records';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, locals }) =>
	auditedCsvDownload(locals, viewFromUrl('actions', url));
