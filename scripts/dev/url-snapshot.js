// Record what the running app answers for a crawl of its own links, to compare two versions of
// the code on the same data (a refactoring must not change a byte it does not mean to).
//
//   node scripts/dev/url-snapshot.js BASE_URL OUT_DIR [--max N] [--urls FILE [--only]]
//
// Crawls from a fixed set of seed URLs (and the lines of --urls), in English and Dutch,
// following same-site links, and writes one file per answer (status, content type, body) to
// OUT_DIR, named by the URL. Then `diff -r OLD NEW` shows what changed. Not part of the tests.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const [base, out, ...rest] = process.argv.slice(2);
if (!base || !out) {
	console.error('usage: node scripts/dev/url-snapshot.js BASE_URL OUT_DIR [--max N] [--urls FILE]');
	process.exit(1);
}
const opt = (name, fallback) => {
	const i = rest.indexOf(name);
	return i >= 0 ? rest[i + 1] : fallback;
};
const max = Number(opt('--max', 1500));
// --only: fetch exactly the --urls lines (both languages), follow no link.
const only = rest.includes('--only');
const seeds = only
	? []
	: [
			'/',
			'/?asOf=2025-06-30',
			'/?asOf=2019-12-31&programme=EU-ROADMAP',
			'/?asOf=2024-12-31&from=2024-01-01&to=2024-06-30',
			'/?asOf=2010-01-01',
			'/?asOf=2024-13-01',
			'/programmes',
			'/programmes?asOf=2017-06-30',
			'/imports',
			'/records',
			'/records/sharing?asOf=2025-06-30',
			'/records/retention?asOf=2025-06-30',
			'/records/actions?asOf=2025-06-30',
			'/records/sharing.csv?asOf=2025-06-30&ms=NL',
			'/records/retention.csv?asOf=2025-06-30&ms=FR',
			'/records/actions.csv?asOf=2025-06-30&ms=NL',
			'/api/v1/metrics?asOf=2025-06-30',
			'/api/v1/metrics?asOf=2025-06-30&from=2024-01-01&to=2024-12-31',
			'/api/v1/metrics?asOf=bad',
			'/member-states/NL?asOf=2025-06-30',
			'/member-states/FR?asOf=2025-06-30',
			'/member-states/XX',
			'/records/sharing?decision=maybe'
		];
seeds.push(
	...(opt('--urls') ? readFileSync(opt('--urls'), 'utf8').split('\n').filter(Boolean) : [])
);
mkdirSync(out, { recursive: true });

const seen = new Set();
const queue = [];
for (const lang of ['en', 'nl']) for (const s of seeds) queue.push([lang, s]);
let count = 0;
while (queue.length > 0 && count < max) {
	const [lang, path] = queue.shift();
	const key = `${lang} ${path}`;
	if (seen.has(key)) continue;
	seen.add(key);
	count++;
	const res = await fetch(new URL(path, base), {
		headers: { cookie: `PARAGLIDE_LOCALE=${lang}` },
		redirect: 'manual'
	});
	const type = res.headers.get('content-type') ?? '';
	const body = await res.text();
	const name = `${lang}_${createHash('sha1').update(path).digest('hex').slice(0, 12)}`;
	writeFileSync(
		join(out, name),
		`${path}\n${res.status} ${type} ${res.headers.get('location') ?? ''}\n\n${body}`
	);
	if (only || !type.includes('text/html')) continue;
	for (const m of body.matchAll(/href="(\.?\/[^"#]*)"/g)) {
		const target = new URL(m[1].replaceAll('&amp;', '&'), new URL(path, base));
		const href = target.pathname + target.search;
		if (href.startsWith('/_app') || href.startsWith('/lang')) continue;
		// Deep pages of long lists say little more than their first pages.
		const page = /[?&]page=(\d+)/.exec(href);
		if (page && Number(page[1]) > 3) continue;
		if (!seen.has(`${lang} ${href}`)) queue.push([lang, href]);
	}
}
console.log(`url-snapshot: ${count} answers written to ${out} (${queue.length} left in the queue)`);
