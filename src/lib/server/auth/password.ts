// Passwords: argon2id hashes (@node-rs/argon2, its defaults: 19 MiB, 2 passes, 1 lane, the
// OWASP recommendation), a length rule and a short list of passwords that are long enough but
// far too common. Generated passwords are 24 random base32 characters (120 bits).
import { hash, verify } from '@node-rs/argon2';
import { randomSecret } from './secret.ts';

export const MIN_PASSWORD_LENGTH = 12;
/** Longer input is refused before hashing: argon2 would accept it, but nobody types 1 MB. */
export const MAX_PASSWORD_LENGTH = 1024;

/** Argon2id (`Algorithm.Argon2id`; the enum is a const enum, which isolated modules cannot use). */
const ARGON2ID = 2;

/**
 * Common passwords of 12 characters or more (from public breach-frequency lists): refused
 * whatever their case. Shorter common passwords already fail the length rule.
 */
const commonPasswords = new Set([
	'123456789012',
	'1234567890123',
	'12345678901234',
	'123456789123',
	'111111111111',
	'000000000000',
	'123123123123',
	'abcdefghijkl',
	'abc123abc123',
	'password1234',
	'password12345',
	'password123456',
	'passwordpassword',
	'password123!',
	'password2024',
	'password2025',
	'password2026',
	'passw0rd1234',
	'p@ssw0rd1234',
	'qwertyuiopas',
	'qwertyuiop12',
	'qwertyuiop123',
	'qwerty123456',
	'qwerty12345678',
	'1q2w3e4r5t6y',
	'1qaz2wsx3edc',
	'zaq12wsxcde3',
	'asdfghjkl123',
	'iloveyou1234',
	'letmein12345',
	'welcome12345',
	'welcome123456',
	'administrator',
	'administrator1',
	'admin1234567',
	'adminadmin123',
	'changeme1234',
	'changemenow!',
	'trustno1trustno1',
	'football1234',
	'baseball1234',
	'sunshine1234',
	'princess1234',
	'starwars1234',
	'monkey123456',
	'dragon123456',
	'master123456',
	'superman1234',
	'welkom123456',
	'wachtwoord12',
	'wachtwoord123',
	'wachtwoord1234',
	'geheim123456',
	'cosimonitor1',
	'cosi-monitor',
	'cosimonitor123'
]);

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'same_as_username';

/** Why `password` may not be used (by `username`), or null when it may. */
export function passwordProblem(password: string, username?: string): PasswordProblem | null {
	if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
	if (password.length > MAX_PASSWORD_LENGTH) return 'too_long';
	const lower = password.toLowerCase();
	if (commonPasswords.has(lower)) return 'common';
	// The user's own name inside the password (names of 4 characters or more: "al" is too common a
	// pair of letters to forbid).
	const name = username?.toLowerCase() ?? '';
	if (name && (lower === name || (name.length >= 4 && lower.includes(name)))) {
		return 'same_as_username';
	}
	return null;
}

export function hashPassword(password: string): Promise<string> {
	return hash(password, { algorithm: ARGON2ID });
}

/** Whether `password` matches `passwordHash`; false (never an exception) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	if (password.length > MAX_PASSWORD_LENGTH) return false;
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

let dummyHash: Promise<string> | null = null;

/**
 * Spend the time of one verification without an account, so that a sign-in for a name that does
 * not exist takes as long as one with a wrong password.
 */
export async function verifyNothing(password: string): Promise<false> {
	dummyHash ??= hashPassword(randomSecret());
	await verifyPassword(await dummyHash, password);
	return false;
}

/** A new random password (24 characters), shown once to whoever creates or resets an account. */
export function generatePassword(): string {
	return randomSecret(15);
}
