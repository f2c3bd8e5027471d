// Compare two url-snapshot.js directories, ignoring what differs between any two builds
// (script nonces, the build id, hashed asset names).
//
//   node scripts/dev/url-compare.js OLD_DIR NEW_DIR [--show N]
//
// Prints the URLs whose answers differ (and, with --show, the first N differing lines of each).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [oldDir, newDir, ...rest] = process.argv.slice(2);
const show = rest.includes('--show') ? Number(rest[rest.indexOf('--show') + 1]) : 0;
const normalise = (text) =>
	text
		.replace(/nonce="[^"]*"/g, 'nonce=""')
		.replace(/__sveltekit_[a-z0-9]+/g, '__sveltekit_')
		.replace(/(_app\/immutable\/[^"']*?)\.[A-Za-z0-9_-]{8}\.(js|css)/g, '$1.$2')
		.replace(/(_app\/immutable\/assets\/[^"']*?)\.[A-Za-z0-9_-]{8}\.(js|css)/g, '$1.$2');
let compared = 0;
const differing = [];
for (const name of readdirSync(newDir)) {
	const before = join(oldDir, name);
	if (!existsSync(before)) continue;
	compared++;
	const a = normalise(readFileSync(before, 'utf8'));
	const b = normalise(readFileSync(join(newDir, name), 'utf8'));
	if (a !== b) differing.push([name, a, b]);
}
for (const [name, a, b] of differing) {
	console.log(`${name} ${b.split('\n')[0]}`);
	if (show > 0) {
		const al = a.replace(/></g, '>\n<').split('\n');
		const bl = b.replace(/></g, '>\n<').split('\n');
		let shown = 0;
		for (let i = 0; i < Math.max(al.length, bl.length) && shown < show; i++) {
			if (al[i] !== bl[i]) {
				console.log(`  - ${(al[i] ?? '').slice(0, 200)}\n  + ${(bl[i] ?? '').slice(0, 200)}`);
				shown++;
			}
		}
	}
}
console.log(`url-compare: ${compared} answers compared, ${differing.length} differ`);
