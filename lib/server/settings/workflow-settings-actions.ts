"use server";

import { z } from "zod";
import { REASON_LISTS } from "@/lib/core/reasons";
import { checklistInputSchema, routingRulesSchema, slaSettingsSchema } from "@/lib/core/workflow-settings";
import { authorizedAction } from "../auth/authorized-action";
import { createReason, renameReason, reorderReasons, setReasonActive } from "./reason-lists";
import { saveQualificationChecklist, saveRoutingRules, saveSlaSettings } from "./workflow-settings";

export const saveSlaSettingsAction = authorizedAction({ schema: slaSettingsSchema, permission: "workflow.edit" }, (input, user) => saveSlaSettings(input, user.id));

export const saveRoutingRulesAction = authorizedAction({ schema: routingRulesSchema, permission: "workflow.edit" }, (input, user) => saveRoutingRules(input, user.id));

export const saveChecklistAction = authorizedAction({ schema: z.strictObject({ items: checklistInputSchema }), permission: "workflow.edit" }, (input, user) =>
  saveQualificationChecklist(input.items, user.id),
);

const reasonId = z.string().min(1, "Which reason to change is missing.").max(100);
const reasonLabel = z.string().trim().min(1, "Give the reason a label.").max(80, "A label can be at most 80 characters.");
// Which managed list: disqualification reasons unless the reject reasons are named.
const list = z.enum(REASON_LISTS, { error: "Unknown reason list." }).default("disqualification");
const labels = { label: "Label" };

export const createReasonAction = authorizedAction({ schema: z.strictObject({ list, label: reasonLabel }), permission: "workflow.edit", labels }, (input) =>
  createReason(input.list, input.label),
);

export const renameReasonAction = authorizedAction({ schema: z.strictObject({ list, id: reasonId, label: reasonLabel }), permission: "workflow.edit", labels }, (input) =>
  renameReason(input.list, input.id, input.label),
);

export const setReasonActiveAction = authorizedAction({ schema: z.strictObject({ list, id: reasonId, active: z.boolean() }), permission: "workflow.edit" }, (input) =>
  setReasonActive(input.list, input.id, input.active),
);

export const reorderReasonsAction = authorizedAction({ schema: z.strictObject({ list, ids: z.array(reasonId).min(1).max(500) }), permission: "workflow.edit" }, (input) =>
  reorderReasons(input.list, input.ids),
);
