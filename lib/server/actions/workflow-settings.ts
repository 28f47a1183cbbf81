"use server";

import { z } from "zod";
import { checklistInputSchema, routingRulesSchema, slaSettingsSchema } from "@/lib/core/workflow-settings";
import { authorizedAction } from "../action";
import { createReason, renameReason, reorderReasons, setReasonActive } from "../disqualification-reasons";
import { saveQualificationChecklist, saveRoutingRules, saveSlaSettings } from "../workflow-settings";

const WORKFLOW_EDITORS = ["MANAGER", "ADMIN"] as const;

export const saveSlaSettingsAction = authorizedAction({ schema: slaSettingsSchema, roles: WORKFLOW_EDITORS }, (input, user) => saveSlaSettings(input, user.id));

export const saveRoutingRulesAction = authorizedAction({ schema: routingRulesSchema, roles: WORKFLOW_EDITORS }, (input, user) => saveRoutingRules(input, user.id));

export const saveChecklistAction = authorizedAction({ schema: z.strictObject({ items: checklistInputSchema }), roles: WORKFLOW_EDITORS }, (input, user) =>
  saveQualificationChecklist(input.items, user.id),
);

const reasonId = z.string().min(1, "Which reason to change is missing.").max(100);
const reasonLabel = z.string().trim().min(1, "Give the reason a label.").max(80, "A label can be at most 80 characters.");

export const createReasonAction = authorizedAction({ schema: z.strictObject({ label: reasonLabel }), roles: WORKFLOW_EDITORS }, (input) => createReason(input.label));

export const renameReasonAction = authorizedAction({ schema: z.strictObject({ id: reasonId, label: reasonLabel }), roles: WORKFLOW_EDITORS }, (input) =>
  renameReason(input.id, input.label),
);

export const setReasonActiveAction = authorizedAction({ schema: z.strictObject({ id: reasonId, active: z.boolean() }), roles: WORKFLOW_EDITORS }, (input) =>
  setReasonActive(input.id, input.active),
);

export const reorderReasonsAction = authorizedAction({ schema: z.strictObject({ ids: z.array(reasonId).min(1).max(500) }), roles: WORKFLOW_EDITORS }, (input) =>
  reorderReasons(input.ids),
);
