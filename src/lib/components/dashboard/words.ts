// The words the dashboard shows for the codes of the data: statuses, grounds and file kinds.
import { m } from '$lib/paraglide/messages';

const statusWords: Record<string, () => string> = {
	implemented: m.dash_status_implemented,
	ongoing: m.dash_status_ongoing,
	in_progress: m.dash_status_in_progress,
	not_started: m.dash_status_not_started,
	not_applicable: m.dash_status_not_applicable,
	no_report: m.dash_status_no_report
};

/** The word for a status (null: no report); an unknown code as it is. */
export const statusWord = (s: string | null) =>
	(statusWords[s ?? 'no_report'] ?? (() => s ?? ''))();

const groundWords: Record<string, () => string> = {
	legal: m.dash_ground_legal,
	operational: m.dash_ground_operational,
	ongoing_investigation: m.dash_ground_ongoing_investigation,
	safety_of_persons: m.dash_ground_safety_of_persons,
	third_party_consent: m.dash_ground_third_party_consent,
	other: m.dash_ground_other,
	'(none)': m.dash_ground_none
};

/** The word for a ground of withholding; an unknown code as it is. */
export const groundWord = (g: string) => (groundWords[g] ?? (() => g))();

const kindWords: Record<string, () => string> = {
	sharing: m.dash_kind_sharing,
	actions: m.dash_kind_actions,
	retention: m.dash_kind_retention
};

/** The word for a kind of file; an unknown kind as it is. */
export const kindWord = (k: string) => (kindWords[k] ?? (() => k))();
