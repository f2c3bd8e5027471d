// /admin/users (admin only, $lib/access): the users with their role, member states, sessions and
// tokens; add a user, disable or enable one, reset a password, create and revoke API tokens. The
// same as `npx cosi user ...`; every change is in the audit trail.
import { fail } from '@sveltejs/kit';
import { roles } from '$lib/access';
import { userErrorMessage } from '$lib/server/auth/messages';
import { createToken, listTokens, revokeToken } from '$lib/server/auth/tokens';
import { withAccounts } from '$lib/server/accounts';
import { addUser, listUsers, resetPassword, setDisabled, UserError } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';
import { formValue } from '$lib/form';

export const load: PageServerLoad = async () =>
	withAccounts(async (con) => ({
		users: await listUsers(con),
		tokens: await listTokens(con, null),
		roles: [...roles]
	}));

function refused(e: unknown, values: Record<string, string> = {}) {
	if (e instanceof UserError) {
		return fail(400, { message: userErrorMessage(e.code), code: e.code, values });
	}
	throw e;
}

async function field(request: Request, name: string): Promise<string> {
	return (formValue(await request.formData(), name) ?? '').trim();
}

export const actions: Actions = {
	add: async ({ request, locals }) => {
		const data = await request.formData();
		const values = {
			username: (formValue(data, 'username') ?? '').trim(),
			role: formValue(data, 'role') ?? '',
			memberStates: (formValue(data, 'memberStates') ?? '').trim()
		};
		try {
			const { user, password } = await withAccounts((con) =>
				addUser(
					con,
					{
						username: values.username,
						role: values.role,
						memberStates: values.memberStates.split(/[\s,;]+/).filter(Boolean)
					},
					locals.user!.username
				)
			);
			return { done: 'added', username: user.username, secret: password, tokenId: null };
		} catch (e) {
			return refused(e, values);
		}
	},
	disable: async ({ request, locals }) => {
		const username = await field(request, 'username');
		try {
			await withAccounts((con) => setDisabled(con, username, true, locals.user!.username));
			return { done: 'disabled', username, secret: null, tokenId: null };
		} catch (e) {
			return refused(e);
		}
	},
	enable: async ({ request, locals }) => {
		const username = await field(request, 'username');
		try {
			await withAccounts((con) => setDisabled(con, username, false, locals.user!.username));
			return { done: 'enabled', username, secret: null, tokenId: null };
		} catch (e) {
			return refused(e);
		}
	},
	reset: async ({ request, locals }) => {
		const username = await field(request, 'username');
		try {
			const password = await withAccounts((con) =>
				resetPassword(con, username, locals.user!.username)
			);
			return { done: 'reset', username, secret: password, tokenId: null };
		} catch (e) {
			return refused(e);
		}
	},
	token: async ({ request, locals }) => {
		const username = await field(request, 'username');
		try {
			const { tokenId, token } = await withAccounts((con) =>
				createToken(con, username, locals.user!.username)
			);
			return { done: 'token', username, secret: token, tokenId };
		} catch (e) {
			return refused(e);
		}
	},
	revoke: async ({ request, locals }) => {
		const id = await field(request, 'id');
		try {
			await withAccounts((con) => revokeToken(con, id, locals.user!.username));
			return { done: 'revoked', username: null, secret: null, tokenId: id };
		} catch (e) {
			return refused(e);
		}
	}
};
