import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './src/lib/i18n/project.inlang',
			outdir: './src/lib/paraglide',
			// The language is a preference, not part of an address: a bookmarked or shared view
			// opens in the reader's own language.
			strategy: ['cookie', 'preferredLanguage', 'baseLocale']
		}),
		sveltekit()
	],
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node',
		// No test may depend on the machine's time zone: every date is UTC (src/lib/server/clock.ts).
		env: { TZ: 'UTC' },
		// DuckDB files and child processes make these tests I/O bound, not CPU bound.
		testTimeout: 120_000,
		hookTimeout: 120_000,
		pool: 'forks'
	}
});
