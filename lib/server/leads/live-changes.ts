import "server-only";
import { liveChangeStore } from "./live-change-store";
import { reads } from "../store/database";

// Longer than any difference between two instances' clocks, and than any write's time from
// reading its clock to its commit.
const LATE_WRITE_WINDOW_MS = 15_000;

/**
 * A token that changes whenever any lead changes: moved, re-scored to a new score, given an owner,
 * edited or newly created. Every lead write sets Lead.updatedAt (Prisma's @updatedAt, and the raw
 * SQL of the store's write paths). The latest updatedAt alone missed a write stamped earlier than
 * it: one from an instance whose clock runs behind, or one that read its clock before another
 * write but committed after it. Such a write still lands among the last few seconds' writes, so
 * the token also carries their count and the sum of their times, which it changes.
 */
export async function liveChangeToken(): Promise<string> {
  const recent = await liveChangeStore.recentLeadChanges(reads(), LATE_WRITE_WINDOW_MS);
  return recent ? `${recent.latest}-${recent.count}-${recent.sum}` : "0";
}
