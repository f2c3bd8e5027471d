import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node',
		// DuckDB files and child processes make these tests I/O bound, not CPU bound.
		testTimeout: 120_000,
		hookTimeout: 120_000,
		pool: 'forks'
	}
});
