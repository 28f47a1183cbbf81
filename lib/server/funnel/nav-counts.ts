import "server-only";
import { EMPTY_FILTERS } from "@/lib/core/lead-table";
import { can } from "@/lib/core/permissions";
import type { Role } from "@/lib/core/roles";
import type { NavCounts } from "@/lib/views/funnel";
import { filterContext } from "../leads/lead-table";
import type { FilterContext } from "../leads/lead-list-store";
import { leadListStore } from "../leads/lead-list-store";
import { reviewThreshold } from "./review-queue";
import { reads } from "../store/database";

/*
 * The counts use the conditions the review and the sales queue list by, so a badge matches the
 * page it leads to; each is a COUNT over a range of one of Lead's (stage, …) indexes.
 */

/** The review's first tab: LEADs scoring `minimumScore` or more. */
function countNearThreshold(minimumScore: number, context: FilterContext): Promise<number> {
  return leadListStore.count(reads(), { ...EMPTY_FILTERS, stages: ["LEAD"], score: { min: minimumScore, max: null } }, context);
}

/**
 * MQLs past the response SLA in one rep's queue — theirs and the unassigned ones, which any rep
 * may take — or, without a rep, in every rep's queue at once.
 */
async function countOverdueMqls(repId: string | null, context: FilterContext): Promise<number> {
  const overdue = (owner: string | null) => leadListStore.count(reads(), { ...EMPTY_FILTERS, stages: ["MQL"], owner, overdue: true }, context);
  if (repId === null) return overdue(null);
  // Two counts, each a single (stage, ownerId) index range, rather than an OR that SQLite may scan.
  const [own, unassigned] = await Promise.all([overdue(repId), overdue("unassigned")]);
  return own + unassigned;
}

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
