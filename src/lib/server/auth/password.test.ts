// Passwords: the length and common-password rules, argon2id hashes, and generated passwords.
import { describe, expect, it } from 'vitest';
import {
	generatePassword,
	hashPassword,
	passwordProblem,
	verifyNothing,
	verifyPassword
} from './password.ts';

describe('password rules', () => {
	it('needs 12 characters, refuses common passwords whatever their case, and the username', () => {
		expect(passwordProblem('short')).toBe('too_short');
		expect(passwordProblem('elevenchars')).toBe('too_short');
		expect(passwordProblem('Password1234')).toBe('common');
		expect(passwordProblem('QWERTY123456')).toBe('common');
		expect(passwordProblem('wachtwoord123')).toBe('common');
		expect(passwordProblem('x'.repeat(2000))).toBe('too_long');
		expect(passwordProblem('marieke-2026-winter', 'marieke')).toBe('same_as_username');
		// A short name is only refused as the whole password.
		expect(passwordProblem('alphabet soup lunch', 'al')).toBeNull();
		expect(passwordProblem('correct horse battery', 'alice')).toBeNull();
	});

	it('counts characters, not bytes: 12 letters with accents are enough', () => {
		expect(passwordProblem('ééééééééééé')).toBe('too_short');
		expect(passwordProblem('éééééééééééé')).toBeNull();
	});
});

describe('argon2id', () => {
	it('hashes with argon2id and verifies only the right password', async () => {
		const hash = await hashPassword('correct horse battery');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
		expect(await verifyPassword(hash, 'correct horse batterY')).toBe(false);
		expect(await verifyPassword('not a hash', 'anything at all')).toBe(false);
		expect(await verifyNothing('anything at all')).toBe(false);
	});

	it('generates random 24-character passwords that pass the rules', () => {
		const a = generatePassword();
		const b = generatePassword();
		expect(a).toMatch(/^[a-z2-7]{24}$/);
		expect(a).not.toBe(b);
		expect(passwordProblem(a)).toBeNull();
	});
});
