import "server-only";
import { liveChangeStore } from "./live-change-store";
import { reads } from "../store/database";

/**
 * A token that changes whenever any lead changes: moved, re-scored to a new score, given an owner, edited or
 * newly created. Every lead write sets Lead.updatedAt (Prisma's @updatedAt, and the raw SQL
 * of the ingestion path in sql/sqlite-store.ts), so the latest updatedAt is enough. Open boards
 * and tables ask for it every few seconds: the store reads it from the end of an index.
 */
export async function liveChangeToken(): Promise<string> {
  const latest = await liveChangeStore.latestLeadChange(reads());
  return String(latest?.getTime() ?? 0);
}
