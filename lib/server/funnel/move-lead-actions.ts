"use server";

import { z } from "zod";
import { MOVES, REASON_MAX_LENGTH } from "@/lib/core/funnel";
import { authorizedAction } from "../auth/authorized-action";
import { moveLead } from "./move-lead";

const moveLeadSchema = z.strictObject({
  leadId: z.string().min(1, "Which lead to move is missing."),
  version: z.number().int().positive(),
  move: z.enum(MOVES, { error: "Unknown move." }),
  reason: z.string().max(REASON_MAX_LENGTH, `The reason can be at most ${REASON_MAX_LENGTH} characters.`).optional(),
  reasonCode: z.string().max(100).optional(),
  checklist: z.record(z.string().max(50), z.boolean()).optional(),
  assigneeId: z.string().max(100).optional(),
  // Ranges and formats are the funnel's to check (lib/core/deal.ts), so its messages name the problem.
  dealValue: z.number({ error: "The deal value must be a number." }).optional(),
  closedOn: z.string().max(10, "The close date is YYYY-MM-DD.").optional(),
});

// As the move dialog labels its fields.
const labels = { reason: "Reason", reasonCode: "Reason from the list", checklist: "Qualification checklist", assigneeId: "Owner (sales rep)" };

export const moveLeadAction = authorizedAction({ schema: moveLeadSchema, permission: "leads.move", labels }, (input, user) => moveLead({ id: user.id, role: user.role }, input));
