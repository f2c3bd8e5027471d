// Report jobs (jobs.ts): progress as the work reports it, the file when done, a failure with its
// status, owner scoping (another user's job is not found), the caps, and expiry on the injected
// clock.
import { describe, expect, it } from 'vitest';
import { JobFailure, JobLimitError, ReportJobs, type JobFile, type JobProgress } from './jobs.ts';

const file: JobFile = {
	bytes: new Uint8Array([1, 2, 3]),
	fileName: 'r.pdf',
	contentType: 'application/pdf',
	fingerprint: 'f'
};

/** Work the test moves step by step. */
function controlled() {
	let progress: JobProgress | null = null;
	let finish: (f: JobFile) => void = () => undefined;
	let ready: () => void = () => undefined;
	const started = new Promise<void>((r) => (ready = r));
	return {
		work: (p: JobProgress) => {
			progress = p;
			ready();
			return new Promise<JobFile>((resolve) => (finish = resolve));
		},
		started,
		progress: () => progress!,
		finish: (f: JobFile) => finish(f)
	};
}

const settle = () => new Promise((r) => setImmediate(r));

describe('report jobs', () => {
	it('shows its progress, then the file; only to its owner', async () => {
		let t = Date.parse('2026-01-01T00:00:00Z');
		const jobs = new ReportJobs({ clock: () => new Date(t), ttlMs: 60_000 });
		const c = controlled();
		const job = jobs.start('alice', 'cosi-progress', 'pdf', c.work);
		expect(job).toMatchObject({ state: 'queued', report: 'cosi-progress', format: 'pdf' });
		expect(job.id).toMatch(/^[0-9a-f]{32}$/);
		await c.started;
		c.progress().reading(3, 7);
		expect(jobs.status('alice', job.id)).toMatchObject({ state: 'reading', step: 3, steps: 7 });
		expect(jobs.status('bob', job.id)).toBeNull();
		expect(jobs.file('bob', job.id)).toBeNull();
		expect(jobs.file('alice', job.id)?.file).toBeNull();
		c.progress().rendering();
		expect(jobs.status('alice', job.id)?.state).toBe('rendering');
		c.finish(file);
		await settle();
		expect(jobs.status('alice', job.id)).toMatchObject({
			state: 'done',
			fileName: 'r.pdf',
			bytes: 3,
			expiresAt: '2026-01-01T00:01:00.000Z'
		});
		expect(jobs.file('alice', job.id)?.file).toBe(file);
		expect(jobs.list('alice', 'cosi-progress').map((j) => j.id)).toEqual([job.id]);
		expect(jobs.list('bob', 'cosi-progress')).toEqual([]);
		// Expired: gone, and its file with it.
		t += 59_999;
		expect(jobs.status('alice', job.id)).not.toBeNull();
		t += 1;
		expect(jobs.status('alice', job.id)).toBeNull();
		expect(jobs.size).toBe(0);
	});

	it('a failure keeps its status and message; an unexpected error says no more than that', async () => {
		const jobs = new ReportJobs({ clock: () => new Date(0) });
		const a = jobs.start('alice', 'r', 'docx', () =>
			Promise.reject(new JobFailure(403, 'member state FR is outside your scope'))
		);
		const errors: unknown[] = [];
		const original = console.error;
		console.error = (...args: unknown[]) => errors.push(args);
		try {
			const b = jobs.start('alice', 'r', 'docx', () => Promise.reject(new Error('secret detail')));
			await settle();
			expect(jobs.status('alice', a.id)).toMatchObject({
				state: 'failed',
				error: { status: 403, message: 'member state FR is outside your scope' }
			});
			expect(jobs.status('alice', b.id)).toMatchObject({
				state: 'failed',
				error: { status: 500, message: 'the report could not be prepared' }
			});
			expect(errors).toHaveLength(1);
		} finally {
			console.error = original;
		}
	});

	it('caps: unfinished jobs per user (429), jobs held (finished ones make room, else 503)', async () => {
		const jobs = new ReportJobs({ clock: () => new Date(0), max: 3, perOwner: 2 });
		const never = () => new Promise<JobFile>(() => undefined);
		jobs.start('alice', 'r', 'pdf', never);
		jobs.start('alice', 'r', 'pdf', never);
		expect(() => jobs.start('alice', 'r', 'pdf', never)).toThrow(JobLimitError);
		const done = jobs.start('bob', 'r', 'pdf', () => Promise.resolve(file));
		await settle();
		// Full: the finished job is dropped to make room.
		jobs.start('bob', 'r', 'pdf', never);
		expect(jobs.status('bob', done.id)).toBeNull();
		try {
			jobs.start('carol', 'r', 'pdf', never);
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(JobLimitError);
			expect((e as JobLimitError).status).toBe(503);
		}
	});
});
