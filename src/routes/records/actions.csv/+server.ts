// GET /records/actions.csv?{same parameters as /records/actions}: every filtered pair as CSV.
import { csvDownload, viewFromUrl } from '$lib/server/records';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, locals }) =>
	csvDownload(locals.scope, viewFromUrl('actions', url));
