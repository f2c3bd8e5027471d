// Fixture factories: one row of each stored kind (a batch, a sharing decision, an action status,
// a retention record, a rejected row, a retention rule) with realistic defaults, written into a
// test database. Tests state only what matters to them; `extra` overrides any column.
import type { DuckDBConnection } from '@duckdb/node-api';

export type Value = string | number | boolean | null;
export type Extra = Record<string, Value>;
export type Kind = 'sharing' | 'actions' | 'retention';

/** Insert one row, every value bound as a parameter. */
export async function insertRow(con: DuckDBConnection, table: string, row: Extra): Promise<void> {
	const names = Object.keys(row);
	const sql = `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `$${n}`).join(', ')})`;
	await con.run(sql, row);
}

let sourceRow = 1;

/** An import batch of `kind`, imported on 1 Jan 2026 at noon unless extra says otherwise. */
export async function addBatch(
	con: DuckDBConnection,
	batchId: number,
	kind: Kind,
	extra: Extra = {}
): Promise<void> {
	await insertRow(con, 'batch', {
		batch_id: batchId,
		kind,
		file_name: `${kind}-${batchId}.csv`,
		file_format: 'csv',
		sha256: `sha-${batchId}`,
		profile: 'canonical',
		imported_at: '2026-01-01 12:00:00',
		imported_by: 'test',
		rows_read: 0,
		rows_accepted: 0,
		rows_rejected: 0,
		...extra
	});
}

/** An action status row of programme ROADMAP in batch 1, unless extra says otherwise. */
export async function addStatus(
	con: DuckDBConnection,
	actionId: string,
	actor: string,
	reportedOn: string,
	status: string,
	extra: Extra = {}
): Promise<void> {
	await insertRow(con, 'action_status', {
		batch_id: 1,
		source_row: ++sourceRow,
		programme: 'ROADMAP',
		action_id: actionId,
		actor,
		reported_on: reportedOn,
		status,
		...extra
	});
}

/** A relevant sharing row on 15 Jan 2026 over SIS in batch 1, unless extra says otherwise. */
export async function addSharing(
	con: DuckDBConnection,
	memberState: string,
	decision: string,
	extra: Extra = {}
): Promise<void> {
	await insertRow(con, 'sharing_event', {
		batch_id: 1,
		source_row: ++sourceRow,
		event_id: `E${sourceRow}`,
		occurred_on: '2026-01-15',
		member_state: memberState,
		channel: 'SIS',
		relevant: true,
		decision,
		...extra
	});
}

/** A SIS registration record in batch 1, unless extra says otherwise. */
export async function addRecord(
	con: DuckDBConnection,
	memberState: string,
	legalBasis: string,
	createdOn: string,
	extra: Extra = {}
): Promise<void> {
	await insertRow(con, 'retention_record', {
		batch_id: 1,
		source_row: ++sourceRow,
		record_id: `R${sourceRow}`,
		member_state: memberState,
		register: 'SIS',
		legal_basis: legalBasis,
		created_on: createdOn,
		kind: 'registration',
		...extra
	});
}

/** A rejected row of a batch: its row number, column, value and reason. */
export async function addReject(
	con: DuckDBConnection,
	batchId: number,
	rowNumber: number,
	column: string | null,
	value: string | null,
	message: string
): Promise<void> {
	await insertRow(con, 'reject', {
		batch_id: batchId,
		row_number: rowNumber,
		column_name: column,
		value,
		message
	});
}

/** A retention rule for tests (the shipped rules all have zero grace days). */
export async function addRule(
	con: DuckDBConnection,
	legalBasis: string,
	reviewMonths: number,
	maxMonths: number | null,
	graceDays = 0
): Promise<void> {
	await insertRow(con, 'retention_rule', {
		legal_basis: legalBasis,
		description: 'test rule',
		review_months: reviewMonths,
		max_retention_months: maxMonths,
		grace_days: graceDays,
		source: 'test'
	});
}
