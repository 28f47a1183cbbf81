import "server-only";

/*
 * Whether two PostgreSQL MVCC snapshots (pg_current_snapshot(), "xmin:xmax:xip,…") see the same
 * data apart from bookkeeping. A reader that keeps what it read under one snapshot (the
 * dashboard) may reuse it under a later one when every transaction that finished in between is
 * known to have written only bookkeeping rows, which such readers never read: an API request's
 * rate-limit token, taken before every request, would otherwise make each request read afresh.
 * Anything not known here (another instance's writes, an aborted transaction, too many
 * transactions to check) counts as a change: a wrong "changed" costs a fresh read, never a
 * stale answer.
 */

// Enough for this instance's last few thousand API requests; older ones no longer matter.
const BOOKKEEPING_KEPT = 4_096;
// Past this many finished transactions between two snapshots, checking costs more than it saves.
const MAX_CHECKED = 1_024;

const bookkeeping = new Set<bigint>();

/** Records that transaction `xid` (pg_current_xact_id()) wrote only bookkeeping rows. */
export function noteBookkeepingTransaction(xid: string): void {
  bookkeeping.add(BigInt(xid));
  if (bookkeeping.size > BOOKKEEPING_KEPT) bookkeeping.delete(bookkeeping.values().next().value!);
}

type Snapshot = { xmin: bigint; xmax: bigint; inProgress: Set<bigint> };

function parse(text: string): Snapshot {
  const [xmin, xmax, inProgress] = text.split(":");
  return { xmin: BigInt(xmin), xmax: BigInt(xmax), inProgress: new Set(inProgress ? inProgress.split(",").map(BigInt) : []) };
}

/** Finished as the snapshot sees it: committed (visible) or aborted. */
const finishedIn = (snapshot: Snapshot, xid: bigint) => xid < snapshot.xmax && !snapshot.inProgress.has(xid);

/** True when every transaction that finished between `older` and `newer` wrote only bookkeeping rows. */
export function sameDataBetween(older: string, newer: string): boolean {
  if (older === newer) return true;
  const before = parse(older);
  const after = parse(newer);
  if (after.xmax < before.xmax || after.xmin < before.xmin) return false;
  if (after.xmax - before.xmax + BigInt(before.inProgress.size) > MAX_CHECKED) return false;
  const candidates = [...before.inProgress];
  for (let xid = before.xmax; xid < after.xmax; xid++) candidates.push(xid);
  return candidates.every((xid) => !finishedIn(after, xid) || bookkeeping.has(xid));
}
