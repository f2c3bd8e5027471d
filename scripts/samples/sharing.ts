// Sharing-log sample rows: one row per piece of information judged for sharing. Rows are
// produced one at a time (a generator), so any number can be streamed in bounded memory.

import { MS_VOLUME, type MemberState } from './actors.ts';
import { DateCache, dayOf, dutchDate } from './dates.ts';
import { WeightedPicker, mulberry32, permute24, rngFor } from './prng.ts';
import { sharingFields } from '../../src/lib/server/ingest/fields.ts';

// The importer's canonical fields: the samples are written exactly as it reads them.
export const SHARING_HEADER = sharingFields;

export type Decision = 'shared' | 'withheld' | 'pending';
export type Ground =
	| 'legal'
	| 'operational'
	| 'ongoing_investigation'
	| 'safety_of_persons'
	| 'third_party_consent'
	| 'other';

export interface SharingRow {
	event_id: string;
	occurred_on: string;
	member_state: string;
	channel: string;
	relevant: boolean;
	decision: Decision;
	recipient: string | null;
	category: string | null;
	shared_on: string | null;
	withholding_ground: Ground | null;
	weighing_documented: boolean | null;
	weighing_ref: string | null;
	terrorism_marker: boolean | null;
	context_provided: boolean | null;
	subject_ref: string | null;
}

export interface SharingOptions {
	rows: number;
	seed?: number;
	/** Event id prefix; default "SH-". */
	idPrefix?: string;
	/** Zero-padding of the event number; default 7 ("SH-0000001"). */
	idPad?: number;
	/** Only this originating member state (e.g. a national export); default all, heavy-tailed. */
	memberState?: MemberState;
}

export const SHARING_FIRST = '2023-01-01';
export const SHARING_LAST = '2025-12-31';
/** The sample is an extract taken at the end of 2025: nothing in it is dated later. */
export const SHARING_EXTRACT = SHARING_LAST;
export const SHARING_SEED = 20160610;

const CHANNELS: ReadonlyArray<readonly [string, number]> = [
	['SIENA', 38],
	['SIS', 30],
	['EIS', 11],
	['CTG', 8],
	['INTERPOL', 6],
	['PNR', 4],
	['BILATERAL', 3]
];
/** How much more (or less) often information on a channel is withheld. */
const CHANNEL_WITHHOLD: Record<string, number> = {
	SIENA: 1,
	SIS: 0.7,
	EIS: 0.8,
	CTG: 2.2,
	INTERPOL: 1.4,
	PNR: 0.6,
	BILATERAL: 1.5
};
const CATEGORIES: ReadonlyArray<readonly [string, number]> = [
	['FTF', 30],
	['travel', 20],
	['propaganda', 16],
	['financing', 12],
	['radicalisation', 9],
	['explosives', 7],
	['firearms', 6]
];
const GROUNDS: ReadonlyArray<readonly [Ground, number]> = [
	['ongoing_investigation', 38],
	['third_party_consent', 26],
	['safety_of_persons', 13],
	['operational', 10],
	['legal', 9],
	['other', 4]
];
/** Intelligence and third-country channels: more information is not ours to pass on. */
const GROUNDS_THIRD_PARTY: ReadonlyArray<readonly [Ground, number]> = [
	['ongoing_investigation', 22],
	['third_party_consent', 52],
	['safety_of_persons', 11],
	['operational', 8],
	['legal', 5],
	['other', 2]
];

const TARGET_WITHHELD = 0.11;

/** Sharing rows, in event order (occurred_on ascending), deterministic for given options. */
export function* sharingRows(options: SharingOptions): Generator<SharingRow> {
	const rows = options.rows;
	const seed = options.seed ?? SHARING_SEED;
	const prefix = options.idPrefix ?? 'SH-';
	const pad = options.idPad ?? 7;
	const rng = mulberry32(seed);
	const dates = new DateCache('2022-12-01', '2026-03-31');
	const first = dayOf(SHARING_FIRST);
	const extract = dayOf(SHARING_EXTRACT);
	const ndays = extract - first + 1;

	const msEntries = options.memberState
		? MS_VOLUME.filter(([ms]) => ms === options.memberState)
		: MS_VOLUME;
	const msPicker = new WeightedPicker(msEntries);
	const recipientPicker = new WeightedPicker(MS_VOLUME);
	const channelPicker = new WeightedPicker(CHANNELS);
	const categoryPicker = new WeightedPicker(CATEGORIES);
	const groundPicker = new WeightedPicker(GROUNDS);
	const thirdPartyPicker = new WeightedPicker(GROUNDS_THIRD_PARTY);

	// Per member state: how often it withholds and how often it fails to record the weighing.
	const withholdFactor: number[] = [];
	const undocumentedRate: number[] = [];
	for (const [ms] of MS_VOLUME) {
		const r = rngFor(seed, `ms:${ms}`);
		withholdFactor.push(0.5 + 1.3 * r());
		const u = r();
		undocumentedRate.push(u < 0.2 ? 0.3 + 0.3 * r() : 0.04 + 0.12 * r());
	}
	const msIndex = new Map(MS_VOLUME.map(([ms], i) => [ms as string, i]));
	// Normalise so that about TARGET_WITHHELD of all rows are withheld.
	let expected = 0;
	msEntries.forEach(([ms], i) => {
		let c = 0;
		CHANNELS.forEach(([ch], j) => (c += channelPicker.share(j) * CHANNEL_WITHHOLD[ch]));
		expected += msPicker.share(i) * withholdFactor[msIndex.get(ms) as number] * c;
	});
	const baseWithhold = TARGET_WITHHELD / expected;

	const weighingSeq = new Map<string, number>();
	const subjectPool = Math.max(500, Math.floor(rows / 3));
	const growth = 0.35;

	for (let i = 0; i < rows; i++) {
		// Dates ascend with the event number; volume grows by about a third over the period.
		const u = (i + 0.5) / rows;
		const t = (-1 + Math.sqrt(1 + 2 * growth * u * (1 + growth / 2))) / growth;
		const day = first + Math.min(ndays - 1, Math.floor(t * ndays));
		const age = extract - day;

		const msPick = msPicker.indexFor(rng());
		const ms = msEntries[msPick][0];
		const msi = msIndex.get(ms) as number;
		const channel = channelPicker.items[channelPicker.indexFor(rng())];
		const relevant = rng() < 0.92;

		let decision: Decision;
		let sharedOn: string | null = null;
		if (rng() < baseWithhold * withholdFactor[msi] * CHANNEL_WITHHOLD[channel]) {
			decision = 'withheld';
		} else {
			const v = rng();
			const delay = Math.floor(61 * v * v * v);
			const stuck = age < 180 ? 0.3 * (1 - age / 180) : 0.006;
			if (rng() < stuck || day + delay > extract) decision = 'pending';
			else {
				decision = 'shared';
				sharedOn = dates.get(day + delay);
			}
		}

		let recipient: string;
		if (channel === 'EIS') recipient = 'EUROPOL';
		else if ((channel === 'SIENA' || channel === 'PNR') && rng() < 0.35) recipient = 'EUROPOL';
		else {
			let r = recipientPicker.items[recipientPicker.indexFor(rng())];
			while (r === ms) r = recipientPicker.items[recipientPicker.indexFor(rng())];
			recipient = r;
		}

		const category =
			channel === 'PNR' && rng() < 0.7
				? 'travel'
				: categoryPicker.items[categoryPicker.indexFor(rng())];

		let ground: Ground | null = null;
		let documented: boolean | null = null;
		let weighingRef: string | null = null;
		if (decision === 'withheld') {
			if (rng() >= 0.03) {
				const picker =
					channel === 'CTG' || channel === 'INTERPOL' ? thirdPartyPicker : groundPicker;
				ground = picker.items[picker.indexFor(rng())];
			}
			documented = rng() >= undocumentedRate[msi];
			if (documented) {
				const year = dates.get(day).slice(0, 4);
				const key = `${ms}-${year}`;
				const seq = (weighingSeq.get(key) ?? 0) + 1;
				weighingSeq.set(key, seq);
				weighingRef = `AFW-${key}-${String(seq).padStart(4, '0')}`;
			}
		}

		const terrorismMarker = rng() < (channel === 'SIS' ? 0.75 : 0.35);
		const contextProvided = decision === 'shared' ? rng() < 0.82 : null;

		let subject: string | null = null;
		if (rng() >= 0.04) {
			const s = rng();
			const idx = Math.floor(subjectPool * Math.pow(s, 1.6));
			subject = `P-${permute24(idx).toString(16).toUpperCase().padStart(6, '0')}`;
		}

		yield {
			event_id: prefix + String(i + 1).padStart(pad, '0'),
			occurred_on: dates.get(day),
			member_state: ms,
			channel,
			relevant,
			decision,
			recipient,
			category,
			shared_on: sharedOn,
			withholding_ground: ground,
			weighing_documented: documented,
			weighing_ref: weighingRef,
			terrorism_marker: terrorismMarker,
			context_provided: contextProvided,
			subject_ref: subject
		};
	}
}

const b = (v: boolean | null): string => (v === null ? '' : v ? 'true' : 'false');
const s = (v: string | null): string => v ?? '';

/** Canonical CSV record (no field needs quoting: all values are codes, dates and ids). */
export function sharingCsvLine(r: SharingRow): string {
	return (
		r.event_id +
		',' +
		r.occurred_on +
		',' +
		r.member_state +
		',' +
		r.channel +
		',' +
		b(r.relevant) +
		',' +
		r.decision +
		',' +
		s(r.recipient) +
		',' +
		s(r.category) +
		',' +
		s(r.shared_on) +
		',' +
		s(r.withholding_ground) +
		',' +
		b(r.weighing_documented) +
		',' +
		s(r.weighing_ref) +
		',' +
		b(r.terrorism_marker) +
		',' +
		b(r.context_provided) +
		',' +
		s(r.subject_ref)
	);
}

/** Header of the Dutch Excel export, in canonical field order. */
export const SHARING_NL_HEADER = [
	'Gebeurtenis-ID',
	'Datum',
	'Lidstaat',
	'Kanaal',
	'Relevant',
	'Besluit',
	'Ontvanger',
	'Categorie',
	'Gedeeld op',
	'Weigeringsgrond',
	'Afweging vastgelegd',
	'Afwegingskenmerk',
	'Terrorisme-markering',
	'Context meegegeven',
	'Subject-ref'
] as const;

const DECISION_NL: Record<Decision, string> = {
	shared: 'gedeeld',
	withheld: 'niet gedeeld',
	pending: 'in afwachting'
};
const GROUND_NL: Record<Ground, string> = {
	ongoing_investigation: 'lopend onderzoek',
	safety_of_persons: 'veiligheid van personen',
	third_party_consent: 'toestemming derde land',
	legal: 'juridisch',
	operational: 'operationeel',
	other: 'overig'
};

const jn = (v: boolean | null): string => (v === null ? '' : v ? 'ja' : 'nee');
const nlDate = (v: string | null): string => (v === null ? '' : dutchDate(v));

/** Fields of a row as a Dutch Excel export writes them (dd-mm-jjjj, ja/nee, Dutch values). */
export function sharingNlFields(r: SharingRow): string[] {
	return [
		r.event_id,
		dutchDate(r.occurred_on),
		r.member_state,
		r.channel,
		jn(r.relevant),
		DECISION_NL[r.decision],
		s(r.recipient),
		s(r.category),
		nlDate(r.shared_on),
		r.withholding_ground === null ? '' : GROUND_NL[r.withholding_ground],
		jn(r.weighing_documented),
		s(r.weighing_ref),
		jn(r.terrorism_marker),
		jn(r.context_provided),
		s(r.subject_ref)
	];
}
