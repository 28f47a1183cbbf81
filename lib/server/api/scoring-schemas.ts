import "server-only";
import { z } from "zod";
import { TARGETS } from "@/lib/core/scoring-lab/outcomes";
import { labSettingsSchema } from "@/lib/core/scoring-lab/settings";
import { VERSION_NOTE_MAX_LENGTH } from "../scoring/rule-sets";

const target = z.enum(TARGETS, { error: `One of ${TARGETS.join(", ")}.` }).optional();

// The rules themselves are checked by the scoring rules schema (validateRules), which names
// the setting each problem concerns; here they only need to be present.
export const backtestRequestSchema = z
  .strictObject({
    rules: z.unknown().optional(),
    version: z.int({ error: "A rule set version number." }).positive().optional(),
    target,
    maturityDays: labSettingsSchema.shape.maturityDays.optional(),
  })
  .refine((body) => body.rules === undefined || body.version === undefined, { error: "Give rules or a version, not both.", path: ["version"] });

export const suggestionRequestSchema = z.strictObject({ target, maturityDays: labSettingsSchema.shape.maturityDays.optional() });

export const ruleSetRequestSchema = z.strictObject({
  rules: z.unknown().refine((rules) => rules !== undefined, "Send the rules."),
  note: z.string().max(VERSION_NOTE_MAX_LENGTH, `At most ${VERSION_NOTE_MAX_LENGTH} characters.`).optional(),
  activate: z.boolean({ error: "true or false." }).optional(),
});

export const modelRequestSchema = z.strictObject({ target });
