// Simulated implementation progress of catalogue actions per responsible actor over reporting
// rounds, shared by the EU-roadmap and CT-AFG samples. Deterministic: every (programme,
// action, actor) pair draws from its own seeded PRNG, so the result does not depend on the
// order pairs are visited in.

import { expandResponsible } from './actors.ts';
import type { ActionStatus } from './aiaj.ts';
import { dayOf, isoOf } from './dates.ts';
import { chance, intBetween, rngFor, type Rng } from './prng.ts';
import { actionFields } from '../../src/lib/server/ingest/fields.ts';

// The importer's canonical fields: the samples are written exactly as it reads them.
export const ACTION_HEADER = actionFields;

export type ActionRow = Record<(typeof ACTION_HEADER)[number], string>;

export interface CatalogueAction {
	id: number;
	chapter: string;
	title: string;
	/** YYYY-MM-DD */
	deadline: string;
	/** Space-separated actor codes; MS = all 27 member states. */
	responsible: string;
	/** Continuously applied once in place: final status `ongoing` instead of `implemented`. */
	continuous?: boolean;
	/** Actors for whom the action does not apply, with the reason they report. */
	notApplicable?: Readonly<Record<string, string>>;
	/** Actors outside `responsible` who report anyway (e.g. Schengen-associated states). */
	alsoReporting?: readonly string[];
}

export interface Round {
	date: string;
	/** Document the round's reports were collected in (illustrative numbers). */
	evidenceRef: string;
}

export interface ProgrammeSpec {
	programme: string;
	seed: number;
	rounds: readonly Round[];
	actions: readonly CatalogueAction[];
	/** Probability that an actor skips a round (no row at all). */
	missingRate: number;
	/** Probability of an extra, random not_applicable pair. */
	randomNaRate: number;
}

const STATUS_TEXT: Record<ActionStatus, readonly string[]> = {
	not_started: [
		'Not started; national planning foresees work in {year}.',
		'Awaiting the outcome of the discussion in the working party.',
		'Not started \u2013 depends on progress at EU level.',
		'No resources allocated yet.'
	],
	in_progress: [
		'Work under way; about {pct}% of the planned steps completed.',
		'Technical changes & staff training in progress.\nLegal amendment pending in parliament.',
		'Pilot running with two regional units; "go-live" expected in Q{quarter} {year}.',
		'Coverage < 50% of the relevant units; roll-out continues.',
		'Coverage > 80% of the relevant units; remaining units follow in {year}.',
		'Procedures being adapted.\nFirst results reported to the working party.',
		'In progress: national guidelines drafted; consultation with the DPA & prosecution service.'
	],
	implemented: [
		'Implemented.',
		'Completed; see the national report for details.',
		'Done \u2013 applied to all new cases & legacy cases reviewed.',
		'Implemented on schedule; "lessons learned" shared with partners.'
	],
	ongoing: [
		'Applied continuously as standing practice.',
		'Standing practice; monitored <quarterly> by the national coordinator.',
		'Ongoing: part of the regular work processes since {year}.'
	],
	not_applicable: ['Not applicable: {reason}.']
};

function fill(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

/** Per-actor tendency to finish late (days), stable across programmes. */
function actorDelay(seed: number, actor: string): number {
	const rng = rngFor(seed, `delay:${actor}`);
	const u = rng();
	return Math.round(-60 + 420 * u * u);
}

interface PairPlan {
	startDay: number;
	finishDay: number;
	naReason: string | null;
}

function planPair(spec: ProgrammeSpec, action: CatalogueAction, actor: string, rng: Rng): PairPlan {
	const deadline = dayOf(action.deadline);
	let naReason = action.notApplicable?.[actor] ?? null;
	if (naReason === null && chance(rng, spec.randomNaRate)) {
		naReason = 'no national competence for this action';
	}
	// Lateness: mostly around the deadline, with a long tail of late or never-finished pairs.
	const u = rng();
	let lateness: number;
	if (u < 0.45) lateness = intBetween(rng, -240, 0);
	else if (u < 0.8) lateness = intBetween(rng, 1, 480);
	else if (u < 0.93) lateness = intBetween(rng, 481, 1400);
	else lateness = 5000; // not finished within the sample's horizon
	const finishDay = deadline + lateness + actorDelay(spec.seed, actor);
	const startDay = finishDay - intBetween(rng, 150, 720);
	return { startDay, finishDay, naReason };
}

/** Status rows of one programme: every responsible actor, every round (minus skipped ones). */
export function* programmeRows(spec: ProgrammeSpec): Generator<ActionRow> {
	for (const action of spec.actions) {
		const actors = [...expandResponsible(action.responsible), ...(action.alsoReporting ?? [])];
		for (const actor of actors) {
			const rng = rngFor(spec.seed, `${spec.programme}:${action.id}:${actor}`);
			const plan = planPair(spec, action, actor, rng);
			for (const round of spec.rounds) {
				if (chance(rng, spec.missingRate)) continue; // no report from this actor this round
				const day = dayOf(round.date);
				let status: ActionStatus;
				let pct = '';
				let value = 0;
				if (plan.naReason !== null) status = 'not_applicable';
				else if (day < plan.startDay) status = 'not_started';
				else if (day < plan.finishDay) {
					status = 'in_progress';
					const share = (day - plan.startDay) / (plan.finishDay - plan.startDay);
					value = Math.min(95, Math.max(5, Math.round((share * 100) / 5) * 5));
					pct = chance(rng, 0.25) ? '' : String(value);
				} else status = action.continuous ? 'ongoing' : 'implemented';

				const templates = STATUS_TEXT[status];
				const template = templates[Math.floor(rng() * templates.length)];
				const roundYear = Number(round.date.slice(0, 4));
				const stateOfPlay = chance(rng, 0.08)
					? ''
					: fill(template, {
							pct: value,
							year: status === 'ongoing' ? isoOf(plan.finishDay).slice(0, 4) : roundYear + 1,
							quarter: 1 + Math.floor(rng() * 4),
							reason: plan.naReason ?? ''
						});
				yield {
					programme: spec.programme,
					action_id: String(action.id),
					actor,
					reported_on: round.date,
					status,
					title: action.title,
					chapter: action.chapter,
					deadline: action.deadline,
					responsible: action.responsible,
					planning: '',
					state_of_play: stateOfPlay,
					recent_developments: '',
					completion_pct: pct,
					evidence_ref: chance(rng, 0.1) ? '' : round.evidenceRef
				};
			}
		}
	}
}
