import "server-only";
import Papa from "papaparse";
import type { ColumnMapping, ImportKind } from "@/lib/core/csv-import";
import { MAX_CSV_BYTES } from "@/lib/core/csv-import";
import { can } from "@/lib/core/permissions";
import type { CurrentUser } from "@/lib/views/auth";
import type { ImportSummary, CsvPreview, ImportJob } from "@/lib/views/ingest";
import type { JobWork } from "../jobs/background-jobs";
import { getJob, runStoredJob } from "../jobs/background-jobs";
import { AppError } from "../errors";
import type { ImportCheckpoint } from "./csv-import-job";
import type { ImportPayload } from "./csv-upload";
import { jobStore } from "../jobs/job-store";
import { runOnThread } from "../jobs/thread";
import { reads } from "../store/database";

// The bad rows a finished import shows on its page; the download has them all.
const FIRST_BAD_ROWS = 10;

/** The file's columns, the suggested mapping, its size, and its first rows checked against that mapping. */
export function previewCsv(input: { text: string; kind: ImportKind }): Promise<CsvPreview> {
  return runOnThread("previewCsv", input, { fileChars: input.text.length });
}

/**
 * Starts importing a file in the background and returns the job's id. The file is kept with
 * the job until it ends (then dropped: a copy of a 20 MB file of personal data has no business
 * lingering), so a restart can carry the import on; the payload describes the import.
 */
export async function startCsvImport(input: { text: string; kind: ImportKind; mapping: ColumnMapping; userId: string }): Promise<string> {
  // The file is checked and stored with the job on the import's thread: a 5 MB write is no
  // business of the thread that answers requests.
  const { jobId, payload } = await runOnThread("queueCsvImport", input, { fileChars: input.text.length });
  await runStoredJob(jobId, payload, importWork);
  return jobId;
}

/** An import's work, on a thread of its own, which reads the file from the job: a restart carries it on the same way. */
export const importWork: JobWork = ({ jobId, payload, checkpoint }) => {
  const importPayload = payload as ImportPayload;
  // Jobs stored before files were measured get the largest allowance.
  return runOnThread("importCsv", { jobId, payload: importPayload, checkpoint: checkpoint as ImportCheckpoint | null }, { fileChars: importPayload.length ?? MAX_CSV_BYTES });
};

// Bad rows hold the file's personal data: the person who imported it, and those who oversee the team, may read them.
async function importJobOwnedBy(jobId: string, user: CurrentUser): Promise<void> {
  const job = await jobStore.origin(reads(), jobId);
  if (!job || job.kind !== "import") throw new AppError("NOT_FOUND", "This import no longer exists.");
  if (!can(user.role, "import.run") || (job.createdById !== user.id && !can(user.role, "import.viewOthers"))) {
    throw new AppError("FORBIDDEN", "Only the person who started this import, a manager or an admin can see it.");
  }
}

export async function getImportJob(jobId: string, user: CurrentUser): Promise<ImportJob> {
  await importJobOwnedBy(jobId, user);
  const job = await getJob(jobId);
  const base = { ...job, result: job.result as ImportSummary | null };
  if (job.status !== "done" && job.status !== "failed") return { ...base, importedLeads: null, firstBadRows: [] };
  const q = reads();
  const [importedLeads, firstBadRows] = await Promise.all([jobStore.importedLeadCount(q, jobId), jobStore.firstBadRows(q, jobId, FIRST_BAD_ROWS)]);
  return { ...base, importedLeads, firstBadRows };
}

/**
 * The bad rows of an import as CSV: line, field, reason, and the row as it stood in the file, so
 * they can be fixed and imported again. Formula-like cells are escaped, since the file is made to be opened
 * in a spreadsheet; the byte-order mark makes Excel read it as UTF-8.
 */
export async function importErrorsCsv(jobId: string, user: CurrentUser): Promise<string> {
  await importJobOwnedBy(jobId, user);
  const errors = await jobStore.badRowsWithRaw(reads(), jobId);
  const data = errors.map((error) => [error.line, error.field ?? "", error.reason, error.raw]);
  const csv = Papa.unparse({ fields: ["Line", "Field", "Reason", "Original row"], data }, { escapeFormulae: true, newline: "\r\n" });
  return `\uFEFF${csv}\r\n`;
}
