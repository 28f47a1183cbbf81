import "server-only";
import type { JobWork } from "./background-jobs";
import { runningJob, startJob } from "./background-jobs";
import type { RescoreCheckpoint } from "../scoring/rescore-all";
import { runOnThread } from "./thread";

/** A re-score as a job, on a thread of its own: each slice's checkpoint commits with the slice, so a restart carries on after it. */
export const rescoreWork: JobWork = ({ jobId, checkpoint }) => runOnThread("rescore", { jobId, checkpoint: checkpoint as RescoreCheckpoint | null }, { fileChars: 0 });

/** Starts a re-score of every lead as a background job, unless one is already running. */
export async function startRescoreJob(createdById: string | null, payload?: { ruleSetVersion: number }): Promise<string> {
  const running = await runningJob("rescore");
  if (running) return running;
  return startJob({ kind: "rescore", createdById, payload }, rescoreWork);
}
