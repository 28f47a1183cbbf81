import "server-only";
import type Database from "better-sqlite3";
import { postgresRow } from "@/lib/server/store/postgres-sql";
import { preparedPerConnection } from "@/lib/server/store/sqlite-transaction";
import type { Queryable } from "@/lib/server/store/transaction";

/** What the latest lead writes look like: the latest Lead.updatedAt (ms), and the count and sum of those within `windowMs` of it. */
export type RecentLeadChanges = { latest: number; count: number; sum: string };

/** When the leads last changed: what open boards and tables poll to know whether to refresh. */
export interface LiveChangeStore {
  /** The latest lead writes, or undefined when there are no leads. */
  recentLeadChanges(q: Queryable, windowMs: number): Promise<RecentLeadChanges | undefined>;
}

// Polled every few seconds by every open board and table, so it must stay cheap: both reads are
// ranges at the end of the Lead(updatedAt) index (EXPLAIN QUERY PLAN: "SEARCH Lead USING COVERING
// INDEX Lead_updatedAt_idx"), however many leads there are.
const sqliteStatements = preparedPerConnection((connection: Database.Database) => ({
  latest: connection.prepare<[], { latest: number | null }>(`SELECT max(updatedAt) AS latest FROM "Lead"`),
  // As 64-bit integers: a sum of many times in milliseconds is past a double's exact range.
  recent: connection
    .prepare<[number], { count: bigint; sum: bigint }>(`SELECT count(*) AS count, coalesce(sum(updatedAt), 0) AS sum FROM "Lead" WHERE updatedAt >= ?`)
    .safeIntegers(true),
}));

export const liveChangeStore: LiveChangeStore = {
  async recentLeadChanges(q, windowMs) {
    if (q.engine === "postgres") {
      const row = await postgresRow<{ latest: string | null; count: string; sum: string }>(q, {
        name: "live_recent_lead_changes",
        text: `WITH latest AS (SELECT max("updatedAt") AS at FROM "Lead")
               SELECT (extract(epoch FROM latest.at) * 1000)::int8::text AS latest, count(l."updatedAt")::text AS count,
                      coalesce(sum((extract(epoch FROM l."updatedAt") * 1000)::int8), 0)::text AS sum
               FROM latest LEFT JOIN "Lead" l ON l."updatedAt" >= latest.at - make_interval(secs => $1::float8 / 1000)
               GROUP BY latest.at`,
        values: [windowMs],
      });
      return row?.latest ? { latest: Number(row.latest), count: Number(row.count), sum: row.sum } : undefined;
    }
    const statements = sqliteStatements(q);
    const { latest } = statements.latest.get()!;
    if (latest === null) return undefined;
    const { count, sum } = statements.recent.get(latest - windowMs)!;
    return { latest, count: Number(count), sum: String(sum) };
  },
};
