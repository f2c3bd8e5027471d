// Seeded pseudo-random numbers for the sample generator. Never Math.random: every file the
// generator writes must be byte-identical between runs.

export type Rng = () => number;

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): Rng {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** FNV-1a hash of a string, for deriving stable per-item seeds (e.g. per action and actor). */
export function hashString(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** A PRNG seeded from a base seed and a key, independent of the order items are visited in. */
export function rngFor(seed: number, key: string): Rng {
	return mulberry32((hashString(key) ^ Math.imul(seed, 0x9e3779b1)) >>> 0);
}

/** Integer in [min, max] (inclusive). */
export function intBetween(rng: Rng, min: number, max: number): number {
	return min + Math.floor(rng() * (max - min + 1));
}

/** True with probability p. */
export function chance(rng: Rng, p: number): boolean {
	return rng() < p;
}

/** Weighted choice over a fixed list; build once, pick many times. */
export class WeightedPicker<T> {
	readonly items: readonly T[];
	private readonly cumulative: Float64Array;
	private readonly total: number;

	constructor(entries: ReadonlyArray<readonly [T, number]>) {
		if (entries.length === 0) throw new Error('WeightedPicker needs at least one entry');
		this.items = entries.map(([item]) => item);
		this.cumulative = new Float64Array(entries.length);
		let sum = 0;
		entries.forEach(([, weight], i) => {
			if (!(weight >= 0)) throw new Error(`negative or invalid weight ${weight}`);
			sum += weight;
			this.cumulative[i] = sum;
		});
		this.total = sum;
	}

	/** Index of the chosen item, given a uniform number in [0, 1). */
	indexFor(u: number): number {
		const target = u * this.total;
		const c = this.cumulative;
		const n = c.length;
		for (let i = 0; i < n - 1; i++) if (target < c[i]) return i;
		return n - 1;
	}

	pick(rng: Rng): T {
		return this.items[this.indexFor(rng())];
	}

	/** Share of the total weight held by item i. */
	share(i: number): number {
		return (this.cumulative[i] - (i > 0 ? this.cumulative[i - 1] : 0)) / this.total;
	}
}

/**
 * A bijection on 24-bit integers (odd multiplier and xor-shifts modulo 2^24), used to turn a
 * subject index into a pseudonym like "P-7F3A21": distinct indices below 2^24 give distinct
 * pseudonyms, and neighbouring indices look unrelated.
 */
export function permute24(x: number): number {
	const mask = 0xffffff;
	let v = x & mask;
	v = Math.imul(v, 0x9e3779) & mask; // odd multiplier: invertible modulo 2^24
	v ^= v >>> 11;
	v = Math.imul(v, 0x2c1b3d) & mask; // odd
	v ^= v >>> 13;
	v = (v + 0x5a17c3) & mask;
	return v;
}
