import "server-only";
import { runningJob } from "../jobs/background-jobs";
import { AppError } from "../errors";
import { startRescoreJob } from "../jobs/rescore-job";
import { restoreRuleSet, saveRuleSet } from "./rule-sets";

export type SavedRules = { version: number; active: boolean; jobId: string | null };

// Two re-scores at once would race over the same leads with different rules, and the one
// that finished last would decide which version the scores belong to.
async function refuseWhileRescoring() {
  const jobId = await runningJob("rescore");
  if (jobId) {
    throw new AppError("CONFLICT", "Leads are still being re-scored with the last saved rules. Wait until that finishes, then save again; your edits are kept.", undefined, { jobId });
  }
}

function startRescore(userId: string | null, version: number): Promise<string> {
  return startRescoreJob(userId, { ruleSetVersion: version });
}

/** Saves a new version of the rules; an activated one re-scores every lead as a background job. */
export async function saveRules(input: { rules: unknown; note?: string; userId: string | null; activate?: boolean }): Promise<SavedRules> {
  const activate = input.activate ?? true;
  if (activate) await refuseWhileRescoring();
  const { version } = await saveRuleSet({ ...input, activate });
  return { version, active: activate, jobId: activate ? await startRescore(input.userId, version) : null };
}

export async function restoreRules(input: { version: number; userId: string }): Promise<SavedRules> {
  await refuseWhileRescoring();
  const { version } = await restoreRuleSet(input);
  return { version, active: true, jobId: await startRescore(input.userId, version) };
}
