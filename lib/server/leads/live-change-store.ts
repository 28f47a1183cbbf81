import "server-only";
import type { Queryable } from "@/lib/server/store/transaction";

/** When the leads last changed: what open boards and tables poll to know whether to refresh. */
export interface LiveChangeStore {
  /** The latest Lead.updatedAt; undefined: there are no leads. */
  latestLeadChange(q: Queryable): Promise<Date | undefined>;
}

// Written with the ORM, so the same implementation serves every engine the ORM supports.
export const liveChangeStore: LiveChangeStore = {
  // Polled every few seconds by every open board and table, so it must stay cheap: ORDER BY
  // updatedAt DESC LIMIT 1 reads one entry at the end of the Lead(updatedAt) index (EXPLAIN
  // QUERY PLAN: "SCAN Lead USING INDEX Lead_updatedAt_idx", no sort step). The ORM's aggregate
  // _max would wrap the table in a subquery and scan the whole index instead.
  latestLeadChange: async (q) => (await q.orm.lead.findFirst({ orderBy: { updatedAt: "desc" }, select: { updatedAt: true } }))?.updatedAt,
};
