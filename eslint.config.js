import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	// Rules that use the types (unsafe any, floating promises, ...): every file of the
	// TypeScript project (.svelte-kit/tsconfig.json: src/ and tests/), Svelte components too.
	...ts.configs.recommendedTypeChecked,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node },
			parserOptions: {
				projectService: true,
				tsconfigRootDir: import.meta.dirname,
				extraFileExtensions: ['.svelte']
			}
		},
		rules: { 'no-undef': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// Outside the TypeScript project: the dev and bench scripts, the CLI launcher and the
		// config files are linted without type information.
		files: ['scripts/**', 'bin/**', '*.js', '*.ts'],
		...ts.configs.disableTypeChecked
	},
	{
		// Routes, endpoints and the CLI read the data through the gate ($lib/server/data) and the
		// page modules built on it, never below it: there the member-state scope is bound.
		files: ['src/routes/**', 'src/cli/**'],
		ignores: ['**/*.test.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '(^\\$lib/server/|/lib/server/)(db|queries|cache|store)(\\.ts)?$',
							message:
								'Read the data through $lib/server/data (withData) or a page module: the gate binds the caller’s scope.'
						}
					],
					paths: [
						{
							name: '@duckdb/node-api',
							message: 'Read the data through $lib/server/data (withData) or a page module.'
						}
					]
				}
			]
		}
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'data/',
			'tmp/',
			'test-results/',
			'playwright-report/',
			'tests/e2e/.artifacts/',
			'src/lib/paraglide/',
			'src/lib/i18n/project.inlang/cache/'
		]
	}
);
