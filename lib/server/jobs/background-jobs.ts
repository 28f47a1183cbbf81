import "server-only";
import type { JobKind, JobStatus, JobView } from "@/lib/views/jobs";
import { jobLeaseMs } from "@/lib/env";
import { AppError } from "../errors";
import { JobLeaseLost, jobStore } from "./job-store";
import type { JobHandlers } from "./job-queue-store";
import { enqueueJob, startJobQueue, sweepJobLeases } from "./job-queue-store";
import { runnerId } from "./runner";
import { engine, reads, transaction } from "../store/database";

export type JobProgress = (progress: { processed: number; total: number; failed?: number }) => Promise<void>;

/**
 * What a job's work gets: its payload, where it stood when a
 * restart interrupted it (null on a fresh start), and a way to report progress that isn't
 * written with the work. Work that checkpoints calls jobStore.saveStep inside its own transactions.
 */
export type JobContext = { jobId: string; payload: unknown; checkpoint: unknown; progress: JobProgress };
export type JobWork = (context: JobContext) => Promise<unknown>;

const PROGRESS_WRITE_INTERVAL_MS = 250;

/**
 * Starts work that outlives the request: the job row records status and progress for the
 * page that polls it. On SQLite the work runs in this server process, and if the server stops,
 * the next start carries it on from its last checkpoint (resumeInterruptedJobs). On PostgreSQL
 * it is queued with the row, in the same transaction, and any instance runs it (runLeased).
 */
export async function startJob(input: { kind: JobKind; createdById: string | null; payload?: unknown }, work: JobWork): Promise<string> {
  const payload = input.payload ?? {};
  const jobId = await transaction(async (tx) => {
    const id = await jobStore.insert(tx, { kind: input.kind, createdById: input.createdById, payload: JSON.stringify(payload) });
    if (tx.engine === "postgres") await enqueueJob(tx, id, postgresHandlers);
    return id;
  });
  if (engine() === "sqlite") void runJob(jobId, work, { payload, checkpoint: null });
  return jobId;
}

/** Runs a job whose row is already stored (an import's, written with its file on the import's thread). */
export async function runStoredJob(jobId: string, payload: unknown, work: JobWork): Promise<void> {
  if (engine() === "sqlite") {
    void runJob(jobId, work, { payload, checkpoint: null });
    return;
  }
  // Were this instance to stop before the job is queued, the sweep queues it (job-queue-store.ts).
  await transaction(async (tx) => enqueueJob(tx, jobId, postgresHandlers));
}

const postgresHandlers: JobHandlers = {
  run: (jobId) => runLeased(jobId),
  sweep: () => transaction((tx) => jobStore.releaseExpiredLeases(tx, Date.now())),
  async dailyRescore() {
    const { startRescoreJob } = await import("./rescore-job");
    await startRescoreJob(null);
  },
  async slaChecks() {
    const { slaChecks } = await import("./sla-checks");
    await slaChecks();
  },
};

/** Joins this instance to the job queue (PostgreSQL): it picks up queued jobs and takes over those whose instance stopped. */
export async function startJobWorkers(): Promise<void> {
  await startJobQueue(postgresHandlers);
}

/** Queues again, now, every unfinished job no instance holds (PostgreSQL; the queue's sweep does it on its own). */
export async function requeueUnheldJobs(): Promise<string[]> {
  await startJobWorkers();
  return sweepJobLeases(postgresHandlers);
}

/**
 * Runs a queued job on this instance if no other holds it (PostgreSQL). The lease is renewed
 * while the work goes on; every step the work commits checks it (jobStore.saveStep), so once
 * another instance has taken the job over, nothing more of this run is written.
 */
async function runLeased(jobId: string): Promise<void> {
  const runner = runnerId();
  const leaseMs = jobLeaseMs();
  const claimed = await transaction((tx) => jobStore.claim(tx, jobId, runner, Date.now() + leaseMs));
  if (!claimed) return;
  const renewal = setInterval(() => {
    void transaction((tx) => jobStore.renewLease(tx, jobId, runner, Date.now() + leaseMs)).catch((error) => console.error(`Could not renew the lease of job ${jobId}`, error));
  }, leaseMs / 3);
  renewal.unref();
  try {
    const { JOB_WORK } = await import("./job-work");
    const checkpoint = claimed.checkpoint === null ? null : (JSON.parse(claimed.checkpoint) as unknown);
    await runJob(jobId, JOB_WORK[claimed.kind as JobKind], { payload: JSON.parse(claimed.payload) as unknown, checkpoint });
  } finally {
    clearInterval(renewal);
  }
}

async function runJob(jobId: string, work: JobWork, start: Pick<JobContext, "payload" | "checkpoint">) {
  let lastWrite = 0;
  const progress: JobProgress = async ({ processed, total, failed }) => {
    const now = Date.now();
    if (now - lastWrite < PROGRESS_WRITE_INTERVAL_MS && processed < total) return;
    lastWrite = now;
    await transaction((tx) => jobStore.update(tx, jobId, { processed, total, ...(failed === undefined ? {} : { failed }) }));
  };
  try {
    await transaction((tx) => jobStore.update(tx, jobId, { status: "running" }));
    const result = await work({ jobId, progress, ...start });
    await transaction((tx) => jobStore.update(tx, jobId, { status: "done", result: JSON.stringify(result ?? null), input: null }));
  } catch (error) {
    // Another instance carries the job on from its last step: this run leaves it to that one.
    if (isLeaseLost(error)) return;
    console.error(`Background job ${jobId} failed`, error);
    const message = error instanceof AppError ? error.message : "The job stopped because of an unexpected error; nothing after the last progress update was saved.";
    await transaction((tx) => jobStore.update(tx, jobId, { status: "failed", error: message, input: null })).catch((failure) => {
      if (!isLeaseLost(failure)) throw failure;
    });
  }
}

// A lease lost on a background thread comes back as a plain error with the same name.
const isLeaseLost = (error: unknown) => error instanceof JobLeaseLost || (error instanceof Error && error.name === "JobLeaseLost");

/**
 * Jobs a restart interrupted carry on where their last committed step left them (or start
 * over, for work that has no steps), and record that they were resumed, which their pages show.
 */
export async function resumeInterruptedJobs(workFor: (kind: JobKind) => JobWork): Promise<string[]> {
  const rows = await jobStore.interrupted(reads());
  for (const row of rows) {
    await transaction((tx) => jobStore.markResumed(tx, row.id));
    const checkpoint = row.checkpoint === null ? null : (JSON.parse(row.checkpoint) as unknown);
    void runJob(row.id, workFor(row.kind as JobKind), { payload: JSON.parse(row.payload) as unknown, checkpoint });
  }
  return rows.map((row) => row.id);
}

export async function getJob(id: string): Promise<JobView> {
  const job = await jobStore.view(reads(), id);
  if (!job) throw new AppError("NOT_FOUND", "This job no longer exists.");
  return {
    id: job.id,
    kind: job.kind as JobKind,
    status: job.status as JobStatus,
    total: job.total,
    processed: job.processed,
    failed: job.failed,
    result: job.result ? JSON.parse(job.result) : null,
    error: job.error,
    resumes: job.resumes,
    resumedAt: job.resumedAt?.toISOString() ?? null,
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
  };
}

export async function runningJob(kind: JobKind): Promise<string | null> {
  return (await jobStore.activeOfKind(reads(), kind)) ?? null;
}
