import "server-only";
import type { JobKind, JobStatus, JobView } from "@/lib/views/jobs";
import { AppError } from "../errors";
import { jobStore } from "./job-store";
import { reads, transaction } from "../store/database";

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
 * page that polls it. The work runs in this server process; if the server stops, the next
 * start carries it on from its last checkpoint (resumeInterruptedJobs).
 */
export async function startJob(input: { kind: JobKind; createdById: string | null; payload?: unknown }, work: JobWork): Promise<string> {
  const payload = input.payload ?? {};
  const jobId = await transaction((tx) => jobStore.insert(tx, { kind: input.kind, createdById: input.createdById, payload: JSON.stringify(payload) }));
  runStoredJob(jobId, payload, work);
  return jobId;
}

/** Runs a job whose row is already stored (an import's, written with its file on the import's thread). */
export function runStoredJob(jobId: string, payload: unknown, work: JobWork): void {
  void runJob(jobId, work, { payload, checkpoint: null });
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
    console.error(`Background job ${jobId} failed`, error);
    const message = error instanceof AppError ? error.message : "The job stopped because of an unexpected error; nothing after the last progress update was saved.";
    await transaction((tx) => jobStore.update(tx, jobId, { status: "failed", error: message, input: null }));
  }
}

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
