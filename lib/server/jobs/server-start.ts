import "server-only";
import { requeueUnheldJobs, resumeInterruptedJobs, startJobWorkers } from "./background-jobs";
import { JOB_WORK } from "./job-work";
import { startRescoreJob } from "./rescore-job";
import { DAY_MS } from "@/lib/core/time";
import { databaseEngine } from "@/lib/database-url";
import { databaseUrl } from "@/lib/env";
import { SLA_NOTICE_INTERVAL_MS } from "../notifications/notifications";
import { startWebhookDispatcher } from "../webhooks/webhook-dispatcher";
import { startEmailDispatcher } from "../email/email-dispatcher";
import { slaChecks } from "./sla-checks";

/**
 * Carries on the jobs a restart interrupted; returns their ids. On SQLite this process runs
 * them; on PostgreSQL they are queued again for any instance, once their leases have run out.
 */
export async function resumeJobs(): Promise<string[]> {
  const resumed = databaseEngine(databaseUrl()) === "postgres" ? await requeueUnheldJobs() : await resumeInterruptedJobs((kind) => JOB_WORK[kind]);
  if (resumed.length > 0) console.log(`Resumed ${resumed.length} background job(s) a restart interrupted: ${resumed.join(", ")}`);
  return resumed;
}

const JOIN_RETRY_MS = 5_000;

/**
 * Joins the job queue without holding up the server's start: requests are served meanwhile, and
 * a database that is not reachable yet is tried again until it is.
 */
function joinJobQueue(): void {
  startJobWorkers().catch((error) => {
    console.error(`Could not join the job queue; trying again in ${JOIN_RETRY_MS / 1000} s`, error);
    setTimeout(joinJobQueue, JOIN_RETRY_MS).unref();
  });
}

/**
 * What the server starts in the background. On SQLite: the jobs a restart interrupted carry on,
 * once a day every lead is re-scored so scores decay with time, not only with new events
 * (`npm run rescore` does the same from a shell), and at start and each minute after, reps are
 * told of MQLs near or past the response SLA (and webhooks of breaches). On PostgreSQL this instance joins the job queue, which takes over
 * interrupted jobs and schedules the daily re-score and the minute's SLA checks once for all
 * instances (job-queue-store.ts). On both, this instance sends the webhook deliveries due
 * (webhook-dispatcher.ts) and, when e-mail is set up, the e-mails (email-dispatcher.ts).
 */
export async function startBackgroundWork(): Promise<void> {
  startWebhookDispatcher();
  startEmailDispatcher();
  if (databaseEngine(databaseUrl()) === "postgres") {
    joinJobQueue();
    return;
  }
  await resumeJobs();
  setInterval(() => void startRescoreJob(null).catch((error) => console.error("Daily re-score failed to start", error)), DAY_MS).unref();
  const minute = () => void slaChecks().catch((error) => console.error("SLA checks failed", error));
  minute();
  setInterval(minute, SLA_NOTICE_INTERVAL_MS).unref();
}
