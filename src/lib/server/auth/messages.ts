// The web's words for a refused user or token change (UserError.code), in the reader's language.
import { m } from '$lib/paraglide/messages';
import type { UserErrorCode } from '../users.ts';

export function userErrorMessage(code: UserErrorCode): string {
	switch (code) {
		case 'invalid_username':
			return m.auth_error_invalid_username();
		case 'exists':
			return m.auth_error_exists();
		case 'unknown_user':
			return m.auth_error_unknown_user();
		case 'invalid_role':
			return m.auth_error_invalid_role();
		case 'states_required':
			return m.auth_error_states_required();
		case 'states_not_allowed':
			return m.auth_error_states_not_allowed();
		case 'unknown_state':
			return m.auth_error_unknown_state();
		case 'last_admin':
			return m.auth_error_last_admin();
		case 'wrong_password':
			return m.auth_wrong_password();
		case 'unknown_token':
			return m.auth_error_unknown_token();
		case 'too_short':
			return m.auth_password_too_short();
		case 'too_long':
			return m.auth_password_too_long();
		case 'common':
			return m.auth_password_common();
		case 'same_as_username':
			return m.auth_password_same_as_username();
	}
}
