// Who is signed in, for every page: the header shows it, and figures whose rows the user may not
// read are shown without their link ($lib/access, mayFollow).
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({ access: locals.user });
