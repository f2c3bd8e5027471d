// What the report pages show of a report definition (shared by the server module and the
// components; the definitions themselves are read on the server, src/lib/server/reports/).

export interface ReportCard {
	id: string;
	/** The description in the reader's language. */
	description: string;
	audience: string;
	languages: string[];
	/** asOf, period, memberStates, programme, lang, classification. */
	parameters: string[];
	memberStatesRequired: boolean;
	/** Lists records: the member states offered are those whose records the caller may see. */
	records: boolean;
	defaultProgramme: string | null;
}

export interface Option {
	value: string;
	label: string;
}

/** Where a report job is: waiting for a render slot, reading its sections, writing the file. */
export type ReportJobState = 'queued' | 'reading' | 'rendering' | 'done' | 'failed';

/** A report job as its owner sees it (GET /reports/[id]/jobs/[job]; $lib/server/reports/jobs). */
export interface ReportJob {
	id: string;
	report: string;
	format: string;
	state: ReportJobState;
	/** While reading: the section being read, of `steps`. */
	step: number;
	steps: number;
	/** When failed: the HTTP status the download would have answered, and why. */
	error: { status: number; message: string } | null;
	/** When done: the file's name and size. */
	fileName: string | null;
	bytes: number | null;
	/** ISO timestamps (the server's clock); expiresAt: when a finished job is dropped. */
	createdAt: string;
	expiresAt: string | null;
	/** Where to poll the job, and fetch its file when done. */
	href: string;
	file: string;
}
