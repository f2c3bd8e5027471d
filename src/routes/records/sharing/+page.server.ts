// /records/sharing: the sharing decisions behind any withheld-information figure, 50 a page.
import { loadRecords } from '$lib/records/load.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) =>
	loadRecords(locals.scope, 'sharing', url, (options) => ({
		states: options.states,
		channels: options.channels
	}));
