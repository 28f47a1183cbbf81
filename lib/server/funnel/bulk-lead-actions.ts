"use server";

import { z } from "zod";
import { BULK_BATCH_SIZE, BULK_MATCHING_LIMIT, BULK_MOVES } from "@/lib/core/bulk";
import { REASON_MAX_LENGTH } from "@/lib/core/funnel";
import { parseLeadTableQuery } from "@/lib/core/lead-table";
import { authorizedAction } from "../auth/authorized-action";
import { bulkAssign, bulkMove } from "./bulk-leads";
import { filterContext, matchingLeadIds } from "../leads/lead-table";

const leadIds = z
  .array(z.string().min(1).max(100))
  .min(1, "Select at least one lead.")
  .max(BULK_BATCH_SIZE, `At most ${BULK_BATCH_SIZE} leads per batch.`);

const bulkMoveSchema = z.strictObject({
  leadIds,
  move: z.enum(BULK_MOVES, { error: "Unknown bulk action." }),
  reasonCode: z.string().max(100).optional(),
  reason: z.string().max(REASON_MAX_LENGTH, `The note can be at most ${REASON_MAX_LENGTH} characters.`).optional(),
});

export const bulkMoveAction = authorizedAction({ schema: bulkMoveSchema, permission: "leads.bulkMove", labels: { reasonCode: "Disqualification reason", reason: "Note" } }, (input, user) =>
  bulkMove({ id: user.id, role: user.role }, input),
);

const bulkAssignSchema = z.strictObject({ leadIds, assigneeId: z.string().min(1, "Choose the sales rep to assign the leads to.").max(100) });

export const bulkAssignAction = authorizedAction({ schema: bulkAssignSchema, permission: "leads.assign", labels: { assigneeId: "Assign to" } }, (input, user) =>
  bulkAssign({ id: user.id, role: user.role }, input),
);

const matchingSchema = z.strictObject({ query: z.string().max(4_000) });

/** The ids an "all matching the filter" action works on, in table order. */
export const matchingLeadIdsAction = authorizedAction({ schema: matchingSchema, permission: "leads.view" }, async (input, user) => {
  const { state } = parseLeadTableQuery(new URLSearchParams(input.query));
  const { ids, total } = await matchingLeadIds(state, await filterContext(user.id), BULK_MATCHING_LIMIT);
  return { ids, total, limit: BULK_MATCHING_LIMIT };
});
