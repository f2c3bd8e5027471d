// Report jobs: a download prepared while the reader watches its progress. With JavaScript, the
// report page starts a job (POST /reports/[id]/jobs), polls its state (GET .../jobs/[job]:
// "reading section 3 of 7", "writing the file", done) and then fetches the file
// (GET .../jobs/[job]/file). Without JavaScript the plain download link does the same work in
// one request (/reports/[id]/download).
//
// Kept simple on purpose (docs/reports.md, "Report jobs"):
// - in memory only: a job and its file live in this process; nothing is written to disk, and a
//   restart forgets them (the page then says so and the reader starts again);
// - scoped to the user who asked: another user's job is not found (404), like an unknown one;
// - capped: at most `max` jobs held at once (finished ones are dropped oldest first to make room;
//   when every job is still running a new one is refused, 503) and `perOwner` unfinished jobs per
//   user (429);
// - expiring: a finished job (and its file) is dropped `ttlMs` after it finished, checked on each
//   use against the injected clock (no timers: nothing keeps a process alive).
import { randomBytes } from 'node:crypto';
import type { ReportJob, ReportJobState } from '../../reports.ts';
import { now } from '../clock.ts';

export type JobState = ReportJobState;

export interface JobFile {
	bytes: Uint8Array;
	fileName: string;
	contentType: string;
	fingerprint: string;
}

/** A job as its owner sees it, without its addresses (page.ts adds them). */
export type JobStatus = Omit<ReportJob, 'href' | 'file'>;

/** What a job's work reports while it runs. */
export interface JobProgress {
	reading(step: number, steps: number): void;
	rendering(): void;
}

/** A failure the reader should see as it is (a bad parameter, a state out of scope, no Chromium). */
export class JobFailure extends Error {
	constructor(
		readonly status: number,
		message: string
	) {
		super(message);
		this.name = 'JobFailure';
	}
}

/** A job refused: too many at once (503), or too many of this user's (429). */
export class JobLimitError extends Error {
	constructor(
		readonly status: 429 | 503,
		message: string
	) {
		super(message);
		this.name = 'JobLimitError';
	}
}

export interface JobOptions {
	/** Jobs held at once, running or finished (default 16). */
	max?: number;
	/** Unfinished jobs per user (default 2). */
	perOwner?: number;
	/** How long a finished job and its file are kept (default 10 minutes). */
	ttlMs?: number;
	/** The clock (default: the server's, clock.ts). */
	clock?: () => Date;
}

interface Job {
	id: string;
	owner: string;
	report: string;
	format: string;
	state: JobState;
	step: number;
	steps: number;
	error: { status: number; message: string } | null;
	file: JobFile | null;
	created: number;
	finished: number | null;
}

export class ReportJobs {
	private readonly jobs = new Map<string, Job>();
	private readonly max: number;
	private readonly perOwner: number;
	private readonly ttlMs: number;
	private readonly clock: () => Date;

	constructor(options: JobOptions = {}) {
		this.max = options.max ?? 16;
		this.perOwner = options.perOwner ?? 2;
		this.ttlMs = options.ttlMs ?? 10 * 60_000;
		this.clock = options.clock ?? now;
	}

	/**
	 * Start `work` as a job of `owner`. Returns at once; the work runs on, reporting its progress.
	 * Throws a JobLimitError when there is no room.
	 */
	start(
		owner: string,
		report: string,
		format: string,
		work: (progress: JobProgress) => Promise<JobFile>
	): JobStatus {
		this.sweep();
		const unfinished = (j: Job) => j.finished === null;
		if (
			[...this.jobs.values()].filter((j) => j.owner === owner && unfinished(j)).length >=
			this.perOwner
		)
			throw new JobLimitError(
				429,
				`you have ${this.perOwner} reports being prepared already: wait until one is ready`
			);
		if (this.jobs.size >= this.max) {
			const oldest = [...this.jobs.values()]
				.filter((j) => !unfinished(j))
				.sort((a, b) => a.finished! - b.finished!)[0];
			if (!oldest)
				throw new JobLimitError(
					503,
					`${this.max} reports are being prepared: try again in a minute`
				);
			this.jobs.delete(oldest.id);
		}
		const job: Job = {
			id: randomBytes(16).toString('hex'),
			owner,
			report,
			format,
			state: 'queued',
			step: 0,
			steps: 0,
			error: null,
			file: null,
			created: this.clock().getTime(),
			finished: null
		};
		this.jobs.set(job.id, job);
		const progress: JobProgress = {
			reading: (step, steps) => {
				job.state = 'reading';
				job.step = step;
				job.steps = steps;
			},
			rendering: () => {
				job.state = 'rendering';
			}
		};
		// Started on the next turn: the caller has its answer (the job's id) first.
		void Promise.resolve()
			.then(() => work(progress))
			.then(
				(file) => {
					job.file = file;
					job.state = 'done';
					job.finished = this.clock().getTime();
				},
				(e: unknown) => {
					job.state = 'failed';
					job.finished = this.clock().getTime();
					if (e instanceof JobFailure) job.error = { status: e.status, message: e.message };
					else {
						console.error(`report job ${job.report} (${job.format}) failed:`, e);
						job.error = { status: 500, message: 'the report could not be prepared' };
					}
				}
			);
		return this.statusOf(job);
	}

	/** The state of `owner`'s job `id`; null when there is none (unknown, another user's, expired). */
	status(owner: string, id: string): JobStatus | null {
		const job = this.find(owner, id);
		return job ? this.statusOf(job) : null;
	}

	/** `owner`'s jobs for `report`, newest first. */
	list(owner: string, report: string): JobStatus[] {
		this.sweep();
		return [...this.jobs.values()]
			.filter((j) => j.owner === owner && j.report === report)
			.sort((a, b) => b.created - a.created)
			.map((j) => this.statusOf(j));
	}

	/** The file of `owner`'s finished job `id`; null when there is no such job or no file yet. */
	file(owner: string, id: string): { status: JobStatus; file: JobFile | null } | null {
		const job = this.find(owner, id);
		return job ? { status: this.statusOf(job), file: job.file } : null;
	}

	/** Jobs held (tests). */
	get size(): number {
		this.sweep();
		return this.jobs.size;
	}

	private find(owner: string, id: string): Job | null {
		this.sweep();
		const job = this.jobs.get(id);
		return job && job.owner === owner ? job : null;
	}

	/** Drop the finished jobs whose time is up. */
	private sweep(): void {
		const t = this.clock().getTime();
		for (const [id, job] of this.jobs)
			if (job.finished !== null && t >= job.finished + this.ttlMs) this.jobs.delete(id);
	}

	private statusOf(job: Job): JobStatus {
		return {
			id: job.id,
			report: job.report,
			format: job.format,
			state: job.state,
			step: job.step,
			steps: job.steps,
			error: job.error,
			fileName: job.file?.fileName ?? null,
			bytes: job.file?.bytes.length ?? null,
			createdAt: new Date(job.created).toISOString(),
			expiresAt: job.finished === null ? null : new Date(job.finished + this.ttlMs).toISOString()
		};
	}
}

let shared: ReportJobs | null = null;

/** The server's jobs. */
export function reportJobs(): ReportJobs {
	shared ??= new ReportJobs();
	return shared;
}
