import "server-only";
import type Database from "better-sqlite3";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { Queryable, Tx } from "@/lib/server/store/transaction";
import { perEngine } from "@/lib/server/store/per-engine";
import { preparedPerConnection } from "@/lib/server/store/sqlite-transaction";
import { timeOrderedId } from "@/lib/server/store/time-ordered-id";
import { postgresJobStore } from "./postgres-job-store";

export { JobLeaseLost } from "./postgres-job-store";

// Never the input: an import's file is megabytes, and its page asks twice a second.
const viewOmit = { input: true, checkpoint: true, payload: true } satisfies Prisma.BackgroundJobOmit;

/** A job as its page shows it; `kind` and `status` as stored, `result` as stored JSON. */
export type JobViewRow = Prisma.BackgroundJobGetPayload<{ omit: typeof viewOmit }>;
/** `payload`: JSON; `input`: what an import reads (its file), kept until the job ends. */
export type NewJob = { kind: string; createdById: string | null; payload: string; input?: string };
/** What changes as a job runs and ends; `input: null` drops the job's input. */
export type JobChange = { status?: string; processed?: number; total?: number; failed?: number; result?: string; error?: string; input?: null };
/** `payload` and `checkpoint`: JSON, as stored. */
export type InterruptedJobRow = { id: string; kind: string; payload: string; checkpoint: string | null };
export type JobStep = { checkpoint: unknown; processed: number; total: number; failed?: number };
/** A job an instance took to run: what its work starts or carries on from (JSON, as stored). */
export type ClaimedJob = { kind: string; payload: string; checkpoint: string | null };
/** A bad row of an import: its line in the file, the field at fault as the import page names it (null: the whole row) and why. */
export type ImportBadRow = { line: number; field: string | null; reason: string };
/** A bad row with the row as it stood in the file. */
export type ImportRowError = ImportBadRow & { raw: string };

/** Background jobs: their status, progress and checkpoints, and what an import did row by row. */
export interface JobStore {
  view(q: Queryable, id: string): Promise<JobViewRow | undefined>;
  /** The id of a queued or running job of this kind, if there is one. */
  activeOfKind(q: Queryable, kind: string): Promise<string | undefined>;
  /** Who started the job, and what kind it is. */
  origin(q: Queryable, id: string): Promise<{ kind: string; createdById: string | null } | undefined>;
  /** Jobs that were queued or running when the server stopped, oldest first. */
  interrupted(q: Queryable): Promise<InterruptedJobRow[]>;
  /** A job's input, or null once the job ended (and dropped it). */
  input(q: Queryable, jobId: string): Promise<string | null>;
  /** How many leads an import created or updated (or added events to). */
  importedLeadCount(q: Queryable, jobId: string): Promise<number>;
  /** The e-mails of the leads an import has written so far: what a resumed import already counted. */
  importedLeadEmails(q: Queryable, jobId: string): Promise<string[]>;
  /** An import's first bad rows, by line. */
  firstBadRows(q: Queryable, jobId: string, take: number): Promise<ImportBadRow[]>;
  /** All of an import's bad rows, by line, each with the row as it stood in the file. */
  badRowsWithRaw(q: Queryable, jobId: string): Promise<ImportRowError[]>;
  /** Stores a queued job, with its input if it has one; returns its id. */
  insert(tx: Tx, job: NewJob): Promise<string>;
  /** On PostgreSQL, throws JobLeaseLost once another instance has taken the job over. */
  update(tx: Tx, id: string, change: JobChange): Promise<void>;
  /** Marks an interrupted job running again, counting the resume. */
  markResumed(tx: Tx, jobId: string): Promise<void>;
  /**
   * Records a finished step of a job; call it inside the transaction that did the step's work.
   * On PostgreSQL, throws JobLeaseLost once another instance has taken the job over, so the step's work is not stored.
   */
  saveStep(tx: Tx, jobId: string, step: JobStep): Promise<void>;
  /**
   * Takes a queued or interrupted job that no instance holds, leased to `runner` until `leaseUntil`
   * (ms); undefined when another instance holds it or it has ended. Taking over a job that was
   * running counts as a resume.
   */
  claim(tx: Tx, jobId: string, runner: string, leaseUntil: number): Promise<ClaimedJob | undefined>;
  /** Extends the lease while `runner` still holds the job; false once it does not. */
  renewLease(tx: Tx, jobId: string, runner: string, leaseUntil: number): Promise<boolean>;
  /** Frees the jobs whose lease ran out by `now` (ms); the ids of every unfinished job nobody holds now, to be queued again. */
  releaseExpiredLeases(tx: Tx, now: number): Promise<string[]>;
  insertRowErrors(tx: Tx, jobId: string, errors: readonly ImportRowError[]): Promise<void>;
  /** Records the leads an import wrote; a lead already recorded for the job stays recorded once. */
  insertImportedLeads(tx: Tx, jobId: string, leadIds: readonly string[]): Promise<void>;
}

/*
 * A background job's steps, written on the store's connection so they commit in the same
 * transaction as the work they record: after a crash the checkpoint names exactly the work
 * that was stored, no more and no less (SQLite dialect). They run on the import's hot path,
 * a batch of rows each, as prepared statements; the rest goes through the ORM.
 */
function prepare(connection: Database.Database) {
  return {
    saveStep: connection.prepare<{ id: string; checkpoint: string; processed: number; total: number; failed: number | null; now: number }>(
      `UPDATE "BackgroundJob" SET checkpoint = @checkpoint, processed = @processed, total = @total,
         failed = COALESCE(@failed, failed), updatedAt = @now WHERE id = @id`,
    ),
    insertRowError: connection.prepare<{ id: string; jobId: string; line: number; field: string | null; reason: string; raw: string }>(
      `INSERT INTO "ImportRowError" (id, jobId, line, field, reason, raw) VALUES (@id, @jobId, @line, @field, @reason, @raw)`,
    ),
    insertImportedLead: connection.prepare<{ jobId: string; leadId: string }>(`INSERT OR IGNORE INTO "ImportedLead" (jobId, leadId) VALUES (@jobId, @leadId)`),
    importedLeadEmails: connection.prepare<{ jobId: string }, { email: string }>(
      `SELECT l.email FROM "ImportedLead" i JOIN "Lead" l ON l.id = i.leadId WHERE i.jobId = @jobId`,
    ),
    interrupted: connection.prepare<[], InterruptedJobRow>(
      `SELECT id, kind, payload, checkpoint FROM "BackgroundJob" WHERE status IN ('queued', 'running') ORDER BY createdAt`,
    ),
    insertJob: connection.prepare<{ kind: string; createdById: string | null; payload: string; input: string | null; id: string; now: number }>(
      `INSERT INTO "BackgroundJob" (id, kind, status, payload, input, createdById, createdAt, updatedAt)
       VALUES (@id, @kind, 'queued', @payload, @input, @createdById, @now, @now)`,
    ),
    input: connection.prepare<[string], { input: string | null }>(`SELECT input FROM "BackgroundJob" WHERE id = ?`),
    markResumed: connection.prepare<{ id: string; now: number }>(
      `UPDATE "BackgroundJob" SET status = 'running', resumes = resumes + 1, resumedAt = @now, updatedAt = @now WHERE id = @id`,
    ),
  };
}

const statements = preparedPerConnection(prepare);

// The pages' reads, through the ORM on both engines.
const ormMethods = {
  view: async (q, id) => (await q.orm.backgroundJob.findUnique({ where: { id }, omit: viewOmit })) ?? undefined,
  activeOfKind: async (q, kind) => (await q.orm.backgroundJob.findFirst({ where: { kind, status: { in: ["queued", "running"] } }, select: { id: true } }))?.id,
  origin: async (q, id) => (await q.orm.backgroundJob.findUnique({ where: { id }, select: { kind: true, createdById: true } })) ?? undefined,
  importedLeadCount: (q, jobId) => q.orm.importedLead.count({ where: { jobId } }),
  firstBadRows: (q, jobId, take) => q.orm.importRowError.findMany({ where: { jobId }, orderBy: { line: "asc" }, take, select: { line: true, field: true, reason: true } }),
  badRowsWithRaw: (q, jobId) => q.orm.importRowError.findMany({ where: { jobId }, orderBy: { line: "asc" }, select: { line: true, field: true, reason: true, raw: true } }),
} satisfies Partial<JobStore>;

/** What each engine does in its own SQL (PostgreSQL's in postgres-job-store.ts). */
export type JobSqlStore = Omit<JobStore, keyof typeof ormMethods>;

const UNFINISHED = ["queued", "running"];

// SQLite: the steps and the job's input in SQL (above), the job's status through the ORM. One
// process runs the jobs, and one transaction writes at a time, so a lease is never contested.
export const sqliteJobStore: JobStore = {
  ...ormMethods,
  async update(tx, id, change) {
    await tx.orm.backgroundJob.update({ where: { id }, data: change, select: { id: true } });
  },
  interrupted: async (q) => statements(q).interrupted.all(),
  input: async (q, jobId) => statements(q).input.get(jobId)?.input ?? null,
  importedLeadEmails: async (q, jobId) => statements(q).importedLeadEmails.all({ jobId }).map((row) => row.email),
  // In SQL, so an import's file (megabytes) goes in without a detour through the ORM.
  async insert(tx, job) {
    const id = timeOrderedId();
    statements(tx).insertJob.run({ id, kind: job.kind, createdById: job.createdById, payload: job.payload, input: job.input ?? null, now: Date.now() });
    return id;
  },
  async markResumed(tx, jobId) {
    statements(tx).markResumed.run({ id: jobId, now: Date.now() });
  },
  async saveStep(tx, jobId, step) {
    statements(tx).saveStep.run({
      id: jobId,
      checkpoint: JSON.stringify(step.checkpoint),
      processed: step.processed,
      total: step.total,
      failed: step.failed ?? null,
      now: Date.now(),
    });
  },
  async insertRowErrors(tx, jobId, errors) {
    const insert = statements(tx).insertRowError;
    for (const error of errors) insert.run({ id: timeOrderedId(), jobId, ...error });
  },
  async insertImportedLeads(tx, jobId, leadIds) {
    const insert = statements(tx).insertImportedLead;
    for (const leadId of leadIds) insert.run({ jobId, leadId });
  },
  async claim(tx, jobId, runner, leaseUntil) {
    const job = await tx.orm.backgroundJob.findFirst({ where: { id: jobId, runner: null, status: { in: UNFINISHED } }, select: { kind: true, payload: true, checkpoint: true, status: true } });
    if (!job) return undefined;
    const resumed = job.status === "running" ? { resumes: { increment: 1 }, resumedAt: new Date() } : {};
    await tx.orm.backgroundJob.update({ where: { id: jobId }, data: { runner, leaseUntil: new Date(leaseUntil), ...resumed }, select: { id: true } });
    return { kind: job.kind, payload: job.payload, checkpoint: job.checkpoint };
  },
  async renewLease(tx, jobId, runner, leaseUntil) {
    const { count } = await tx.orm.backgroundJob.updateMany({ where: { id: jobId, runner, status: { in: UNFINISHED } }, data: { leaseUntil: new Date(leaseUntil) } });
    return count === 1;
  },
  async releaseExpiredLeases(tx, now) {
    await tx.orm.backgroundJob.updateMany({ where: { status: { in: UNFINISHED }, leaseUntil: { lt: new Date(now) } }, data: { runner: null, leaseUntil: null } });
    const free = await tx.orm.backgroundJob.findMany({ where: { status: { in: UNFINISHED }, runner: null }, select: { id: true } });
    return free.map((job) => job.id);
  },
};

export const jobStore: JobStore = perEngine({ sqlite: sqliteJobStore, postgres: { ...ormMethods, ...postgresJobStore } });
