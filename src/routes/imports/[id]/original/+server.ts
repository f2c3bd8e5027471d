// GET /imports/[id]/original: the batch's file exactly as imported, checked against its SHA-256
// ($lib/server/imports, originalDownload).
import { originalDownload } from '$lib/server/imports';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url, locals }) =>
	originalDownload(locals.scope, params.id, url);
