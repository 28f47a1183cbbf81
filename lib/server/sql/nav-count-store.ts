import "server-only";
import { EMPTY_FILTERS } from "@/lib/core/lead-table";
import { db } from "../db";
import type { FilterContext } from "../lead-table";
import { leadTableWhere } from "../lead-table";

/*
 * The navigation's counts, read on every page: COUNTs on Lead's (stage, …) indexes with the
 * conditions the review and the sales queue list by, so a badge matches the page it leads to.
 */

/** The review's first tab: LEADs scoring `minimumScore` or more, a range of the (stage, totalScore) index. */
export function countNearThreshold(minimumScore: number, context: FilterContext): Promise<number> {
  return db.lead.count({ where: leadTableWhere({ ...EMPTY_FILTERS, stages: ["LEAD"], score: { min: minimumScore, max: null } }, context) });
}

/**
 * MQLs past the response SLA in one rep's queue — theirs and the unassigned ones, which any rep
 * may take — or, without a rep, in every rep's queue at once.
 */
export async function countOverdueMqls(repId: string | null, context: FilterContext): Promise<number> {
  const overdue = (owner: string | null) => db.lead.count({ where: leadTableWhere({ ...EMPTY_FILTERS, stages: ["MQL"], owner, overdue: true }, context) });
  if (repId === null) return overdue(null);
  // Two counts, each a single (stage, ownerId) index range, rather than an OR that SQLite may scan.
  const [own, unassigned] = await Promise.all([overdue(repId), overdue("unassigned")]);
  return own + unassigned;
}
