// The one clock of the server and the command line, in UTC: sessions, rate limits, audit
// entries and "today" all read `now()`, so that no test depends on the wall clock. A figure that
// depends on the day it is computed must say so in its URL (asOf): the only readers of the clock
// are the defaults (the as-of date when none is given, session expiry, import times).
//
// - Unit tests replace it with setClock(() => date) and restore it with resetClock().
// - Browser tests of the built server fix it with COSI_CLOCK=2026-01-01T00:00:00Z and, when the
//   server also runs with COSI_TEST_CLOCK=1, move it forward through the operator channel
//   (channel.ts, `advanceClock`): a Unix socket only the server's own user can open.
// - Neither variable has any effect when NODE_ENV=production: a production server always runs on
//   the real time (a frozen clock would keep every session alive).
//
// Server-only. Imported by the SvelteKit server and by the CLI (through tsx): no $lib imports.

/** Whether COSI_CLOCK and COSI_TEST_CLOCK may be used in this process. */
export function testClockAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
	return env.NODE_ENV !== 'production';
}

/** The fixed start of the clock from COSI_CLOCK, or null for the real time. */
function fixedStart(env: NodeJS.ProcessEnv = process.env): number | null {
	const raw = env.COSI_CLOCK;
	if (!raw || !testClockAllowed(env)) return null;
	const t = Date.parse(raw);
	if (Number.isNaN(t)) {
		throw new Error(
			`invalid COSI_CLOCK: ${JSON.stringify(raw)} (expected an ISO date-time such as 2026-01-01T00:00:00Z)`
		);
	}
	return t;
}

let base: () => number = defaultBase();
/** Milliseconds added to the base: moved only by advanceClock (tests). */
let offset = 0;

function defaultBase(): () => number {
	const start = fixedStart();
	return start === null ? () => Date.now() : () => start;
}

/** The current time. */
export function now(): Date {
	return new Date(base() + offset);
}

/** Today's date in UTC, as YYYY-MM-DD: the default as-of date. */
export function todayIso(at: Date = now()): string {
	return at.toISOString().slice(0, 10);
}

/** Replace the clock (tests): a fixed time, or a function giving the current time. */
export function setClock(at: Date | (() => Date)): void {
	const fixed = at instanceof Date ? at.getTime() : null;
	base = fixed === null ? () => (at as () => Date)().getTime() : () => fixed;
	offset = 0;
}

/** Back to the real clock (or COSI_CLOCK, when set). */
export function resetClock(): void {
	base = defaultBase();
	offset = 0;
}

/** Whether the clock may be moved at run time: COSI_TEST_CLOCK=1 outside production. */
export function clockAdjustable(env: NodeJS.ProcessEnv = process.env): boolean {
	return env.COSI_TEST_CLOCK === '1' && testClockAllowed(env);
}

/**
 * Move the clock forward by `ms` (tests only: refused unless clockAdjustable()). Returns the new
 * time.
 */
export function advanceClock(ms: number): Date {
	if (!clockAdjustable()) {
		throw new Error('the clock can only be moved when COSI_TEST_CLOCK=1 (never in production)');
	}
	if (!Number.isFinite(ms) || ms < 0) throw new Error(`invalid clock step: ${ms}`);
	offset += ms;
	return now();
}

/** A description for the server log when the clock is not the real time, else null. */
export function clockNote(): string | null {
	const start = fixedStart();
	const parts: string[] = [];
	if (start !== null) parts.push(`fixed at ${new Date(start).toISOString()} (COSI_CLOCK)`);
	if (clockAdjustable()) parts.push('movable through the operator channel (COSI_TEST_CLOCK=1)');
	return parts.length ? `clock ${parts.join(', ')}: for tests only` : null;
}
