// The header cells of a TableRegion.svelte (here, not in the component, so that plain
// TypeScript modules such as ../quality/columns.ts can name the type).

/** One header cell of a table. */
export interface TableColumn {
	label: string;
	/** A column of figures (right-aligned). */
	num?: boolean;
}
