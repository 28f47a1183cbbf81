import "server-only";
import type Database from "better-sqlite3";
import { timeOrderedId } from "../time-ordered-id";
import type { Queryable, Tx } from "./transaction";
import { preparedPerConnection } from "./transaction";

/*
 * A background job's steps, written on the store's connection so they commit in the same
 * transaction as the work they record: after a crash the checkpoint names exactly the work
 * that was stored, no more and no less (SQLite dialect).
 */

export type JobStep = { checkpoint: unknown; processed: number; total: number; failed?: number };
/** `field`: the field's name as the import page shows it, or null for a problem with the whole row. */
export type ImportRowErrorRow = { line: number; field: string | null; reason: string; raw: string };
export type InterruptedJobRow = { id: string; kind: string; payload: string; checkpoint: string | null };
export type NewJobRow = { kind: string; createdById: string | null; payload: string; input: string };

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
    insertJob: connection.prepare<NewJobRow & { id: string; now: number }>(
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

/** Records a finished step of a job; call it inside the transaction that did the step's work. */
export async function saveJobStep(tx: Tx, jobId: string, step: JobStep): Promise<void> {
  statements(tx).saveStep.run({
    id: jobId,
    checkpoint: JSON.stringify(step.checkpoint),
    processed: step.processed,
    total: step.total,
    failed: step.failed ?? null,
    now: Date.now(),
  });
}

export async function insertImportRowErrors(tx: Tx, jobId: string, errors: readonly ImportRowErrorRow[]): Promise<void> {
  const insert = statements(tx).insertRowError;
  for (const error of errors) insert.run({ id: timeOrderedId(), jobId, ...error });
}

/** Records the leads an import wrote; a lead already recorded for the job stays recorded once. */
export async function insertImportedLeads(tx: Tx, jobId: string, leadIds: readonly string[]): Promise<void> {
  const insert = statements(tx).insertImportedLead;
  for (const leadId of leadIds) insert.run({ jobId, leadId });
}

/** The e-mails of the leads an import has written so far: what a resumed import already counted. */
export async function importedLeadEmails(q: Queryable, jobId: string): Promise<string[]> {
  return statements(q)
    .importedLeadEmails.all({ jobId })
    .map((row) => row.email);
}

/** Jobs that were queued or running when the server stopped, oldest first. */
export async function interruptedJobRows(q: Queryable): Promise<InterruptedJobRow[]> {
  return statements(q).interrupted.all();
}

export async function markJobResumed(tx: Tx, jobId: string): Promise<void> {
  statements(tx).markResumed.run({ id: jobId, now: Date.now() });
}

/** Stores a queued job with its input (an import's file); returns its id. */
export async function insertJob(tx: Tx, row: NewJobRow): Promise<string> {
  const id = timeOrderedId();
  statements(tx).insertJob.run({ id, ...row, now: Date.now() });
  return id;
}

/** A job's input, or null once the job ended (and dropped it). */
export async function jobInput(q: Queryable, jobId: string): Promise<string | null> {
  return statements(q).input.get(jobId)?.input ?? null;
}
