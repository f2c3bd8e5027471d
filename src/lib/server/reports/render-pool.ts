// The render workers: at most two threads (one on a two-core machine) that build docx, xlsx, the
// CSV zip and the HTML of a report (render-worker.ts), so that a long render never blocks the
// server's event loop: other requests go on while a 400-page audit is written. The document
// (plain rows, read through the data gate on the main thread) is copied to the worker; the file
// comes back as bytes. Tasks wait in arrival order for a free worker.
//
// A render that throws rejects with a RenderWorkerError naming the format and the reason; a worker
// that dies (out of memory: each has a heap limit) rejects its task the same way and is replaced
// on the next task, so neither takes the server down. Idle workers do not keep a process alive
// (the command line exits when done).
//
// Where the worker's code is: render-worker.ts is imported dynamically for its own address
// (import.meta.url), which keeps it a file of its own in the built server (a chunk of
// build/server); under tsx, vitest and vite dev that address is the .ts source, which the worker
// loads through tsx (tsImport).
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits, type WorkerOptions } from 'node:worker_threads';
import type { ReportDocument } from './model.ts';
import type { RenderTask, ResultMessage, TaskMessage } from './render-worker.ts';

export class RenderWorkerError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'RenderWorkerError';
	}
}

export interface PoolOptions {
	/** Threads (default: one per core beyond the first, at least one, at most two). */
	size?: number;
	/** Each worker's limits (default: a 2 GiB heap). */
	resourceLimits?: ResourceLimits;
}

export interface RunOptions {
	/** Tests: see TaskMessage.hold. */
	hold?: SharedArrayBuffer;
}

interface Pending {
	task: RenderTask;
	doc: ReportDocument;
	options: RunOptions;
	resolve: (bytes: Uint8Array) => void;
	reject: (e: Error) => void;
}

interface Slot {
	worker: Worker;
	busy: Pending | null;
}

let workerAddress: Promise<{ url: URL; marker: string }> | null = null;

async function address() {
	workerAddress ??= import('./render-worker.ts').then((m) => ({
		url: new URL(m.renderWorkerUrl),
		marker: m.workerMarker
	}));
	return workerAddress;
}

/**
 * A worker for the code at `url`: the file itself when it is JavaScript (the built server); when it
 * is TypeScript source (tsx, vitest, vite dev), a small script that loads it through tsx.
 */
function startWorker(url: URL, options: WorkerOptions): Worker {
	if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
	// The ES module build of tsx's API (require.resolve finds its CommonJS twin).
	const api = createRequire(import.meta.url)
		.resolve('tsx/esm/api')
		.replace(/\.cjs$/, '.mjs');
	const tsx = pathToFileURL(api).href;
	const source = JSON.stringify(url.href);
	return new Worker(
		`import(${JSON.stringify(tsx)}).then((tsx) => tsx.tsImport(${source}, ${source}));`,
		{ ...options, eval: true }
	);
}

export class RenderPool {
	readonly size: number;
	private readonly limits: ResourceLimits;
	private readonly slots: Slot[] = [];
	private readonly queue: Pending[] = [];
	private nextId = 1;
	private spawning = 0;
	private closed = false;
	/** Workers started so far (tests: a crashed one is replaced). */
	started = 0;

	constructor(options: PoolOptions = {}) {
		this.size = Math.max(
			1,
			Math.min(2, options.size ?? Math.min(2, Math.max(1, availableParallelism() - 1)))
		);
		this.limits = options.resourceLimits ?? { maxOldGenerationSizeMb: 2048 };
	}

	/** Build `task` for `doc` in a worker. */
	run(task: RenderTask, doc: ReportDocument, options: RunOptions = {}): Promise<Uint8Array> {
		if (this.closed) return Promise.reject(new RenderWorkerError('the render pool is closed'));
		return new Promise((resolve, reject) => {
			this.queue.push({ task, doc, options, resolve, reject });
			void this.dispatch();
		});
	}

	/** Stop every worker (the command line before it exits; tests). Unfinished tasks are rejected. */
	async close(): Promise<void> {
		this.closed = true;
		const slots = this.slots.splice(0);
		for (const p of [...slots.flatMap((s) => (s.busy ? [s.busy] : [])), ...this.queue.splice(0)])
			p.reject(new RenderWorkerError(`${p.task} render failed: the render pool was closed`));
		await Promise.all(slots.map((s) => s.worker.terminate()));
	}

	private async dispatch(): Promise<void> {
		while (this.queue.length > 0) {
			let slot = this.slots.find((s) => s.busy === null);
			if (!slot) {
				if (this.slots.length + this.spawning >= this.size) return;
				this.spawning++;
				try {
					slot = { worker: await this.spawn(), busy: null };
				} catch (e) {
					for (const p of this.queue.splice(0))
						p.reject(
							new RenderWorkerError(
								`${p.task} render failed: no render worker could be started (${(e as Error).message})`
							)
						);
					return;
				} finally {
					this.spawning--;
				}
				if (this.closed) {
					void slot.worker.terminate();
					return;
				}
				this.slots.push(slot);
				continue;
			}
			const pending = this.queue.shift()!;
			slot.busy = pending;
			slot.worker.ref();
			const message: TaskMessage = {
				id: this.nextId++,
				task: pending.task,
				doc: pending.doc,
				hold: pending.options.hold
			};
			try {
				slot.worker.postMessage(message);
			} catch (e) {
				slot.busy = null;
				pending.reject(
					new RenderWorkerError(
						`${pending.task} render failed: the document could not be passed to the render worker (${(e as Error).message})`
					)
				);
			}
		}
	}

	private async spawn(): Promise<Worker> {
		const { url, marker } = await address();
		const worker = startWorker(url, { workerData: marker, resourceLimits: this.limits });
		this.started++;
		worker.unref();
		const slotOf = () => this.slots.find((s) => s.worker === worker);
		worker.on('message', (m: ResultMessage) => {
			const slot = slotOf();
			const pending = slot?.busy;
			if (!slot || !pending) return;
			slot.busy = null;
			worker.unref();
			if (m.ok) pending.resolve(m.bytes);
			else pending.reject(new RenderWorkerError(`${pending.task} render failed: ${m.message}`));
			void this.dispatch();
		});
		let failure: Error | null = null;
		worker.on('error', (e) => {
			failure = e;
		});
		worker.on('exit', (code) => {
			const slot = slotOf();
			if (slot) this.slots.splice(this.slots.indexOf(slot), 1);
			const pending = slot?.busy;
			if (pending) {
				const why = failure ? failure.message : `it exited with code ${code}`;
				pending.reject(
					new RenderWorkerError(`${pending.task} render failed: the render worker stopped (${why})`)
				);
			}
			if (!this.closed) void this.dispatch();
		});
		return worker;
	}
}

let shared: RenderPool | null = null;

/** The process's pool, started on first use. */
export function renderPool(): RenderPool {
	shared ??= new RenderPool();
	return shared;
}

/** Stop the process's pool (the command line; tests). */
export async function closeRenderPool(): Promise<void> {
	const pool = shared;
	shared = null;
	await pool?.close();
}
