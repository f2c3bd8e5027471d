// Argument parsing shared by the commands: every command takes --db and --json.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Bad arguments: printed with the usage, exit code 1. */
export class UsageError extends Error {}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
	args: string[],
	options: T,
	positionals = false
) {
	try {
		return parseArgs({
			args,
			options: { db: { type: 'string' }, json: { type: 'boolean' }, ...options },
			allowPositionals: positionals,
			strict: true
		});
	} catch (e) {
		throw new UsageError((e as Error).message);
	}
}
