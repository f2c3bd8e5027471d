// GET /member-states/[ms]/download.zip?asOf=YYYY-MM-DD: everything about one member state as of
// the date (default today), as a zip of CSV files with a manifest ($lib/server/dossier).
import { dossierZip } from '$lib/server/dossier';
import { knownParams } from '$lib/params';
import { fromUrl, urlAsOf } from '$lib/server/url';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url, locals }) => {
	fromUrl(() => knownParams(url, ['asOf']));
	return dossierZip(locals.scope, params.ms, urlAsOf(url));
};
