// The choices of a filter's drop-down list.

export interface Option {
	value: string;
	label: string;
}

/** Keep a value that the URL names but the list lacks, so the form shows what is in effect. */
export function withCurrent(options: readonly Option[], current: string | null): Option[] {
	return current && !options.some((o) => o.value === current)
		? [...options, { value: current, label: current }]
		: [...options];
}
