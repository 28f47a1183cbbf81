import "server-only";
import type { JobView } from "@/lib/views/jobs";

const API_STATUS = { queued: "queued", running: "running", done: "succeeded", failed: "failed" } as const;

/** A background job as the API shows it: status, progress from 0 to 1, and the error if it failed. */
export function apiJob(job: JobView) {
  return {
    id: job.id,
    kind: job.kind,
    status: API_STATUS[job.status],
    progress: job.status === "done" ? 1 : job.total > 0 ? Math.min(1, job.processed / job.total) : 0,
    processed: job.processed,
    total: job.total,
    failed: job.failed,
    ...(job.error ? { error: job.error } : {}),
    result: job.result,
    resumes: job.resumes,
    resumedAt: job.resumedAt,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}
