import { expect, test } from "vitest";
import { noteBookkeepingTransaction, sameDataBetween } from "@/lib/server/store/postgres-snapshots";

// Snapshots as pg_current_snapshot() writes them: "xmin:xmax:in-progress,…". Transaction ids are
// far above the ones the test database uses, so none of its own writes is taken for these.
const base = 9_000_000_000n;
const xid = (n: number) => base + BigInt(n);
const snapshot = (xmin: number, xmax: number, inProgress: number[] = []) => `${xid(xmin)}:${xid(xmax)}:${inProgress.map(xid).join(",")}`;

test("two snapshots see the same data when every transaction that finished between them only took rate-limit tokens", () => {
  for (const bookkeeping of [10, 11, 7]) noteBookkeepingTransaction(String(xid(bookkeeping)));

  expect(sameDataBetween(snapshot(5, 10), snapshot(5, 10))).toBe(true);
  expect(sameDataBetween(snapshot(5, 10), snapshot(5, 12))).toBe(true);
  // 12 finished in between and wrote something else.
  expect(sameDataBetween(snapshot(5, 10), snapshot(5, 13))).toBe(false);
  // 12 is still running in the newer snapshot: nothing it wrote is seen yet.
  expect(sameDataBetween(snapshot(5, 10), snapshot(5, 13, [12]))).toBe(true);
  // 7 was running in the older snapshot and finished since: a bookkeeping one; 8 is not.
  expect(sameDataBetween(snapshot(5, 10, [7]), snapshot(8, 10))).toBe(true);
  expect(sameDataBetween(snapshot(5, 10, [8]), snapshot(9, 10))).toBe(false);
  // An older snapshot after a newer one, or too many transactions to check, counts as a change.
  expect(sameDataBetween(snapshot(5, 12), snapshot(5, 10))).toBe(false);
  expect(sameDataBetween(snapshot(5, 10), snapshot(5, 5_000))).toBe(false);
});
