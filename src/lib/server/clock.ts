// "Now" and "today" for the whole server and CLI, from one injectable clock, in UTC.
//
// A figure that depends on the day it is computed must say so in its URL (asOf), so the only
// readers of the clock are the defaults: the as-of date when none is given, session expiry,
// import times. Tests set the clock instead of waiting or depending on the day they run;
// COSI_CLOCK (an ISO timestamp) fixes it for a whole process, e.g. a browser-test server.

type Clock = () => Date;

const systemClock: Clock = () => new Date();

function fromEnvironment(): Clock {
	const fixed = process.env.COSI_CLOCK;
	if (!fixed) return systemClock;
	const at = new Date(fixed);
	if (Number.isNaN(at.getTime()))
		throw new Error(`COSI_CLOCK: ${JSON.stringify(fixed)} is not a timestamp (expected ISO 8601)`);
	return () => new Date(at);
}

let clock: Clock = fromEnvironment();

/** The current time. */
export function now(): Date {
	return clock();
}

/** Today's date in UTC, as YYYY-MM-DD: the default as-of date. */
export function todayIso(at: Date = now()): string {
	return at.toISOString().slice(0, 10);
}

/** Replace the clock (tests): a fixed time, or a function giving the time. */
export function setClock(at: Date | Clock): void {
	clock = at instanceof Date ? () => new Date(at) : at;
}

/** Back to the system clock (or COSI_CLOCK). */
export function resetClock(): void {
	clock = fromEnvironment();
}
