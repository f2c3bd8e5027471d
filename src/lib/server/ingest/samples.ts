// The bundled sample exports (data/samples/, written by `npm run data:generate`) and how each
// is imported. `npm start` loads them into an empty database; the CLI only on `cosi samples`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, type Store } from '../db.ts';
import { ingestFile } from './index.ts';
import type { IngestOptions, IngestResult } from './types.ts';

export const samplesDir = join(repoRoot, 'data/samples');

type SampleImport = { file: string } & Omit<IngestOptions, 'onProgress'>;

export const sampleImports: SampleImport[] = [
	{
		file: 'actions-aiaj-2016-06-30-nl-voortgang.csv',
		kind: 'actions',
		profile: 'nl-voortgang',
		options: { programme: 'AIAJ', peildatum: '2016-06-30' }
	},
	{
		file: 'actions-aiaj-2016-12-31-nl-voortgang.csv',
		kind: 'actions',
		profile: 'nl-voortgang',
		options: { programme: 'AIAJ', peildatum: '2016-12-31' }
	},
	{
		file: 'actions-aiaj-2017-06-30-nl-voortgang.csv',
		kind: 'actions',
		profile: 'nl-voortgang',
		options: { programme: 'AIAJ', peildatum: '2017-06-30' }
	},
	{ file: 'actions-eu-roadmap.csv', kind: 'actions' },
	{ file: 'actions-ct-afg-2021.csv', kind: 'actions' },
	{ file: 'sharing.csv', kind: 'sharing' },
	{ file: 'sharing-nl-excel.csv', kind: 'sharing', profile: 'nl-deellog' },
	{ file: 'sharing.ndjson', kind: 'sharing' },
	{ file: 'retention.csv', kind: 'retention' },
	{ file: 'retention.json', kind: 'retention' }
];

/** Import every sample file that exists; identical content already present is skipped. */
export async function loadSamples(store: Store, dir = samplesDir): Promise<IngestResult[]> {
	const results: IngestResult[] = [];
	for (const { file, ...opts } of sampleImports) {
		const path = join(dir, file);
		if (!existsSync(path)) continue;
		results.push(await ingestFile(store, path, { ...opts, importedBy: 'sample-loader' }));
	}
	return results;
}
