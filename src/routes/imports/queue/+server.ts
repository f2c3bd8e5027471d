// GET /imports/queue[?ticket=T]: the imports under way and waiting on this server's database,
// in the order they run, and (with the ticket an upload was sent with) where that upload is.
// The imports page polls it while an upload waits, to show its place in the queue.
import { json } from '@sveltejs/kit';
import { resolveDbPath } from '$lib/server/data';
import { queuePlace, queueStatus } from '$lib/server/ingest/writer';
import { isTicket } from '$lib/imports';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const db = resolveDbPath();
	const ticket = url.searchParams.get('ticket');
	return json(
		{
			queue: queueStatus(db),
			yours: ticket && isTicket(ticket) ? queuePlace(db, ticket) : null
		},
		{ headers: { 'cache-control': 'no-store' } }
	);
};
