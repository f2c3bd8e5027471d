// Random secrets (session and API tokens, generated passwords) and the SHA-256 under which a
// token is stored: the database never holds a token itself (the Lucia guide's scheme).
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { randomBytes } from 'node:crypto';

/** `bytes` random bytes as lower-case base32 (20 bytes: 32 characters, 160 bits). */
export function randomSecret(bytes = 20): string {
	return encodeBase32LowerCaseNoPadding(randomBytes(bytes));
}

/** SHA-256 of a token, as lower-case hex: what the database keeps. */
export function hashSecret(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
