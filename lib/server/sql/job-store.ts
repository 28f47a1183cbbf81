import "server-only";
import type Database from "better-sqlite3";
import { timeOrderedId } from "../time-ordered-id";
import { writeConnection } from "./sqlite-store";

/*
 * A background job's steps, written on the store's connection so they commit in the same
 * transaction as the work they record: after a crash the checkpoint names exactly the work
 * that was stored, no more and no less (SQLite dialect).
 */

export type JobStep = { checkpoint: unknown; processed: number; total: number; failed?: number };
export type ImportRowErrorRow = { line: number; reason: string; raw: string };
export type InterruptedJobRow = { id: string; kind: string; payload: string; checkpoint: string | null; input: string | null };

function prepare(connection: Database.Database) {
  return {
    saveStep: connection.prepare<{ id: string; checkpoint: string; processed: number; total: number; failed: number | null; now: number }>(
      `UPDATE "BackgroundJob" SET checkpoint = @checkpoint, processed = @processed, total = @total,
         failed = COALESCE(@failed, failed), updatedAt = @now WHERE id = @id`,
    ),
    insertRowError: connection.prepare<{ id: string; jobId: string; line: number; reason: string; raw: string }>(
      `INSERT INTO "ImportRowError" (id, jobId, line, reason, raw) VALUES (@id, @jobId, @line, @reason, @raw)`,
    ),
    interrupted: connection.prepare<[], InterruptedJobRow>(
      `SELECT id, kind, payload, checkpoint, input FROM "BackgroundJob" WHERE status IN ('queued', 'running') ORDER BY createdAt`,
    ),
    markResumed: connection.prepare<{ id: string; now: number }>(
      `UPDATE "BackgroundJob" SET status = 'running', resumes = resumes + 1, resumedAt = @now, updatedAt = @now WHERE id = @id`,
    ),
  };
}

let cached: { connection: Database.Database; statements: ReturnType<typeof prepare> } | undefined;

function statements() {
  const connection = writeConnection();
  if (cached?.connection !== connection) cached = { connection, statements: prepare(connection) };
  return cached.statements;
}

/** Records a finished step of a job; call it inside the transaction that did the step's work. */
export function saveJobStep(jobId: string, step: JobStep): void {
  statements().saveStep.run({
    id: jobId,
    checkpoint: JSON.stringify(step.checkpoint),
    processed: step.processed,
    total: step.total,
    failed: step.failed ?? null,
    now: Date.now(),
  });
}

export function insertImportRowErrors(jobId: string, errors: readonly ImportRowErrorRow[]): void {
  const insert = statements().insertRowError;
  for (const error of errors) insert.run({ id: timeOrderedId(), jobId, ...error });
}

/** Jobs that were queued or running when the server stopped, oldest first. */
export function interruptedJobRows(): InterruptedJobRow[] {
  return statements().interrupted.all();
}

export function markJobResumed(jobId: string): void {
  statements().markResumed.run({ id: jobId, now: Date.now() });
}
