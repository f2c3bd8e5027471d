// Failed sign-ins, per account name and per client address, with a growing delay: after a few
// free failures each further one refuses the next attempt until a time that doubles with every
// failure (at most 15 minutes). A refused attempt is not checked at all, so guessing gains
// nothing while it lasts. The name is the one typed, whether or not such an account exists, so
// the delay reveals nothing about which accounts exist.
//
// Kept in the server's memory, not in the database (decided for issue 9): a restart forgets the
// counts, which costs an attacker a restart they cannot cause; every failure is in the audit
// trail anyway; and a table written on every failed attempt would let anyone fill the disk. The
// number of keys is bounded (oldest dropped first).
//
// Time comes from the caller (the injectable clock): nothing here sleeps.

export interface LimitPolicy {
	/** Failures allowed before any delay. */
	free: number;
	/** The first delay, doubled with every further failure. */
	firstDelayMs: number;
	maxDelayMs: number;
	/** A key with no failure for this long starts again from zero. */
	forgetAfterMs: number;
}

export const accountPolicy: LimitPolicy = {
	free: 3,
	firstDelayMs: 1000,
	maxDelayMs: 15 * 60_000,
	forgetAfterMs: 24 * 3600_000
};

/** An office behind one address has many users: more free failures. */
export const addressPolicy: LimitPolicy = {
	free: 20,
	firstDelayMs: 1000,
	maxDelayMs: 15 * 60_000,
	forgetAfterMs: 3600_000
};

interface Entry {
	failures: number;
	lastFailure: number;
	lockedUntil: number;
}

export class FailureLimiter {
	readonly #entries = new Map<string, Entry>();

	constructor(
		readonly policy: LimitPolicy,
		readonly maxKeys = 10_000
	) {}

	#entry(key: string, now: number): Entry | undefined {
		const e = this.#entries.get(key);
		if (e && now - e.lastFailure >= this.policy.forgetAfterMs) {
			this.#entries.delete(key);
			return undefined;
		}
		return e;
	}

	/** Until when `key` is refused (ms since the epoch), or null when it may try now. */
	lockedUntil(key: string, now: number): number | null {
		const e = this.#entry(key, now);
		return e && e.lockedUntil > now ? e.lockedUntil : null;
	}

	/** Count a failure of `key` at `now`; returns until when it is refused (null: not). */
	fail(key: string, now: number): number | null {
		const e = this.#entry(key, now) ?? { failures: 0, lastFailure: now, lockedUntil: 0 };
		e.failures += 1;
		e.lastFailure = now;
		const over = e.failures - this.policy.free;
		if (over > 0) {
			const delay = Math.min(
				this.policy.maxDelayMs,
				this.policy.firstDelayMs * 2 ** Math.min(over - 1, 30)
			);
			e.lockedUntil = now + delay;
		}
		// Re-inserted last: the map's order is the order of last failure, oldest first.
		this.#entries.delete(key);
		this.#entries.set(key, e);
		while (this.#entries.size > this.maxKeys) {
			this.#entries.delete(this.#entries.keys().next().value as string);
		}
		return e.lockedUntil > now ? e.lockedUntil : null;
	}

	/** Forget `key` (a successful sign-in of the account). */
	clear(key: string): void {
		this.#entries.delete(key);
	}

	/** Forget everything (tests). */
	reset(): void {
		this.#entries.clear();
	}
}

/** The sign-in limits of this process: one per account name, one per client address. */
export const signInLimits = {
	account: new FailureLimiter(accountPolicy),
	address: new FailureLimiter(addressPolicy)
};

/** Until when a sign-in for `username` from `address` is refused, or null when it may be tried. */
export function signInLockedUntil(username: string, address: string, now: Date): Date | null {
	const t = now.getTime();
	const until = Math.max(
		signInLimits.account.lockedUntil(username, t) ?? 0,
		signInLimits.address.lockedUntil(address, t) ?? 0
	);
	return until > t ? new Date(until) : null;
}

/** Count a failed sign-in; returns until when the next one is refused, or null. */
export function signInFailed(username: string, address: string, now: Date): Date | null {
	const t = now.getTime();
	const until = Math.max(
		signInLimits.account.fail(username, t) ?? 0,
		signInLimits.address.fail(address, t) ?? 0
	);
	return until > t ? new Date(until) : null;
}

/** A successful sign-in clears the account's count (not the address's: see above). */
export function signInSucceeded(username: string): void {
	signInLimits.account.clear(username);
}
