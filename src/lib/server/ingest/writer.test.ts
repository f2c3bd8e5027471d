// The writer queue: one write at a time per database file, in arrival order, with places.
import { describe, expect, it } from 'vitest';
import { queuePlace, queueStatus, runWrite } from './writer.ts';

/** A promise and its resolve, to let a write finish when the test says so. */
function gate() {
	let open!: () => void;
	const promise = new Promise<void>((resolve) => (open = resolve));
	return { promise, open };
}

/** Let queued promise callbacks run. */
const settle = () => new Promise((r) => setImmediate(r));

describe('runWrite', () => {
	it('runs writes one at a time in arrival order and reports each place', async () => {
		const db = '/tmp/writer-test-order.duckdb';
		const log: string[] = [];
		const gates = [gate(), gate(), gate()];
		const writes = ['a.csv', 'b.csv', 'c.csv'].map((file, i) =>
			runWrite(db, { file, kind: 'sharing', by: 'test', ticket: `t${i}` }, async () => {
				log.push(`start ${file}`);
				await gates[i].promise;
				log.push(`end ${file}`);
				return file.toUpperCase();
			})
		);
		await settle();
		expect(log).toEqual(['start a.csv']);
		expect(queueStatus(db)).toEqual([
			{ file: 'a.csv', kind: 'sharing', by: 'test', state: 'running', ahead: 0 },
			{ file: 'b.csv', kind: 'sharing', by: 'test', state: 'waiting', ahead: 1 },
			{ file: 'c.csv', kind: 'sharing', by: 'test', state: 'waiting', ahead: 2 }
		]);
		expect(queuePlace(db, 't0')).toEqual({ state: 'running' });
		expect(queuePlace(db, 't2')).toEqual({ state: 'waiting', ahead: 2 });
		expect(queuePlace(db, 'nobody')).toEqual({ state: 'unknown' });

		// Finishing out of order changes nothing: c waits for b.
		gates[2].open();
		gates[0].open();
		await settle();
		expect(log).toEqual(['start a.csv', 'end a.csv', 'start b.csv']);
		expect(queuePlace(db, 't2')).toEqual({ state: 'waiting', ahead: 1 });
		gates[1].open();
		expect(await Promise.all(writes)).toEqual(['A.CSV', 'B.CSV', 'C.CSV']);
		expect(log).toEqual([
			'start a.csv',
			'end a.csv',
			'start b.csv',
			'end b.csv',
			'start c.csv',
			'end c.csv'
		]);
		expect(queueStatus(db)).toEqual([]);
	});

	it('a write that fails passes its error on and does not stop the queue', async () => {
		const db = '/tmp/writer-test-fail.duckdb';
		const first = gate();
		const failing = runWrite(db, { file: 'bad.csv', kind: 'sharing', by: 'test' }, async () => {
			await first.promise;
			throw new Error('disk full');
		});
		const next = runWrite(db, { file: 'good.csv', kind: 'sharing', by: 'test' }, () =>
			Promise.resolve(42)
		);
		first.open();
		await expect(failing).rejects.toThrow('disk full');
		expect(await next).toBe(42);
		expect(queueStatus(db)).toEqual([]);
	});

	it('writes to different database files do not wait for each other', async () => {
		const held = gate();
		const slow = runWrite('/tmp/writer-test-one.duckdb', { file: 'a', kind: 'k', by: 't' }, () =>
			held.promise.then(() => 'one')
		);
		const other = await runWrite(
			'/tmp/writer-test-two.duckdb',
			{ file: 'b', kind: 'k', by: 't' },
			() => Promise.resolve('two')
		);
		expect(other).toBe('two');
		held.open();
		expect(await slow).toBe('one');
	});
});
