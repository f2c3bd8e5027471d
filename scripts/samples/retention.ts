// Retention-register sample rows: one row per registration or alert, as extracted at the end
// of 2025. Produced one at a time (a generator) so any number can be streamed.

import { MS_VOLUME, type MemberState } from './actors.ts';
import { DateCache, addMonths, dayOf } from './dates.ts';
import { WeightedPicker, intBetween, mulberry32, type Rng } from './prng.ts';
import { retentionFields } from '../../src/lib/server/ingest/fields.ts';

// The importer's canonical fields: the samples are written exactly as it reads them.
export const RETENTION_HEADER = retentionFields;

export type Register = 'SIS' | 'CTER' | 'EIS' | 'PASSPORT';
export type LegalBasis =
	'SIS-36' | 'SIS-26' | 'SIS-24' | 'EUROPOL' | 'WPG-8' | 'WPG-9' | 'PASSPORT-23';
export type ReviewOutcome = 'retain' | 'extend' | 'delete';

export interface RetentionRow {
	record_id: string;
	member_state: string;
	register: Register;
	legal_basis: LegalBasis;
	created_on: string;
	kind: 'registration' | 'alert';
	authority: string | null;
	last_reviewed_on: string | null;
	review_outcome: ReviewOutcome | null;
	deleted_on: string | null;
	impact_assessed: boolean | null;
}

/** Review period and maximum retention in months; mirrors data/reference/retention_rules.csv. */
export const RETENTION_RULES: Record<
	LegalBasis,
	{ reviewMonths: number; maxMonths: number | null }
> = {
	'SIS-36': { reviewMonths: 12, maxMonths: null },
	'SIS-26': { reviewMonths: 60, maxMonths: null },
	'SIS-24': { reviewMonths: 36, maxMonths: null },
	EUROPOL: { reviewMonths: 36, maxMonths: null },
	'WPG-8': { reviewMonths: 12, maxMonths: 60 },
	'WPG-9': { reviewMonths: 12, maxMonths: 60 },
	'PASSPORT-23': { reviewMonths: 12, maxMonths: null }
};

export interface RetentionOptions {
	rows: number;
	seed?: number;
	/** Record id prefix; default "RT-". */
	idPrefix?: string;
	/** Zero-padding of the record number; default 7. */
	idPad?: number;
}

export const RETENTION_FIRST = '2015-01-01';
export const RETENTION_LAST = '2025-12-31';
/** The register extract is taken at the end of 2025: nothing in it is dated later. */
export const RETENTION_EXTRACT = RETENTION_LAST;
export const RETENTION_SEED = 20240101;
/** The Ombudsman's report (2024): impact assessments become common for newer alerts. */
const IMPACT_PRACTICE_FROM = '2024-07-01';

const NL_REGISTERS: ReadonlyArray<readonly [Register, number]> = [
	['SIS', 35],
	['CTER', 33],
	['EIS', 10],
	['PASSPORT', 22]
];
const OTHER_REGISTERS: ReadonlyArray<readonly [Register, number]> = [
	['SIS', 80],
	['EIS', 20]
];
const SIS_BASES: ReadonlyArray<readonly [LegalBasis, number]> = [
	['SIS-36', 72],
	['SIS-26', 13],
	['SIS-24', 15]
];
const CTER_BASES: ReadonlyArray<readonly [LegalBasis, number]> = [
	['WPG-8', 55],
	['WPG-9', 45]
];

const AUTHORITIES: Record<string, ReadonlyArray<readonly [string, number]>> = {
	NL: [
		['Politie', 75],
		['KMar', 25]
	],
	DE: [
		['BKA', 70],
		['LKA', 30]
	],
	FR: [
		['DGSI', 60],
		['DGPN', 40]
	],
	ES: [
		['Policía Nacional', 65],
		['Guardia Civil', 35]
	],
	IT: [
		['Polizia di Stato', 70],
		['Carabinieri', 30]
	],
	BE: [
		['Police fédérale', 80],
		['OCAM', 20]
	],
	AT: [['DSN', 1]],
	SE: [
		['Polismyndigheten', 70],
		['Säpo', 30]
	],
	DK: [['PET', 1]],
	PL: [['Policja', 1]]
};
const DEFAULT_AUTHORITY: ReadonlyArray<readonly [string, number]> = [['National Police', 1]];

/** Retention rows in record order (created_on ascending), deterministic for given options. */
export function* retentionRows(options: RetentionOptions): Generator<RetentionRow> {
	const rows = options.rows;
	const rng = mulberry32(options.seed ?? RETENTION_SEED);
	const prefix = options.idPrefix ?? 'RT-';
	const pad = options.idPad ?? 7;
	const dates = new DateCache('2014-12-01', '2026-03-31');
	const first = dayOf(RETENTION_FIRST);
	const extract = dayOf(RETENTION_EXTRACT);
	const ndays = extract - first + 1;
	const impactFrom = dayOf(IMPACT_PRACTICE_FROM);

	// The Dutch registers (CTER, Wpg, passport) make NL the jurisdiction with most records.
	const msPicker = new WeightedPicker<MemberState>(
		MS_VOLUME.map(([ms, w]) => [ms, ms === 'NL' ? w * 4 : w] as const)
	);
	const nlRegisters = new WeightedPicker(NL_REGISTERS);
	const otherRegisters = new WeightedPicker(OTHER_REGISTERS);
	const sisBases = new WeightedPicker(SIS_BASES);
	const cterBases = new WeightedPicker(CTER_BASES);
	const authorities = new Map<string, WeightedPicker<string>>();
	for (const [ms] of MS_VOLUME) {
		authorities.set(ms, new WeightedPicker(AUTHORITIES[ms] ?? DEFAULT_AUTHORITY));
	}
	const growth = 1.0;

	for (let i = 0; i < rows; i++) {
		const u = (i + 0.5) / rows;
		const t = (-1 + Math.sqrt(1 + 2 * growth * u * (1 + growth / 2))) / growth;
		const created = first + Math.min(ndays - 1, Math.floor(t * ndays));

		const ms = msPicker.pick(rng);
		const register = ms === 'NL' ? nlRegisters.pick(rng) : otherRegisters.pick(rng);
		let legalBasis: LegalBasis;
		let kind: 'registration' | 'alert';
		switch (register) {
			case 'SIS':
				legalBasis = sisBases.pick(rng);
				kind = 'alert';
				break;
			case 'CTER':
				legalBasis = cterBases.pick(rng);
				kind = rng() < 0.9 ? 'registration' : 'alert';
				break;
			case 'EIS':
				legalBasis = 'EUROPOL';
				kind = 'registration';
				break;
			case 'PASSPORT':
				legalBasis = 'PASSPORT-23';
				kind = 'alert';
				break;
		}
		let authority: string | null =
			register === 'PASSPORT'
				? 'Minister van JenV'
				: register === 'EIS' && ms === 'NL'
					? 'Politie'
					: (authorities.get(ms) as WeightedPicker<string>).pick(rng);
		if (rng() < 0.02) authority = null;

		const review = simulateReviews(rng, created, extract, legalBasis, kind);

		let impact: boolean | null;
		const v = rng();
		if (kind === 'alert') {
			if (created < impactFrom) impact = v < 0.65 ? true : v < 0.82 ? false : null;
			else impact = v < 0.85 ? true : v < 0.95 ? false : null;
		} else impact = v < 0.15 ? true : v < 0.2 ? false : null;

		yield {
			record_id: prefix + String(i + 1).padStart(pad, '0'),
			member_state: ms,
			register,
			legal_basis: legalBasis,
			created_on: dates.get(created),
			kind,
			authority,
			last_reviewed_on: review.last === null ? null : dates.get(review.last),
			review_outcome: review.outcome,
			deleted_on: review.deleted === null ? null : dates.get(review.deleted),
			impact_assessed: impact
		};
	}
}

interface ReviewHistory {
	last: number | null;
	outcome: ReviewOutcome | null;
	deleted: number | null;
}

/**
 * Periodic reviews from creation up to the extract date. Most records are reviewed around
 * their due date; some reviewers are late, some stop reviewing, a few records are never
 * reviewed. Records with a maximum retention (Wpg) are mostly deleted just before it, some
 * late, and some are forgotten and still held.
 */
function simulateReviews(
	rng: Rng,
	created: number,
	extract: number,
	legalBasis: LegalBasis,
	kind: 'registration' | 'alert'
): ReviewHistory {
	const rule = RETENTION_RULES[legalBasis];
	const diligence = rng();
	const maxReviews = diligence < 0.88 ? Infinity : diligence < 0.95 ? intBetween(rng, 1, 4) : 0;
	const late = diligence >= 0.72 && diligence < 0.88;

	let scheduled: number | null = null; // deletion independent of reviews
	if (rule.maxMonths !== null) {
		const maxEnd = addMonths(created, rule.maxMonths);
		const w = rng();
		if (w < 0.78) scheduled = maxEnd - intBetween(rng, 0, 40);
		else if (w < 0.9) scheduled = maxEnd + intBetween(rng, 1, 500);
		// else: forgotten, kept past the maximum
	} else if (kind === 'alert' && rng() < 0.25) {
		scheduled = created + intBetween(rng, 30, 2500); // purpose achieved (e.g. hit, arrest)
	}

	let t = created;
	let last: number | null = null;
	let outcome: ReviewOutcome | null = null;
	let deleted: number | null = null;
	let count = 0;
	while (count < maxReviews) {
		const due = addMonths(t, rule.reviewMonths);
		const next = late ? due + intBetween(rng, 15, 240) : due + intBetween(rng, -25, 20);
		if (next > extract) break;
		if (scheduled !== null && next >= scheduled) break;
		t = next;
		last = t;
		count++;
		const o = rng();
		if (legalBasis.startsWith('SIS')) outcome = o < 0.5 ? 'extend' : o < 0.88 ? 'retain' : 'delete';
		else if (rule.maxMonths !== null) outcome = o < 0.86 ? 'retain' : 'delete';
		else outcome = o < 0.85 ? 'retain' : o < 0.93 ? 'extend' : 'delete';
		if (outcome === 'delete') {
			deleted = Math.min(extract, t + intBetween(rng, 0, 20));
			break;
		}
	}
	if (deleted === null && scheduled !== null && scheduled <= extract) deleted = scheduled;
	return { last, outcome, deleted };
}

const b = (v: boolean | null): string => (v === null ? '' : v ? 'true' : 'false');

/** Canonical CSV record; the authority is the only free text and is quoted when needed. */
export function retentionCsvLine(r: RetentionRow): string {
	const authority = r.authority ?? '';
	return [
		r.record_id,
		r.member_state,
		r.register,
		r.legal_basis,
		r.created_on,
		r.kind,
		/[",\n\r]/.test(authority) ? `"${authority.replaceAll('"', '""')}"` : authority,
		r.last_reviewed_on ?? '',
		r.review_outcome ?? '',
		r.deleted_on ?? '',
		b(r.impact_assessed)
	].join(',');
}
