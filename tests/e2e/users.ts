// The users of the browser tests, one per role (added by tests/e2e/serve.js with the CLI), and
// signing in the way a person does: the /login form.
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const roles = ['admin', 'reviewer', 'supervisor', 'ministry'] as const;
export type RoleKey = (typeof roles)[number];

export interface Credentials {
	username: string;
	password: string;
	role: RoleKey;
	memberStates: string[];
}

const artifacts = join('tests', 'e2e', '.artifacts');

/** Written by serve.js when the server starts (mode 0600). */
export function credentials(): Record<RoleKey, Credentials> {
	return JSON.parse(readFileSync(join(artifacts, 'users.json'), 'utf8')) as Record<
		RoleKey,
		Credentials
	>;
}

/** The signed-in browser state of a role, saved by auth.setup.ts. */
export function statePath(role: RoleKey): string {
	return join(artifacts, 'state', `${role}.json`);
}

/** Sign in with the form; ends on the page `redirectTo` leads to. */
export async function signIn(
	page: Page,
	username: string,
	password: string,
	redirectTo?: string
): Promise<void> {
	await page.goto(redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : '/login');
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}
