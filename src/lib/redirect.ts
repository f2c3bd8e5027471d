// Redirect targets taken from the address (`/lang?back=`, later sign-in's `redirectTo`): only
// paths on this site, never an open redirect.
//
// A browser resolves a Location against the current address after its own clean-up: it drops
// tabs and newlines anywhere, and treats `\` as `/`. So `/\evil.example`, `/%09/evil.example`
// (tab) and `//evil.example` all lead off-site. The rule is checked on the fully decoded text:
// a single `/` followed by a character that is neither `/` nor `\`, and no control characters
// at all; anything else, or anything that cannot be decoded, gives the home page.

/** Percent-decoding rounds tried before a value is given up on (`%2525...` nesting). */
const maxDecodeRounds = 5;

/** `raw` decoded until nothing changes, or null when it is malformed or nested too deep. */
function fullyDecoded(raw: string): string | null {
	let text = raw;
	for (let round = 0; round < maxDecodeRounds; round++) {
		let next: string;
		try {
			next = decodeURIComponent(text);
		} catch {
			return null;
		}
		if (next === text) return text;
		text = next;
	}
	return null;
}

/**
 * `raw` when it is a path on this site, else `/`. `raw` is the parameter as read from the URL
 * (URLSearchParams has decoded it once); it is returned unchanged when it passes, so a path
 * with its own escapes or query string survives as it was.
 */
export function safeRedirectPath(raw: string | null | undefined): string {
	if (!raw) return '/';
	const decoded = fullyDecoded(raw);
	if (decoded === null) return '/';
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f]/.test(decoded)) return '/';
	if (decoded[0] !== '/') return '/';
	if (decoded.length > 1 && (decoded[1] === '/' || decoded[1] === '\\')) return '/';
	// The undecoded form must pass too: it is what the browser receives.
	if (raw[0] !== '/' || raw[1] === '/' || raw[1] === '\\') return '/';
	return raw;
}
