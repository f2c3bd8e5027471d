// /records/retention: the retention records behind any compliance figure, 50 a page.
import { loadRecords } from '$lib/records/load.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) =>
	loadRecords(locals.scope, 'retention', url, (options) => ({
		states: options.states,
		registers: options.registers,
		legalBases: options.legalBases
	}));
