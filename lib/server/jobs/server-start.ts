import "server-only";
import type { JobWork } from "./background-jobs";
import { resumeInterruptedJobs } from "./background-jobs";
import { importWork } from "../ingest/csv-import";
import { trainingWork } from "../scoring/models";
import { rescoreWork, startRescoreJob } from "./rescore-job";
import { DAY_MS } from "@/lib/core/time";
import type { JobKind } from "@/lib/views/jobs";


const WORK: Record<JobKind, JobWork> = { rescore: rescoreWork, import: importWork, train: trainingWork };

/** Carries on the jobs a restart interrupted; returns their ids. */
export async function resumeJobs(): Promise<string[]> {
  const resumed = await resumeInterruptedJobs((kind) => WORK[kind]);
  if (resumed.length > 0) console.log(`Resumed ${resumed.length} background job(s) a restart interrupted: ${resumed.join(", ")}`);
  return resumed;
}

/**
 * What the server starts in the background: the jobs a restart interrupted carry on, and once
 * a day every lead is re-scored so scores decay with time, not only with new events
 * (`npm run rescore` does the same from a shell).
 */
export async function startBackgroundWork(): Promise<void> {
  await resumeJobs();
  setInterval(() => void startRescoreJob(null).catch((error) => console.error("Daily re-score failed to start", error)), DAY_MS).unref();
}
