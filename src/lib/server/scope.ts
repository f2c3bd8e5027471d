// What a caller may see, as the data gate (`$lib/server/data`) binds it into every query.
//
// Two dimensions, because the roles differ in both: a reviewer sees every member state's
// figures but no record-level rows; a ministry sees every state's figures but only its own
// rows; a supervisor sees figures and rows of the states in their scope only.

/** Member-state codes, or null for "all member states". */
export type StateSet = readonly string[] | null;

/** Who reads (a signed-in user): the gate records each view of record-level rows for them. */
export interface Reader {
	username: string;
	/** The public id of the API token used, if any. */
	apiToken: string | null;
	/** The path of the request, as the audit entry names it. */
	route: string;
}

export interface Scope {
	/** States whose figures (aggregates, action statuses) may be read; null = all. */
	figures: StateSet;
	/** States whose record-level rows (sharing, retention, import contents) may be read; null = all, [] = none. */
	records: StateSet;
	/** The signed-in reader, when there is one (not the CLI, not tests of figures). */
	reader?: Reader;
}

/** Everything: the CLI on its own file, and the server until sign-in supplies a narrower scope. */
export const fullScope: Scope = Object.freeze({ figures: null, records: null });

/** Whether `set` lets the caller see `state`. */
export function allows(set: StateSet, state: string): boolean {
	return set === null || set.includes(state);
}

/** A stable text for cache keys and audit entries: "*" for all, else the sorted codes. */
export function scopeKey(scope: Scope): string {
	const key = (s: StateSet) => (s === null ? '*' : [...s].sort().join(','));
	return `${key(scope.figures)}|${key(scope.records)}`;
}
