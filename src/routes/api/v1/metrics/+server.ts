// GET /api/v1/metrics?asOf=YYYY-MM-DD&from=YYYY-MM-DD&to=YYYY-MM-DD: the headline metrics, the
// same object as `cosi metrics --json`. asOf defaults to today; from and to are optional.
import { json, type RequestHandler } from '@sveltejs/kit';
import {
	apiNames,
	checkMetricsParams,
	headlineMetrics,
	MetricsParamError,
	type MetricsParams
} from '$lib/server/metrics';
import { withData } from '$lib/server/data';

export const GET: RequestHandler = async ({ url, locals }) => {
	let params: MetricsParams;
	try {
		params = checkMetricsParams(
			{
				asOf: url.searchParams.get('asOf'),
				from: url.searchParams.get('from'),
				to: url.searchParams.get('to')
			},
			apiNames
		);
	} catch (e) {
		if (e instanceof MetricsParamError) return json({ error: e.message }, { status: 400 });
		throw e;
	}
	return json(await withData(locals.scope, (data) => headlineMetrics(data, params)));
};
