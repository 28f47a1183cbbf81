"use server";

import { z } from "zod";
import { MOVES, REASON_MAX_LENGTH } from "@/lib/core/funnel";
import { authorizedAction } from "../action";
import { moveLead } from "../move-lead";

const moveLeadSchema = z.strictObject({
  leadId: z.string().min(1, "Which lead to move is missing."),
  version: z.number().int().positive(),
  move: z.enum(MOVES, { error: "Unknown move." }),
  reason: z.string().max(REASON_MAX_LENGTH, `The reason can be at most ${REASON_MAX_LENGTH} characters.`).optional(),
  reasonCode: z.string().max(100).optional(),
  checklist: z.record(z.string().max(50), z.boolean()).optional(),
  assigneeId: z.string().max(100).optional(),
});

export const moveLeadAction = authorizedAction({ schema: moveLeadSchema }, (input, user) => moveLead({ id: user.id, role: user.role }, input));
