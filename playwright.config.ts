// Browser tests: the built app (`npm run build` first) on its own sample database, signed in
// (the `setup` project signs in once per role; every spec runs as admin unless it picks a role).
//
// Uses Playwright's own Chromium when it is installed, else the system's (Debian package
// `chromium`): `npx playwright install` cannot download browsers everywhere.
import { chromium, defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

// E2E_PORT lets two checkouts run their browser tests at once.
const port = Number(process.env.E2E_PORT ?? 4173);
const systemChromium = '/usr/bin/chromium';

function playwrightChromium(): string | null {
	try {
		const path = chromium.executablePath();
		return path && existsSync(path) ? path : null;
	} catch {
		return null;
	}
}

const launchOptions = playwrightChromium()
	? {}
	: {
			executablePath: systemChromium,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		};

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'tests/e2e/.artifacts/results',
	fullyParallel: false,
	workers: 2,
	retries: 0,
	forbidOnly: !!process.env.CI,
	timeout: 60_000,
	globalTimeout: 10 * 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list'], ['html', { open: 'never', outputFolder: 'tests/e2e/.artifacts/report' }]],
	use: {
		baseURL: `http://localhost:${port}`,
		screenshot: 'only-on-failure',
		// No traces: the HTML report would copy the trace viewer's scripts into .artifacts/, which
		// `eslint .` (npm run lint) does not ignore.
		trace: 'off'
	},
	projects: [
		{
			name: 'setup',
			testMatch: /auth\.setup\.ts$/,
			use: { ...devices['Desktop Chrome'], launchOptions }
		},
		{
			name: 'chromium',
			dependencies: ['setup'],
			use: {
				...devices['Desktop Chrome'],
				launchOptions,
				storageState: 'tests/e2e/.artifacts/state/admin.json'
			}
		}
	],
	webServer: {
		command: 'node tests/e2e/serve.js',
		url: `http://localhost:${port}/login`,
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'pipe',
		stderr: 'pipe',
		env: { PORT: String(port) }
	}
});
