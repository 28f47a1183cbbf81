import "server-only";
import PgBoss from "pg-boss";
import { postgresUrl } from "@/lib/database-url";
import { databaseUrl, jobLeaseMs } from "@/lib/env";
import { postgresStore } from "../store/postgres-database";
import type { Tx } from "../store/transaction";
import { postgresConnection } from "../store/postgres-transaction";

/*
 * Background jobs on PostgreSQL go through pg-boss, a maintained job queue that keeps its queue
 * in the same database (schema `pgboss`): a job is queued in the transaction that stores it, any
 * instance picks it up, a handler that throws is retried with back-off, and the daily re-score
 * is scheduled once for all instances. The job's own row (BackgroundJob) stays what pages show:
 * status, progress and checkpoint. An instance holds a job under a lease it renews while it works
 * (background-jobs.ts); when an instance dies its leases run out, and the sweep here queues those
 * jobs again for another instance to carry on from their last checkpoint.
 * We chose pg-boss over graphile-worker for its queue-per-name model with retries and cron
 * built in, and because its last release that runs on Node 20 (10.4) is a recent one.
 */

const JOBS = "leadgate-jobs";
const DAILY_RESCORE = "leadgate-daily-rescore";
const SLA_NOTICES = "leadgate-sla-notices";
// pg-boss gives up on a handler after this long; the lease, not this, decides takeovers.
const HANDLER_EXPIRY_HOURS = 4;
// Jobs one instance works on at once.
const WORKERS = 2;

export type JobHandlers = { run(jobId: string): Promise<void>; sweep(): Promise<string[]>; dailyRescore(): Promise<void>; slaChecks(): Promise<void> };

type Queue = { url: string; boss: PgBoss; sweeper: NodeJS.Timeout };
const globalForQueue = globalThis as unknown as { leadgateJobQueue?: Promise<Queue> };

/** Starts this instance's side of the queue (once): workers, the daily re-score and the SLA notices each minute, and the lease sweep. */
export function startJobQueue(handlers: JobHandlers): Promise<Queue> {
  const url = postgresUrl(databaseUrl());
  const running = globalForQueue.leadgateJobQueue;
  if (running) return running;
  const started = start(url, handlers);
  globalForQueue.leadgateJobQueue = started;
  started.catch(() => (globalForQueue.leadgateJobQueue = undefined));
  return started;
}

// Instances starting at once would create the queue's tables and queues at once, and deadlock
// (seen with two servers started together): each takes this lock for its set-up.
const SET_UP_LOCK = 4_242_001;

async function setUpOnce(boss: PgBoss): Promise<void> {
  const lock = await postgresStore().pool.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [SET_UP_LOCK]);
    await boss.start();
    if (!(await boss.getQueue(JOBS))) await boss.createQueue(JOBS, { name: JOBS, retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInHours: HANDLER_EXPIRY_HOURS });
    if (!(await boss.getQueue(DAILY_RESCORE))) await boss.createQueue(DAILY_RESCORE, { name: DAILY_RESCORE, retryLimit: 2, retryDelay: 60 });
    // The next minute's run does the work of a failed one.
    if (!(await boss.getQueue(SLA_NOTICES))) await boss.createQueue(SLA_NOTICES, { name: SLA_NOTICES, retryLimit: 0, expireInSeconds: 50 });
  } finally {
    await lock.query("SELECT pg_advisory_unlock($1)", [SET_UP_LOCK]).catch(() => undefined);
    lock.release();
  }
}

async function start(url: string, handlers: JobHandlers): Promise<Queue> {
  const boss = new PgBoss({ connectionString: url, max: 3, application_name: "leadgate-jobs", schema: "pgboss" });
  boss.on("error", (error) => console.error("Job queue error", error));
  await setUpOnce(boss);
  for (let worker = 0; worker < WORKERS; worker++) {
    await boss.work<{ jobId: string }>(JOBS, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => handlers.run(job.data.jobId));
  }
  await boss.work(DAILY_RESCORE, async () => handlers.dailyRescore());
  await boss.schedule(DAILY_RESCORE, "0 3 * * *", {}, { tz: "UTC" });
  await boss.work(SLA_NOTICES, async () => handlers.slaChecks());
  await boss.schedule(SLA_NOTICES, "* * * * *", {}, { tz: "UTC" });
  const sweepEveryMs = Math.max(1_000, Math.floor(jobLeaseMs() / 3));
  const sweeper = setInterval(() => void sweep(boss, handlers).catch((error) => console.error("Job lease sweep failed", error)), sweepEveryMs);
  sweeper.unref();
  return { url, boss, sweeper };
}

async function sweep(boss: PgBoss, handlers: JobHandlers): Promise<string[]> {
  const ids = await handlers.sweep();
  for (const jobId of ids) await boss.send(JOBS, { jobId }, { singletonKey: jobId });
  return ids;
}

/** Queues again every unfinished job no instance holds (leases run out included); returns their ids. */
export async function sweepJobLeases(handlers: JobHandlers): Promise<string[]> {
  const { boss } = await startJobQueue(handlers);
  return sweep(boss, handlers);
}

/** Queues a stored job inside the transaction that stored it (PostgreSQL): both commit, or neither. */
export async function enqueueJob(tx: Tx, jobId: string, handlers: JobHandlers): Promise<void> {
  const { boss } = await startJobQueue(handlers);
  const connection = postgresConnection(tx);
  await boss.send(JOBS, { jobId }, { db: { executeSql: (text, values) => connection.query(text, values) } });
}

/** Stops this instance's workers and sweep (tests and scripts); jobs it held are taken over once their leases run out. */
export async function stopJobQueue(): Promise<void> {
  const running = globalForQueue.leadgateJobQueue;
  globalForQueue.leadgateJobQueue = undefined;
  if (!running) return;
  const queue = await running.catch(() => undefined);
  if (!queue) return;
  clearInterval(queue.sweeper);
  await queue.boss.stop({ graceful: false, wait: true, close: true });
}
