"use server";

import { z } from "zod";
import { authorizedAction } from "../auth/authorized-action";
import { getJob } from "../jobs/background-jobs";
import { AppError } from "../errors";
import { previewRules } from "./preview-rules";
import { validateRules, VERSION_NOTE_MAX_LENGTH } from "./rule-sets";
import { restoreRules, saveRules } from "./save-rules";

// The rules themselves are checked by the scoring rules schema (validateRules), which words
// its messages for the marketer and keys them by setting; here they only need to be present.
const rules = z.unknown();

export const previewRulesAction = authorizedAction({ schema: z.strictObject({ rules }), permission: "scoring.editRules" }, async (input) =>
  previewRules(await validateRules(input.rules)),
);

const saveRulesSchema = z.strictObject({
  rules,
  note: z.string().max(VERSION_NOTE_MAX_LENGTH, `The note can be at most ${VERSION_NOTE_MAX_LENGTH} characters.`).optional(),
});

export type SavedRules = { version: number; jobId: string };

export const saveRulesAction = authorizedAction({ schema: saveRulesSchema, permission: "scoring.editRules" }, async (input, user): Promise<SavedRules> => {
  const saved = await saveRules({ rules: input.rules, note: input.note, userId: user.id });
  return { version: saved.version, jobId: saved.jobId! };
});

export const restoreRuleSetAction = authorizedAction(
  { schema: z.strictObject({ version: z.int().positive() }), permission: "scoring.editRules" },
  async (input, user): Promise<SavedRules> => {
    const restored = await restoreRules({ version: input.version, userId: user.id });
    return { version: restored.version, jobId: restored.jobId! };
  },
);

/** Polled by the progress bar while leads are re-scored. */
export const getJobAction = authorizedAction({ schema: z.strictObject({ jobId: z.string().min(1).max(100) }), permission: "scoring.editRules" }, async (input) => {
  const job = await getJob(input.jobId);
  // Import jobs carry other people's files and row errors; this page only follows re-scores.
  if (job.kind !== "rescore") throw new AppError("NOT_FOUND", "This job no longer exists.");
  return job;
});
