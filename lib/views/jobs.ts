/*
 * What pages show of a background job (re-scores, imports, model training): plain types shared by
 * the services that build them and the components that render them.
 */

// Built by lib/server/jobs/background-jobs.ts.
export type JobKind = "rescore" | "import" | "train";
export type JobStatus = "queued" | "running" | "done" | "failed";
export type JobView = { id: string; kind: JobKind; status: JobStatus; total: number; processed: number; failed: number; result: unknown; error: string | null; resumes: number; resumedAt: string | null; createdAt: string; updatedAt: string };
