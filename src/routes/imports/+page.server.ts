// The list of import batches, newest first, 50 to a page (?page=N), and the upload form
// (action ?/upload, admin only: $lib/access): the same import as `npx cosi ingest`, with the same
// outcome, recorded as imported by the signed-in user and in the audit trail.
import { fail } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { auditImport } from '$lib/server/audit';
import { formatNumber } from '$lib/i18n/format';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { m } from '$lib/paraglide/messages';
import { typedDate } from '$lib/dates';
import { importsPage, uploadStore } from '$lib/server/imports';
import { isTicket } from '$lib/imports';
import { ingestFile } from '$lib/server/ingest';
import { queueStatus } from '$lib/server/ingest/writer';
import { loadProfile, listProfiles, ProfileError } from '$lib/server/ingest/profiles';
import { kinds, type IngestResult, type Kind } from '$lib/server/ingest/types';
import { logError } from '$lib/server/errors';
import { readMultipart, UploadError, type MultipartForm } from '$lib/server/multipart';
import { withAccounts } from '$lib/server/accounts';
import { urlPage } from '$lib/server/url';
import type { Actions, PageServerLoad } from './$types';

/**
 * Largest upload, in bytes (200 MiB). adapter-node refuses bodies over BODY_SIZE_LIMIT (512K
 * unless set): npm start and the e2e server set BODY_SIZE_LIMIT=200M (README, "Uploads").
 */
const UPLOAD_LIMIT = 200 * 1024 * 1024;

/** BODY_SIZE_LIMIT as adapter-node reads it (512K, 200M, 1G, bytes; Infinity), else null. */
function bodySizeLimit(): number | null {
	const raw = env.BODY_SIZE_LIMIT;
	if (raw === undefined || raw === '') return adapterDefault;
	const m = /^(\d+(?:\.\d+)?)\s*([KMG]?)$/i.exec(raw.trim());
	if (!m) return raw.trim() === 'Infinity' ? null : adapterDefault;
	const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[
		m[2].toUpperCase() as '' | 'K' | 'M' | 'G'
	];
	return Number(m[1]) * unit;
}
const adapterDefault = 512 * 1024;

/** The effective limit (the smaller of ours and the server's) as text, e.g. "200 MB". */
function limitText(): string {
	const body = bodySizeLimit();
	const bytes = body === null ? UPLOAD_LIMIT : Math.min(UPLOAD_LIMIT, body);
	return bytes >= 1024 * 1024
		? `${formatNumber(bytes / (1024 * 1024), bytes % (1024 * 1024) ? 1 : 0)} MB`
		: `${formatNumber(Math.floor(bytes / 1024))} KB`;
}
/** Errors listed in the answer; all are kept with the batch. */
const LISTED_ERRORS = 20;

/** The profiles and the kinds of file each may be used for. */
function profileChoices(): { name: string; kinds: Kind[] }[] {
	return listProfiles().map((name) => ({
		name,
		kinds: kinds.filter((kind) => {
			try {
				loadProfile(name, kind);
				return true;
			} catch (e) {
				if (e instanceof ProfileError) return false;
				throw e;
			}
		})
	}));
}

export const load: PageServerLoad = async ({ url, locals }) => {
	const page = urlPage(url);
	const store = await uploadStore();
	return {
		...(await importsPage(locals.scope, page)),
		kinds: [...kinds],
		profiles: profileChoices(),
		uploadLimit: limitText(),
		queue: queueStatus(store.path)
	};
};

/** What the form sent, echoed back so that a failed upload keeps the choices. */
export interface UploadValues {
	kind: string;
	profile: string;
	programme: string;
	peildatum: string;
}

/** The outcome shown to the user: as `npx cosi ingest`, with the first errors. */
export interface UploadOutcome {
	file: string;
	kind: string;
	status: IngestResult['status'];
	batchId: number | null;
	rowsRead: number;
	rowsAccepted: number;
	rowsRejected: number;
	errors: IngestResult['errors'];
	warnings: string[];
	reason: string | null;
	/** For a file that could not be read: the id under which the reader's message was logged. */
	reference: string | null;
}

function outcome(r: IngestResult, reference: string | null = null): UploadOutcome {
	return {
		file: r.file,
		kind: r.kind,
		status: r.status,
		batchId: r.batchId,
		rowsRead: r.rowsRead,
		rowsAccepted: r.rowsAccepted,
		rowsRejected: r.rowsRejected,
		errors: r.errors.slice(0, LISTED_ERRORS),
		warnings: r.warnings,
		reason: r.reason ?? null,
		reference
	};
}

function text(form: MultipartForm, key: string): string {
	return (form.fields[key] ?? '').trim();
}

export const actions: Actions = {
	upload: async ({ request, locals }) => {
		const username = locals.user!.username;
		const dir = await mkdtemp(join(tmpdir(), 'cosi-upload-'));
		try {
			let form: MultipartForm;
			try {
				form = await readMultipart(request, { dir, fileField: 'file', maxFileBytes: UPLOAD_LIMIT });
			} catch (e) {
				if (!(e instanceof UploadError)) {
					// The server could not store the upload (disk full, permissions): not the sender's
					// fault, and the details (paths) stay in the log.
					const id = logError('POST /imports?/upload: storing the upload', e);
					return fail(500, { field: null, message: m.rec_imp_error_internal({ id }) });
				}
				return fail(e.status, {
					field: e.status === 413 ? 'file' : null,
					message:
						e.status === 413
							? m.rec_imp_error_too_large({ limit: limitText() })
							: e.status === 408
								? m.rec_imp_error_interrupted()
								: m.rec_imp_error_malformed()
				});
			}
			const values: UploadValues = {
				kind: text(form, 'kind'),
				profile: text(form, 'profile') || 'canonical',
				programme: text(form, 'programme'),
				peildatum: text(form, 'peildatum')
			};
			const invalid = (field: string, message: string) => fail(400, { values, field, message });

			if (!form.file) return invalid('file', m.rec_imp_error_no_file());
			if (form.file.size === 0) return invalid('file', m.rec_imp_error_empty_file());
			if (!(kinds as readonly string[]).includes(values.kind)) {
				return invalid('kind', m.rec_imp_error_kind({ kinds: kinds.join(', ') }));
			}
			const kind = values.kind as Kind;
			const profile = profileChoices().find((p) => p.name === values.profile);
			if (!profile) {
				return invalid('profile', m.rec_imp_error_profile({ profiles: listProfiles().join(', ') }));
			}
			if (!profile.kinds.includes(kind)) {
				return invalid(
					'profile',
					m.rec_imp_error_profile_kind({ profile: profile.name, kinds: profile.kinds.join(', ') })
				);
			}
			if ((values.programme || values.peildatum) && kind !== 'actions') {
				return invalid('programme', m.rec_imp_error_options_kind());
			}
			if (values.programme.length > 100) {
				return invalid('programme', m.rec_imp_error_programme());
			}
			// Typed as the interface shows dates (dd-mm-jjjj in Dutch) or as YYYY-MM-DD.
			const peildatum = values.peildatum ? typedDate(values.peildatum) : null;
			if (values.peildatum && peildatum === null) {
				return invalid('peildatum', m.rec_imp_error_peildatum());
			}
			const options: Record<string, string> = {};
			if (values.programme) options.programme = values.programme;
			if (peildatum) options.peildatum = peildatum;

			const ticket = text(form, 'ticket');
			const where = `POST /imports?/upload ${JSON.stringify(form.file.fileName)}`;
			// Outside the try: a database held by another process has its own message (handleError).
			const store = await uploadStore();
			let result: IngestResult;
			try {
				result = await ingestFile(store, form.file.path, {
					kind,
					profile: profile.name,
					fileName: form.file.fileName,
					importedBy: username,
					options,
					// Lets the page ask for its place while the import waits (/imports/queue).
					ticket: isTicket(ticket) ? ticket : undefined
				});
			} catch (e) {
				// Nothing was written (a batch is one transaction); the details stay in the log.
				const id = logError(where, e);
				return fail(500, { values, field: null, message: m.rec_imp_error_internal({ id }) });
			}
			await withAccounts((con) => auditImport(con, username, 'web', result));
			if (result.status === 'rejected') {
				// What the reader or DuckDB said names the temporary copy: the log has it, the
				// user gets the reason in words and the reference.
				const reference = result.detail ? logError(where, result.detail) : null;
				return fail(422, { values, field: null, result: outcome(result, reference) });
			}
			return { values, result: outcome(result) };
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	}
};
