// GET /records/actions.csv?{same parameters as /records/actions}: every filtered pair as CSV.
import { csvDownload } from '$lib/server/records';
import { urlView } from '$lib/server/url';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, locals }) =>
	csvDownload(locals.scope, urlView('actions', url));
