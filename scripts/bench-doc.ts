// docs/benchmarks.md holds one section per benchmark ("## Ingest", "## Metrics", "## Web");
// each bench script rewrites its own section and keeps the others.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../src/lib/server/db.ts';

export const benchDocPath = join(repoRoot, 'docs/benchmarks.md');

/** Replace the section that `section` starts with (its "## Heading" line), or append it. */
export function replaceSection(doc: string, section: string): string {
	const heading = section.split('\n', 1)[0].trim();
	const start = doc.split('\n').findIndex((line) => line.trim() === heading);
	if (start < 0) return `${doc.trimEnd()}\n\n${section.trimEnd()}\n`;
	const lines = doc.split('\n');
	const next = lines.findIndex((line, i) => i > start && line.startsWith('## '));
	const before = lines.slice(0, start).join('\n');
	const after = next < 0 ? '' : `\n${lines.slice(next).join('\n')}`;
	return `${before}${before ? '\n' : ''}${section.trimEnd()}\n${after}`;
}

/** Write `section` into docs/benchmarks.md (created if missing). */
export function writeBenchSection(section: string): void {
	const doc = existsSync(benchDocPath) ? readFileSync(benchDocPath, 'utf8') : '# Benchmarks\n';
	writeFileSync(benchDocPath, replaceSection(doc, section));
}
