import "server-only";
import { can } from "@/lib/core/permissions";
import type { Role } from "@/lib/core/roles";
import { filterContext } from "./lead-table";
import { reviewThreshold } from "./review-queue";
import { countNearThreshold, countOverdueMqls } from "./sql/nav-count-store";

/** What waits for the viewer's action, for the navigation; null where their role has no such page. */
export type NavCounts = {
  /** Leads near or over the MQL threshold, waiting for a marketer's decision (the review's first tab). */
  review: number | null;
  /** MQLs past the response SLA: a rep's own and the unassigned ones; every rep's for managers. */
  overdue: number | null;
};

export async function navCounts(viewer: { id: string; role: Role }, now: Date = new Date()): Promise<NavCounts> {
  const reviews = can(viewer.role, "review.work");
  const queues = can(viewer.role, "queue.work");
  if (!reviews && !queues) return { review: null, overdue: null };
  const context = await filterContext(viewer.id, now);
  const [review, overdue] = await Promise.all([
    reviews ? countNearThreshold((await reviewThreshold()).minimumScore, context) : null,
    queues ? countOverdueMqls(can(viewer.role, "queue.viewAllReps") ? null : viewer.id, context) : null,
  ]);
  return { review, overdue };
}
