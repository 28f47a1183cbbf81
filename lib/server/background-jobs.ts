import "server-only";
import { db } from "./db";
import { AppError } from "./errors";

export type JobKind = "rescore" | "import" | "train";
export type JobStatus = "queued" | "running" | "done" | "failed";
export type JobView = { id: string; kind: JobKind; status: JobStatus; total: number; processed: number; failed: number; result: unknown; error: string | null; createdAt: string; updatedAt: string };

export type JobProgress = (progress: { processed: number; total: number; failed?: number }) => Promise<void>;

const PROGRESS_WRITE_INTERVAL_MS = 250;

/**
 * Starts work that outlives the request: the job row records status and progress for the
 * page that polls it. The work runs in this server process; a restart marks it failed.
 */
export async function startJob(input: { kind: JobKind; createdById: string | null; payload?: unknown }, work: (progress: JobProgress, jobId: string) => Promise<unknown>): Promise<string> {
  const job = await db.backgroundJob.create({ data: { kind: input.kind, createdById: input.createdById, payload: JSON.stringify(input.payload ?? {}) } });
  void runJob(job.id, work);
  return job.id;
}

async function runJob(jobId: string, work: (progress: JobProgress, jobId: string) => Promise<unknown>) {
  let lastWrite = 0;
  const progress: JobProgress = async ({ processed, total, failed }) => {
    const now = Date.now();
    if (now - lastWrite < PROGRESS_WRITE_INTERVAL_MS && processed < total) return;
    lastWrite = now;
    await db.backgroundJob.update({ where: { id: jobId }, data: { processed, total, ...(failed === undefined ? {} : { failed }) } });
  };
  try {
    await db.backgroundJob.update({ where: { id: jobId }, data: { status: "running" } });
    const result = await work(progress, jobId);
    await db.backgroundJob.update({ where: { id: jobId }, data: { status: "done", result: JSON.stringify(result ?? null) } });
  } catch (error) {
    console.error(`Background job ${jobId} failed`, error);
    const message = error instanceof AppError ? error.message : "The job stopped because of an unexpected error; nothing after the last progress update was saved.";
    await db.backgroundJob.update({ where: { id: jobId }, data: { status: "failed", error: message } });
  }
}

export async function getJob(id: string): Promise<JobView> {
  const job = await db.backgroundJob.findUnique({ where: { id } });
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
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
  };
}

export async function runningJob(kind: JobKind): Promise<string | null> {
  const job = await db.backgroundJob.findFirst({ where: { kind, status: { in: ["queued", "running"] } }, select: { id: true } });
  return job?.id ?? null;
}

/** Jobs that were running when the server stopped can't finish: say so instead of spinning forever. */
export async function failInterruptedJobs(): Promise<void> {
  await db.backgroundJob.updateMany({
    where: { status: { in: ["queued", "running"] } },
    data: { status: "failed", error: "The server restarted while this job was running. Start it again." },
  });
}
