// `cosi audit verify` (exit 0 intact, 4 broken) and `cosi audit export`.
import { isIsoDate } from '../lib/dates.ts';
import { exportAudit, verifyChain } from '../lib/server/audit.ts';
import { parse, UsageError } from './args.ts';
import type { Io } from './io.ts';

/** Exit code of `audit verify` when the chain is broken. */
export const BROKEN_EXIT = 4;

function dateFlag(name: string, value: string | undefined): string | null {
	if (value === undefined) return null;
	if (!isIsoDate(value)) {
		throw new UsageError(`invalid --${name}: ${JSON.stringify(value)} (expected YYYY-MM-DD)`);
	}
	return value;
}

export async function auditCommand(args: string[], io: Io): Promise<number> {
	const [sub, ...rest] = args;
	switch (sub) {
		case 'verify': {
			const { values } = parse(rest, {});
			return io.withStore(values.db, async (store) => {
				const report = await verifyChain(store.connection);
				if (values.json) io.out(JSON.stringify(report, null, 2));
				else if (report.intact) {
					io.out(
						report.head
							? `audit trail intact: ${report.entries} entries; last entry ${report.head.seq}, hash ${report.head.hash}\n(keep the last entry's number and hash elsewhere: only they show that entries were cut off the end)`
							: 'audit trail intact: no entries yet'
					);
				} else {
					const b = report.firstBroken!;
					io.out(
						`audit trail BROKEN at entry ${b.seq} (${b.reason}): ${b.message}\n${report.entries} entries; entries from ${b.seq} on cannot be trusted`
					);
				}
				return report.intact ? 0 : BROKEN_EXIT;
			});
		}
		case 'export': {
			const { values } = parse(rest, { from: { type: 'string' }, to: { type: 'string' } });
			const from = dateFlag('from', values.from);
			const to = dateFlag('to', values.to);
			if (from && to && from > to) {
				throw new UsageError(`invalid period: --from ${from} is after --to ${to}`);
			}
			return io.withStore(values.db, async (store) => {
				const filter = { from, to, actor: null, action: null, memberState: null, scope: null };
				let first = true;
				if (values.json) io.out('[');
				for await (const e of exportAudit(store.connection, filter)) {
					if (values.json) {
						io.out(`${first ? '' : ','}${JSON.stringify(e)}`);
					} else {
						const states = e.memberStates === null ? 'all' : e.memberStates.join(' ') || '-';
						io.out(
							`${e.seq}\t${e.at}\t${e.actor}\t${e.action}\t${states}\t${JSON.stringify(e.details)}`
						);
					}
					first = false;
				}
				if (values.json) io.out(']');
				return 0;
			});
		}
		default:
			throw new UsageError(
				`audit needs verify or export${sub ? ` (not ${JSON.stringify(sub)})` : ''}`
			);
	}
}
