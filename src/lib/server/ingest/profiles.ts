// Mapping profiles: data/profiles/<name>.json translate a sender's columns and values to the
// canonical fields. The format is documented in docs/profiles.md.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../db.ts';
import { kindSpecs } from './fields.ts';
import { kinds, type Kind } from './types.ts';

export const profilesDir = join(repoRoot, 'data/profiles');

export interface DeriveRule {
	pattern: string;
	value: string;
	/** When set, the first capture group is a year; at or after reported_on's year this value applies instead. */
	yearNotBefore?: string;
}

export interface Profile {
	name: string;
	description: string;
	kinds: Kind[];
	/** Sender column header -> canonical field. Canonical names always match themselves. */
	columns: Record<string, string>;
	/** Canonical field -> sender value -> canonical value (case-insensitive). */
	values: Record<string, Record<string, string>>;
	/** Canonical field -> value used when the file has no such column or the cell is empty. */
	defaults: Record<string, string>;
	/** Command-line option name -> canonical field it fills (overrides defaults). */
	options: Record<string, string>;
	derive?: { status?: { from: 'planning'; rules: DeriveRule[] } };
}

export class ProfileError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ProfileError';
	}
}

export function listProfiles(): string[] {
	return readdirSync(profilesDir)
		.filter((f) => f.endsWith('.json'))
		.map((f) => f.slice(0, -5))
		.sort();
}

/** Load and check a profile; the error names the file and what is wrong. */
export function loadProfile(name: string, kind: Kind): Profile {
	if (!/^[a-z0-9][a-z0-9_-]*$/.test(name)) {
		throw new ProfileError(
			`invalid profile name: ${JSON.stringify(name)} (expected lower-case letters, digits, - or _)`
		);
	}
	const path = join(profilesDir, `${name}.json`);
	if (!existsSync(path)) {
		throw new ProfileError(
			`unknown profile: ${JSON.stringify(name)} (expected one of ${listProfiles().join(', ')})`
		);
	}
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(path, 'utf8'));
	} catch (e) {
		throw new ProfileError(`data/profiles/${name}.json is not valid JSON: ${(e as Error).message}`);
	}
	const profile = checkProfile(name, raw);
	if (!profile.kinds.includes(kind)) {
		throw new ProfileError(`profile ${name} is for ${profile.kinds.join(', ')} files, not ${kind}`);
	}
	return profile;
}

function checkProfile(name: string, raw: unknown): Profile {
	const where = `data/profiles/${name}.json`;
	if (!raw || typeof raw !== 'object') throw new ProfileError(`${where}: expected a JSON object`);
	const p = raw as Partial<Profile>;
	const profile: Profile = {
		name,
		description: String(p.description ?? ''),
		kinds: p.kinds ?? [...kinds],
		columns: p.columns ?? {},
		values: p.values ?? {},
		defaults: p.defaults ?? {},
		options: p.options ?? {},
		derive: p.derive
	};
	for (const k of profile.kinds) {
		if (!kinds.includes(k))
			throw new ProfileError(
				`${where}: invalid kind ${JSON.stringify(k)} (expected one of ${kinds.join(', ')})`
			);
	}
	const allFields = new Set(Object.values(kindSpecs).flatMap((s) => s.fields));
	const checkField = (f: string, what: string) => {
		if (!allFields.has(f))
			throw new ProfileError(`${where}: ${what} maps to unknown field ${JSON.stringify(f)}`);
	};
	for (const [header, field] of Object.entries(profile.columns))
		checkField(field, `column ${JSON.stringify(header)}`);
	for (const field of Object.keys(profile.values)) checkField(field, 'values');
	for (const field of Object.keys(profile.defaults)) checkField(field, 'defaults');
	for (const [option, field] of Object.entries(profile.options))
		checkField(field, `option ${JSON.stringify(option)}`);
	for (const rule of profile.derive?.status?.rules ?? []) {
		try {
			new RegExp(rule.pattern);
		} catch {
			throw new ProfileError(`${where}: invalid derive pattern ${JSON.stringify(rule.pattern)}`);
		}
	}
	return profile;
}
