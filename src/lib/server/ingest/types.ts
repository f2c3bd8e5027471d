// Public shapes of the ingest pipeline, shared by the CLI, the web upload and tests.

export const kinds = ['sharing', 'actions', 'retention'] as const;
export type Kind = (typeof kinds)[number];

export interface IngestOptions {
	kind: Kind;
	/** Mapping profile name (data/profiles/<name>.json); default 'canonical'. */
	profile?: string;
	/** Who imported it (CLI: the OS user; web: the signed-in user). */
	importedBy?: string;
	/** Name to record for the file (web uploads keep the browser's file name). */
	fileName?: string;
	/** Profile options such as programme and peildatum (YYYY-MM-DD). */
	options?: Record<string, string>;
	/** XLSX sheet name; default the first sheet. */
	sheet?: string;
	/** Progress callback: bytes or rows processed so far, and the total when known. */
	onProgress?: (done: number, total: number) => void;
	/**
	 * Try the typed fast path for CSV (default true). Results are the same either way; tests
	 * turn it off to compare.
	 */
	typedRead?: boolean;
	/** A reference chosen by the caller, to ask for the import's place in the writer queue. */
	ticket?: string;
}

export interface RowError {
	row: number;
	column: string | null;
	value: string | null;
	message: string;
}

export type IngestStatus = 'accepted' | 'partial' | 'rejected' | 'duplicate';

export interface IngestResult {
	batchId: number | null;
	kind: Kind;
	file: string;
	sha256: string;
	status: IngestStatus;
	rowsRead: number;
	rowsAccepted: number;
	rowsRejected: number;
	/** First 100 row errors (all are stored in the reject table). */
	errors: RowError[];
	/** Non-fatal notes, e.g. personal-data columns dropped. */
	warnings: string[];
	/** For rejected files: why the whole file was refused, in words, naming the file. */
	reason?: string;
	/**
	 * For a file that could not be read: what the reader or driver said. It may name server
	 * paths: for the log and the CLI, never for a browser.
	 */
	detail?: string;
}

/** Exit code of `cosi ingest` for a result (see README). */
export function exitCodeFor(status: IngestStatus): number {
	return status === 'rejected' ? 2 : status === 'partial' ? 3 : 0;
}
