"use server";

import { z } from "zod";
import { authorizedAction } from "../action";
import { getJob, runningJob, startJob } from "../background-jobs";
import { AppError } from "../errors";
import { previewRules } from "../preview-rules";
import { rescoreAllLeads } from "../rescore-all";
import { restoreRuleSet, saveRuleSet, validateRules, VERSION_NOTE_MAX_LENGTH } from "../rule-sets";

const SCORING_EDITORS = ["MARKETER", "MANAGER"] as const;

// The rules themselves are checked by the scoring rules schema (validateRules), which words
// its messages for the marketer and keys them by setting; here they only need to be present.
const rules = z.unknown();

export const previewRulesAction = authorizedAction({ schema: z.strictObject({ rules }), roles: SCORING_EDITORS }, async (input) =>
  previewRules(await validateRules(input.rules)),
);

const saveRulesSchema = z.strictObject({
  rules,
  note: z.string().max(VERSION_NOTE_MAX_LENGTH, `The note can be at most ${VERSION_NOTE_MAX_LENGTH} characters.`).optional(),
});

export type SavedRules = { version: number; jobId: string };

export const saveRulesAction = authorizedAction({ schema: saveRulesSchema, roles: SCORING_EDITORS }, async (input, user): Promise<SavedRules> => {
  await refuseWhileRescoring();
  const { version } = await saveRuleSet({ rules: input.rules, note: input.note, userId: user.id });
  return { version, jobId: await startRescore(user.id, version) };
});

export const restoreRuleSetAction = authorizedAction(
  { schema: z.strictObject({ version: z.int().positive() }), roles: SCORING_EDITORS },
  async (input, user): Promise<SavedRules> => {
    await refuseWhileRescoring();
    const { version } = await restoreRuleSet({ version: input.version, userId: user.id });
    return { version, jobId: await startRescore(user.id, version) };
  },
);

/** Polled by the progress bar while leads are re-scored. */
export const getJobAction = authorizedAction({ schema: z.strictObject({ jobId: z.string().min(1).max(100) }), roles: SCORING_EDITORS }, async (input) => {
  const job = await getJob(input.jobId);
  // Import jobs carry other people's files and row errors; this page only follows re-scores.
  if (job.kind !== "rescore") throw new AppError("NOT_FOUND", "This job no longer exists.");
  return job;
});

// Two re-scores at once would race over the same leads with different rules, and the one
// that finished last would decide which version the scores belong to.
async function refuseWhileRescoring() {
  const jobId = await runningJob("rescore");
  if (jobId) {
    throw new AppError("CONFLICT", "Leads are still being re-scored with the last saved rules. Wait until that finishes, then save again; your edits are kept.", undefined, { jobId });
  }
}

function startRescore(userId: string, version: number): Promise<string> {
  return startJob({ kind: "rescore", createdById: userId, payload: { ruleSetVersion: version } }, (progress) =>
    rescoreAllLeads((processed, total) => progress({ processed, total })),
  );
}
