// Sign in once per role through the login form and keep the browser state, so that every spec
// runs signed in (as admin unless it chooses another role: users.ts, statePath).
import { test as setup } from '@playwright/test';
import { credentials, roles, signIn, statePath } from './users.ts';

for (const role of roles) {
	setup(`sign in as ${role}`, async ({ browser }) => {
		const context = await browser.newContext({ storageState: undefined });
		const page = await context.newPage();
		const { username, password } = credentials()[role];
		await signIn(page, username, password);
		await context.storageState({ path: statePath(role) });
		await context.close();
	});
}
