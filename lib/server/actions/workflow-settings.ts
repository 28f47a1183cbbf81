"use server";

import { z } from "zod";
import { REASON_LISTS } from "@/lib/core/reasons";
import { checklistInputSchema, routingRulesSchema, slaSettingsSchema } from "@/lib/core/workflow-settings";
import { authorizedAction } from "../action";
import { createReason, renameReason, reorderReasons, setReasonActive } from "../reason-lists";
import { saveQualificationChecklist, saveRoutingRules, saveSlaSettings } from "../workflow-settings";

const WORKFLOW_EDITORS = ["MANAGER", "ADMIN"] as const;

export const saveSlaSettingsAction = authorizedAction({ schema: slaSettingsSchema, roles: WORKFLOW_EDITORS }, (input, user) => saveSlaSettings(input, user.id));

export const saveRoutingRulesAction = authorizedAction({ schema: routingRulesSchema, roles: WORKFLOW_EDITORS }, (input, user) => saveRoutingRules(input, user.id));

export const saveChecklistAction = authorizedAction({ schema: z.strictObject({ items: checklistInputSchema }), roles: WORKFLOW_EDITORS }, (input, user) =>
  saveQualificationChecklist(input.items, user.id),
);

const reasonId = z.string().min(1, "Which reason to change is missing.").max(100);
const reasonLabel = z.string().trim().min(1, "Give the reason a label.").max(80, "A label can be at most 80 characters.");
// Which managed list: disqualification reasons unless the reject reasons are named.
const list = z.enum(REASON_LISTS, { error: "Unknown reason list." }).default("disqualification");
const labels = { label: "Label" };

export const createReasonAction = authorizedAction({ schema: z.strictObject({ list, label: reasonLabel }), roles: WORKFLOW_EDITORS, labels }, (input) =>
  createReason(input.list, input.label),
);

export const renameReasonAction = authorizedAction({ schema: z.strictObject({ list, id: reasonId, label: reasonLabel }), roles: WORKFLOW_EDITORS, labels }, (input) =>
  renameReason(input.list, input.id, input.label),
);

export const setReasonActiveAction = authorizedAction({ schema: z.strictObject({ list, id: reasonId, active: z.boolean() }), roles: WORKFLOW_EDITORS }, (input) =>
  setReasonActive(input.list, input.id, input.active),
);

export const reorderReasonsAction = authorizedAction({ schema: z.strictObject({ list, ids: z.array(reasonId).min(1).max(500) }), roles: WORKFLOW_EDITORS }, (input) =>
  reorderReasons(input.list, input.ids),
);
