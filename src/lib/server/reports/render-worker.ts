// The render worker's side: the formats built from a resolved document without the database
// (docx, xlsx, the CSV zip, the standalone HTML that Chromium prints, the preview's body). The
// server and the command line run them in a worker thread (render-pool.ts), so that a long render
// never holds up other requests; the worker receives the document's plain rows, never a database.
//
// This module is both: imported (dynamically, so that the bundler keeps it a file of its own) by
// the pool for its own address, and loaded by each worker, where it answers the pool's messages.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { renderCsvZip } from './csvzip.ts';
import { renderDocx } from './docx.ts';
import { renderHtml, renderHtmlBody } from './html.ts';
import type { ReportDocument } from './model.ts';
import { renderXlsx } from './xlsx.ts';

/** What a worker builds: a file format, the HTML Chromium prints, or the preview's body. */
export type RenderTask = 'docx' | 'xlsx' | 'csv' | 'html' | 'html-body';

export interface TaskMessage {
	id: number;
	task: RenderTask;
	doc: ReportDocument;
	/**
	 * Tests: the worker waits until element 0 of this buffer is no longer 0 (Atomics), so a test
	 * can hold a render in progress and see other work complete meanwhile.
	 */
	hold?: SharedArrayBuffer;
}

export type ResultMessage =
	| { id: number; ok: true; bytes: Uint8Array }
	| { id: number; ok: false; name: string; message: string };

/** This module's address: the file each worker loads. */
export const renderWorkerUrl = import.meta.url;

/** The marker in workerData that makes a thread loading this module a render worker. */
export const workerMarker = 'cosi-render-worker';

/** Build `task` for `doc` in this thread. */
export async function runTask(task: RenderTask, doc: ReportDocument): Promise<Uint8Array> {
	switch (task) {
		case 'docx':
			return renderDocx(doc);
		case 'xlsx':
			return renderXlsx(doc);
		case 'csv':
			return renderCsvZip(doc);
		case 'html':
			return new TextEncoder().encode(renderHtml(doc));
		case 'html-body':
			return new TextEncoder().encode(renderHtmlBody(doc, { title: false }));
	}
}

if (!isMainThread && parentPort && workerData === workerMarker) {
	const port = parentPort;
	port.on('message', (m: TaskMessage) => {
		if (m.hold) Atomics.wait(new Int32Array(m.hold), 0, 0);
		runTask(m.task, m.doc).then(
			(result) => {
				// Transfer, not copy: a view of a larger (pooled) buffer is copied into its own first.
				const bytes =
					result.byteOffset === 0 && result.byteLength === result.buffer.byteLength
						? result
						: new Uint8Array(result);
				const message: ResultMessage = { id: m.id, ok: true, bytes };
				port.postMessage(message, [bytes.buffer as ArrayBuffer]);
			},
			(e: unknown) => {
				const message: ResultMessage = {
					id: m.id,
					ok: false,
					name: e instanceof Error ? e.name : 'Error',
					message: e instanceof Error ? e.message : String(e)
				};
				port.postMessage(message);
			}
		);
	});
}
