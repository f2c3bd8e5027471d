// Server-side error reports: the details (stack, driver message, server paths) go to the log
// under a short id; people see a message in words and the id, never the details.
import { randomUUID } from 'node:crypto';

/** A short reference, quoted to the user and found in the log. */
export function newErrorId(): string {
	return randomUUID().slice(0, 8);
}

/** Log `error` under a new id (or `id`) with where it happened; returns the id. */
export function logError(where: string, error: unknown, id: string = newErrorId()): string {
	console.error(`[error ${id}] ${where}:`, error);
	return id;
}
