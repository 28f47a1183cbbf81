import "server-only";
import type { ColumnMapping, ImportKind } from "@/lib/core/csv-import";
import type { ImportCheckpoint } from "../ingest/csv-import-job";
import { importRecords } from "../ingest/csv-import-job";
import type { ImportPayload } from "../ingest/csv-upload";
import { checkCsvImport, previewCsv, readUpload } from "../ingest/csv-upload";
import type { RescoreCheckpoint } from "../scoring/rescore-all";
import { rescoreAllLeads } from "../scoring/rescore-all";
import { jobStore } from "./job-store";
import { engine, reads, transaction } from "../store/database";
import { joinWriteTurnsAsBackground } from "../store/write-turns";
import { runAs } from "./runner";
import { AppError } from "../errors";

/*
 * The work that runs on a thread of its own (thread.ts loads this module there). Jobs commit
 * their checkpoints with each slice of work, through the thread's own connection.
 */

const TASKS = {
  previewCsv,
  /** Checks a file and its mapping, and stores the import's job with the file. */
  queueCsvImport: async (input: { text: string; kind: ImportKind; mapping: ColumnMapping; userId: string }) => {
    const payload = checkCsvImport(input);
    const jobId = await transaction((tx) => jobStore.insert(tx, { kind: "import", createdById: input.userId, payload: JSON.stringify(payload), input: input.text }));
    return { jobId, payload };
  },
  importCsv: async (input: { jobId: string; payload: ImportPayload; checkpoint: ImportCheckpoint | null }) => {
    const text = await jobStore.input(reads(), input.jobId);
    if (text === null) throw new AppError("INTERNAL", "The file of this import is no longer stored; import it again.");
    const { importKind, headers, mapping } = input.payload;
    return importRecords({ jobId: input.jobId, kind: importKind, headers, records: readUpload(text).records, mapping, from: input.checkpoint });
  },
  rescore: (input: { jobId: string; checkpoint: RescoreCheckpoint | null }) =>
    rescoreAllLeads({
      from: input.checkpoint,
      onStep: (tx, { total, ...step }) => jobStore.saveStep(tx, input.jobId, { checkpoint: step, processed: step.summary.leads, total }),
    }),
};

export type ThreadTasks = typeof TASKS;

export function runThreadTask(task: keyof ThreadTasks, input: never, writeTurns: SharedArrayBuffer, runner: string): unknown {
  // Writers take turns only on SQLite, where one writes at a time (write-turns.ts).
  if (engine() === "sqlite") joinWriteTurnsAsBackground(writeTurns);
  runAs(runner);
  return TASKS[task](input);
}
