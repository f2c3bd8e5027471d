// Names of coded values (statuses, categories, decisions, grounds, flags, kinds of file) and
// filter fields in the reader's language: one function, and one set of messages, per
// vocabulary. Unknown codes are shown as they are.
import { formatDate, formatMonth } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';

export function statusLabel(status: string | null | undefined): string {
	switch (status) {
		case 'implemented':
			return m.rec_status_implemented();
		case 'ongoing':
			return m.rec_status_ongoing();
		case 'in_progress':
			return m.rec_status_in_progress();
		case 'not_started':
			return m.rec_status_not_started();
		case 'not_applicable':
			return m.rec_status_not_applicable();
		case null:
		case undefined:
		case 'no_report':
			return m.rec_status_no_report();
		default:
			return status;
	}
}

export function categoryLabel(category: string): string {
	switch (category) {
		case 'implemented':
			return m.rec_category_implemented();
		case 'in_progress':
			return m.rec_status_in_progress();
		case 'not_started':
			return m.rec_status_not_started();
		case 'no_report':
			return m.rec_status_no_report();
		case 'overdue':
			return m.rec_category_overdue();
		case 'not_applicable':
			return m.rec_status_not_applicable();
		case 'applicable':
			return m.rec_category_applicable();
		case 'not_in_latest_round':
			return m.rec_category_not_in_latest_round();
		default:
			return category;
	}
}

export function decisionLabel(decision: string): string {
	switch (decision) {
		case 'shared':
			return m.rec_decision_shared();
		case 'withheld':
			return m.rec_decision_withheld();
		case 'pending':
			return m.rec_decision_pending();
		default:
			return decision;
	}
}

export function groundLabel(ground: string | null | undefined): string {
	switch (ground) {
		case 'legal':
			return m.rec_ground_legal();
		case 'operational':
			return m.rec_ground_operational();
		case 'ongoing_investigation':
			return m.rec_ground_ongoing_investigation();
		case 'safety_of_persons':
			return m.rec_ground_safety_of_persons();
		case 'third_party_consent':
			return m.rec_ground_third_party_consent();
		case 'other':
			return m.rec_ground_other();
		case null:
		case undefined:
		case '':
		case '(none)':
			return m.rec_ground_none();
		default:
			return ground;
	}
}

/** A kind of file (sharing log, action status, retention register). */
export function kindLabel(kind: string): string {
	switch (kind) {
		case 'sharing':
			return m.dash_kind_sharing();
		case 'actions':
			return m.dash_kind_actions();
		case 'retention':
			return m.dash_kind_retention();
		default:
			return kind;
	}
}

export function flagLabel(flag: string): string {
	switch (flag) {
		case 'overdue_review':
			return m.rec_flag_overdue_review();
		case 'past_retention':
			return m.rec_flag_past_retention();
		case 'missing_assessment':
			return m.rec_flag_missing_assessment();
		case 'compliant':
			return m.rec_flag_compliant();
		case 'active':
			return m.rec_flag_active();
		case 'late_deletion':
			return m.rec_flag_late_deletion();
		case 'no_rule':
			return m.rec_flag_no_rule();
		default:
			return flag;
	}
}

/** The label of a URL parameter, as shown in the active-filter list. */
export function paramLabel(key: string): string {
	switch (key) {
		case 'asOf':
			return m.rec_field_as_of();
		case 'from':
			return m.rec_field_from();
		case 'to':
			return m.rec_field_to();
		case 'programme':
			return m.rec_field_programme();
		case 'ms':
			return m.rec_field_member_state();
		case 'actor':
			return m.rec_field_actor();
		case 'channel':
			return m.rec_field_channel();
		case 'register':
			return m.rec_field_register();
		case 'legalBasis':
			return m.rec_field_legal_basis();
		case 'category':
			return m.rec_field_category();
		case 'chapter':
			return m.rec_field_chapter();
		case 'action':
			return m.rec_field_action();
		case 'decision':
			return m.rec_field_decision();
		case 'unjustified':
			return m.rec_field_unjustified();
		case 'ground':
			return m.rec_field_ground();
		case 'month':
			return m.rec_field_month();
		case 'flag':
			return m.rec_field_flag();
		case 'authority':
			return m.rec_field_authority();
		case 'round':
			return m.rec_field_round();
		case 'relevant':
			return m.rec_field_relevant();
		case 'q':
			return m.sup_search();
		case 'sort':
			return m.sup_field_sort();
		case 'dir':
			return m.sup_field_dir();
		default:
			return key;
	}
}

export function yesNo(value: boolean | null | undefined): string {
	if (value === null || value === undefined) return '–';
	return value ? m.rec_yes() : m.rec_no();
}

/** A URL parameter's value as shown in the active-filter list. */
export function paramValueLabel(key: string, value: string): string {
	switch (key) {
		case 'asOf':
		case 'from':
		case 'to':
			return formatDate(value);
		case 'month':
			return formatMonth(value);
		case 'category':
			return categoryLabel(value);
		case 'decision':
			return decisionLabel(value);
		case 'ground':
			return groundLabel(value);
		case 'flag':
			return flagLabel(value);
		case 'unjustified':
			return m.rec_yes();
		case 'relevant':
			return value === 'false' ? m.rec_relevant_false() : m.rec_relevant_true();
		case 'chapter':
			return value === '(none)' ? m.rec_no_chapter() : value;
		case 'authority':
			return value === '(none)' ? m.rec_no_authority() : value;
		case 'round':
			return m.rec_round_previous();
		default:
			return value;
	}
}

/**
 * The full name of a programme (action catalogue) whose code we know, in the reader's language;
 * null for any other code. Codes stay the identifiers (URLs, files, CLI); the name is shown
 * beside them, because "CT-AFG-2021" alone means nothing to a reader of a Kamerbrief annex.
 */
export function programmeName(code: string | null | undefined): string | null {
	switch (code) {
		case 'AIAJ':
			return m.prog_name_aiaj();
		case 'EU-ROADMAP-2016':
			return m.prog_name_eu_roadmap_2016();
		case 'CT-AFG-2021':
			return m.prog_name_ct_afg_2021();
		default:
			return null;
	}
}

/** A programme's code with its full name where we know it: "AIAJ – Actieprogramma …". */
export function programmeLabel(code: string): string {
	const name = programmeName(code);
	return name ? `${code} – ${name}` : code;
}

/** A mapping profile's name for people; the profile's own name (data/profiles/<name>.json) is
 * what the CLI takes, so it stays beside the label on the upload form. */
export function profileLabel(name: string): string {
	switch (name) {
		case 'canonical':
			return m.rec_profile_canonical();
		case 'nl-deellog':
			return m.rec_profile_nl_deellog();
		case 'nl-voortgang':
			return m.rec_profile_nl_voortgang();
		case 'nl-toezeggingen':
			return m.rec_profile_nl_toezeggingen();
		default:
			return name;
	}
}

/** A group of the changes between two reporting rounds (docs/metrics.md). */
export function changeGroupLabel(group: string): string {
	switch (group) {
		case 'improved':
			return m.chg_group_improved();
		case 'regressed':
			return m.chg_group_regressed();
		case 'newly_reported':
			return m.chg_group_newly_reported();
		case 'stopped_reporting':
			return m.chg_group_stopped_reporting();
		case 'reclassified':
			return m.chg_group_reclassified();
		case 'newly_overdue':
			return m.chg_group_newly_overdue();
		case 'changed':
			return m.chg_group_changed();
		default:
			return group;
	}
}

/** What a group of changes means, in a phrase. */
export function changeGroupDefinition(group: string): string {
	switch (group) {
		case 'improved':
			return m.chg_def_improved();
		case 'regressed':
			return m.chg_def_regressed();
		case 'newly_reported':
			return m.chg_def_newly_reported();
		case 'stopped_reporting':
			return m.chg_def_stopped_reporting();
		case 'reclassified':
			return m.chg_def_reclassified();
		case 'newly_overdue':
			return m.chg_def_newly_overdue();
		case 'changed':
			return m.chg_def_changed();
		default:
			return group;
	}
}
