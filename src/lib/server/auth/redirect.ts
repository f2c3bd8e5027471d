// Where to go after signing in: only a path on this site, never another origin.
//
// Accepted: a single "/" followed by anything but "/" or "\" (both as given and after decoding),
// with no control characters (browsers drop tabs and line breaks, so "/\t/evil.example" would
// become "//evil.example"). Anything else gives "/". The import-hardening issue brings a shared
// helper (safeRedirectPath); this one is the same check for sign-in.
function hasControl(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x20 || c === 0x7f) return true;
	}
	return false;
}

function sameSite(path: string): boolean {
	return (
		path.startsWith('/') &&
		path[1] !== '/' &&
		path[1] !== '\\' &&
		!hasControl(path) &&
		new URL(path, 'http://cosi.invalid').origin === 'http://cosi.invalid'
	);
}

export function sameSitePath(raw: string | null | undefined): string {
	if (!raw) return '/';
	let decoded: string;
	try {
		decoded = decodeURIComponent(raw);
	} catch {
		return '/';
	}
	return sameSite(raw) && sameSite(decoded) ? raw : '/';
}
