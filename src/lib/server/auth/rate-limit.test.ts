// Failed sign-ins: a few free failures, then a delay that doubles with every failure, per
// account and per address; time is given, nothing sleeps.
import { afterEach, describe, expect, it } from 'vitest';
import {
	accountPolicy,
	FailureLimiter,
	signInFailed,
	signInLimits,
	signInLockedUntil,
	signInSucceeded
} from './rate-limit.ts';

const t0 = Date.UTC(2026, 0, 1, 9, 0, 0);
const at = (s: number) => new Date(t0 + s * 1000);

afterEach(() => {
	signInLimits.account.reset();
	signInLimits.address.reset();
});

describe('FailureLimiter', () => {
	it('allows the free failures, then refuses for 1, 2, 4, ... seconds, at most 15 minutes', () => {
		const limiter = new FailureLimiter(accountPolicy);
		for (let i = 0; i < 3; i++) expect(limiter.fail('eve', t0)).toBeNull();
		expect(limiter.lockedUntil('eve', t0)).toBeNull();
		expect(limiter.fail('eve', t0)).toBe(t0 + 1000);
		expect(limiter.lockedUntil('eve', t0 + 999)).toBe(t0 + 1000);
		expect(limiter.lockedUntil('eve', t0 + 1000)).toBeNull();
		expect(limiter.fail('eve', t0 + 1000)).toBe(t0 + 1000 + 2000);
		expect(limiter.fail('eve', t0 + 3000)).toBe(t0 + 3000 + 4000);
		let t = t0 + 7000;
		for (let i = 0; i < 30; i++) t = limiter.fail('eve', t) as number;
		expect(limiter.fail('eve', t)).toBe(t + 15 * 60_000);
	});

	it('forgets a key a day after its last failure, and on clear', () => {
		const limiter = new FailureLimiter(accountPolicy);
		for (let i = 0; i < 5; i++) limiter.fail('eve', t0);
		expect(limiter.lockedUntil('eve', t0)).not.toBeNull();
		const nextDay = t0 + 24 * 3600_000;
		expect(limiter.fail('eve', nextDay)).toBeNull();
		limiter.clear('eve');
		for (let i = 0; i < 3; i++) expect(limiter.fail('eve', nextDay)).toBeNull();
	});

	it('keeps at most maxKeys keys, dropping the oldest', () => {
		const limiter = new FailureLimiter(accountPolicy, 2);
		for (const key of ['a', 'b', 'c']) for (let i = 0; i < 4; i++) limiter.fail(key, t0);
		expect(limiter.lockedUntil('a', t0)).toBeNull();
		expect(limiter.lockedUntil('c', t0)).not.toBeNull();
	});
});

describe('sign-in limits', () => {
	it('per account: a success clears it; other accounts are not affected', () => {
		for (let i = 0; i < 3; i++) expect(signInFailed('eve', '10.0.0.1', at(0))).toBeNull();
		expect(signInFailed('eve', '10.0.0.1', at(0))?.getTime()).toBe(at(1).getTime());
		expect(signInLockedUntil('eve', '10.0.0.2', at(0))?.getTime()).toBe(at(1).getTime());
		expect(signInLockedUntil('bob', '10.0.0.1', at(0))).toBeNull();
		signInSucceeded('eve');
		expect(signInLockedUntil('eve', '10.0.0.1', at(0))).toBeNull();
	});

	it('per address: many names from one address are slowed down too', () => {
		for (let i = 0; i < 20; i++) expect(signInFailed(`user${i}`, '10.0.0.9', at(0))).toBeNull();
		expect(signInFailed('user20', '10.0.0.9', at(0))?.getTime()).toBe(at(1).getTime());
		expect(signInLockedUntil('someone-else', '10.0.0.9', at(0))).not.toBeNull();
		expect(signInLockedUntil('someone-else', '10.0.0.8', at(0))).toBeNull();
	});
});
