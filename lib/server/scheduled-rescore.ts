import "server-only";
import { failInterruptedJobs, runningJob, startJob } from "./background-jobs";
import { rescoreAllLeads } from "./rescore-all";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Starts a re-score of every lead as a background job, unless one is already running. */
export async function startRescoreJob(createdById: string | null): Promise<string> {
  const running = await runningJob("rescore");
  if (running) return running;
  return startJob({ kind: "rescore", createdById }, (progress) => rescoreAllLeads((processed, total) => progress({ processed, total })));
}

/**
 * Scores decay with time, not only with new events: once a day the server re-scores every lead
 * so the board and lists show today's scores. `npm run rescore` does the same from a shell.
 */
export async function scheduleDailyRescore(): Promise<void> {
  await failInterruptedJobs();
  setInterval(() => void startRescoreJob(null).catch((error) => console.error("Daily re-score failed to start", error)), DAY_MS).unref();
}
