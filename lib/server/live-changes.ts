import "server-only";
import { db } from "./db";

/**
 * A token that changes whenever any lead changes: moved, re-scored to a new score, given an owner, edited or
 * newly created. Every lead write sets Lead.updatedAt (Prisma's @updatedAt, and the raw SQL
 * of the ingestion path in sql/sqlite-store.ts), so the latest updatedAt is enough.
 *
 * Open boards and tables ask for it every few seconds, so it must stay cheap: ORDER BY
 * updatedAt DESC LIMIT 1 reads one entry at the end of the Lead(updatedAt) index
 * (EXPLAIN QUERY PLAN: "SCAN Lead USING INDEX Lead_updatedAt_idx", no sort step). Prisma's
 * aggregate _max would wrap the table in a subquery and scan the whole index instead.
 */
export async function liveChangeToken(): Promise<string> {
  const latest = await db.lead.findFirst({ orderBy: { updatedAt: "desc" }, select: { updatedAt: true } });
  return String(latest?.updatedAt.getTime() ?? 0);
}
