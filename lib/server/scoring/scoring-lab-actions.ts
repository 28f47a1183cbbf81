"use server";

import { z } from "zod";
import type { LabSettings } from "@/lib/core/scoring-lab/settings";
import { labSettingsSchema } from "@/lib/core/scoring-lab/settings";
import type { JobView } from "@/lib/views/jobs";
import type { BacktestAnswer, ModelView } from "@/lib/views/scoring";
import { authorizedAction } from "../auth/authorized-action";
import { getJob } from "../jobs/background-jobs";
import { AppError } from "../errors";
import { activeRuleSet } from "./lead-scoring";
import { validateRules } from "./rule-sets";
import type { SuggestionAnswer } from "./lab";
import { backtest, saveLabSettings, suggestRuleSet } from "./lab";
import { activateModel, deactivateModels, listModels, startModelTraining } from "./models";

// What the lab predicts and when an open lead counts as a no: for one run, or (managers) as the team's default.
const runSettings = {
  target: labSettingsSchema.shape.target.optional(),
  maturityDays: labSettingsSchema.shape.maturityDays.optional(),
};

export type LabBacktest = { report: BacktestAnswer; /** The version backtested; null for a draft. */ rulesVersion: number | null };

/**
 * A draft from the editor, or the active rules when none is sent. The draft is checked by the
 * scoring rules schema (validateRules), whose errors name the setting, as the preview's do.
 */
export const backtestRulesAction = authorizedAction(
  { schema: z.strictObject({ rules: z.unknown().optional(), ...runSettings }), permission: "scoringLab.use" },
  async (input): Promise<LabBacktest> => {
    if (input.rules !== undefined) {
      const rules = await validateRules(input.rules);
      return { report: await backtest({ rules, target: input.target, maturityDays: input.maturityDays }), rulesVersion: null };
    }
    const active = await activeRuleSet();
    return { report: await backtest({ rules: active.rules, target: input.target, maturityDays: input.maturityDays }), rulesVersion: active.version };
  },
);

export type LabSuggestion = SuggestionAnswer & { activeVersion: number };

export const suggestRulesAction = authorizedAction({ schema: z.strictObject(runSettings), permission: "scoringLab.use" }, async (input): Promise<LabSuggestion> => {
  const active = await activeRuleSet();
  return { ...(await suggestRuleSet({ active: active.rules, target: input.target, maturityDays: input.maturityDays })), activeVersion: active.version };
});

/** The team's defaults, also what models are trained with: a manager's decision. */
export const saveLabSettingsAction = authorizedAction({ schema: labSettingsSchema, permission: "scoringLab.setDefaults" }, async (input, user): Promise<LabSettings> => saveLabSettings(input, user.id));

export const listModelsAction = authorizedAction({ schema: z.strictObject({}), permission: "scoringLab.use" }, async (): Promise<ModelView[]> => listModels());

export const trainModelAction = authorizedAction(
  { schema: z.strictObject({ target: runSettings.target }), permission: "scoringLab.use" },
  async (input, user): Promise<{ model: ModelView; jobId: string }> => startModelTraining({ target: input.target, userId: user.id }),
);

const modelId = z.string().min(1, "Choose a model.").max(100);

/** Scores every lead with the model from now on: starts the re-score that fills in the probabilities. */
export const activateModelAction = authorizedAction(
  { schema: z.strictObject({ modelId }), permission: "scoringLab.use" },
  async (input): Promise<{ model: ModelView; jobId: string }> => activateModel(input.modelId),
);

export const deactivateModelsAction = authorizedAction({ schema: z.strictObject({}), permission: "scoringLab.use" }, async (): Promise<void> => deactivateModels());

/** Polled while a model trains, and during the re-score its activation starts. */
export const getLabJobAction = authorizedAction({ schema: z.strictObject({ jobId: z.string().min(1).max(100) }), permission: "scoringLab.use" }, async (input): Promise<JobView> => {
  const job = await getJob(input.jobId);
  // Import jobs carry other people's files and row errors; the lab only follows its own kinds.
  if (job.kind !== "train" && job.kind !== "rescore") throw new AppError("NOT_FOUND", "This job no longer exists.");
  return job;
});
