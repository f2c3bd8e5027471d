// The home page: for now the list of imports (the dashboard comes later).
import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	redirect(307, resolve('/imports'));
};
