// Canonical fields of the three exports (see docs/profiles.md and the domain brief).
import type { Kind } from './types.ts';

/** Canonical fields of each kind, in storage order (also the sample files' headers). */
export const sharingFields = [
	'event_id',
	'occurred_on',
	'member_state',
	'channel',
	'relevant',
	'decision',
	'recipient',
	'category',
	'shared_on',
	'withholding_ground',
	'weighing_documented',
	'weighing_ref',
	'terrorism_marker',
	'context_provided',
	'subject_ref'
] as const;

export const actionFields = [
	'programme',
	'action_id',
	'actor',
	'reported_on',
	'status',
	'title',
	'chapter',
	'deadline',
	'responsible',
	'planning',
	'state_of_play',
	'recent_developments',
	'completion_pct',
	'evidence_ref'
] as const;

export const retentionFields = [
	'record_id',
	'member_state',
	'register',
	'legal_basis',
	'created_on',
	'kind',
	'authority',
	'last_reviewed_on',
	'review_outcome',
	'deleted_on',
	'impact_assessed'
] as const;

export interface KindSpec {
	/** Table the accepted rows go to. */
	table: string;
	/** Canonical fields in storage order. */
	fields: string[];
	required: string[];
	/** Fields that identify a row; a later batch repeating them supersedes the earlier row. */
	key: string[];
	/**
	 * Fields a CSV file may be read as typed columns (see readCsvTyped): ISO dates and booleans,
	 * whose reader-accepted spellings all mean the same to the validation. Kinds without it are
	 * always read as text.
	 */
	typed?: Record<string, 'DATE' | 'BOOLEAN'>;
}

export const kindSpecs: Record<Kind, KindSpec> = {
	sharing: {
		table: 'sharing_event',
		fields: [...sharingFields],
		required: ['event_id', 'occurred_on', 'member_state', 'channel', 'relevant', 'decision'],
		key: ['event_id'],
		typed: {
			occurred_on: 'DATE',
			shared_on: 'DATE',
			relevant: 'BOOLEAN',
			weighing_documented: 'BOOLEAN',
			terrorism_marker: 'BOOLEAN',
			context_provided: 'BOOLEAN'
		}
	},
	actions: {
		table: 'action_status',
		fields: [...actionFields],
		// status may instead be derived from planning by the profile (see nl-voortgang).
		required: ['programme', 'action_id', 'actor', 'reported_on', 'status'],
		key: ['programme', 'action_id', 'actor', 'reported_on']
	},
	retention: {
		table: 'retention_record',
		fields: [...retentionFields],
		required: ['record_id', 'member_state', 'register', 'legal_basis', 'created_on'],
		key: ['record_id'],
		typed: {
			created_on: 'DATE',
			last_reviewed_on: 'DATE',
			deleted_on: 'DATE',
			impact_assessed: 'BOOLEAN'
		}
	}
};

/**
 * Column headers that look like a person's name or birth date. Nothing personal is needed to
 * measure sharing or retention, so such columns are dropped before anything is stored.
 */
const personalHeader =
	/(^|[^a-z])(name|names|naam|namen|voornaam|voornamen|achternaam|surname|firstname|lastname|givenname|familyname|birth|birthdate|dob|geboren|geboorte|geboortedatum|gebdatum|bsn|geslachtsnaam)([^a-z]|$)/;

export function looksPersonal(header: string): boolean {
	const h = normalizeHeader(header).replace(/_/g, ' ');
	if (/^(file name|filename|bestandsnaam|user name|username)$/.test(h)) return false;
	return personalHeader.test(h) || /date of birth|geb\.? ?datum/.test(h);
}

/** Header as compared with profile names: lower case, trimmed, spaces/hyphens as underscores. */
export function normalizeHeader(header: string): string {
	return header
		.replace(/^\uFEFF/, '')
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_');
}
