import "server-only";
import Papa from "papaparse";
import type { CsvFile } from "@/lib/core/csv-file";
import { readCsv } from "@/lib/core/csv-file";
import type { ColumnMapping, ImportKind, RowProblem } from "@/lib/core/csv-import";
import { CSV_IMPORT_ROLES, MAX_CSV_BYTES, mappingProblems, rowToInput, suggestMapping } from "@/lib/core/csv-import";
import { rowToHistory } from "@/lib/core/history/history-csv";
import type { JobView, JobWork } from "./background-jobs";
import { getJob, startJob } from "./background-jobs";
import type { CurrentUser } from "./current-user";
import { db } from "./db";
import { AppError } from "./errors";
import type { ImportCheckpoint, ImportSummary } from "./csv-import-job";
import { importRecords } from "./csv-import-job";

const PREVIEW_ROWS = 20;

/** A row of the preview, checked against the mapping; parseError travels along so the page can check it again. */
export type PreviewRow = { line: number; cells: string[]; parseError?: string; problem: RowProblem | null };
export type CsvPreview = { headers: string[]; mapping: ColumnMapping; delimiter: string; totalRows: number; rows: PreviewRow[] };
export type ImportJob = Omit<JobView, "result"> & { result: ImportSummary | null };

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "");

function readUpload(text: string): CsvFile {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_CSV_BYTES) {
    throw new AppError("VALIDATION", `The file is ${megabytes(bytes)} MB; files can be at most ${megabytes(MAX_CSV_BYTES)} MB. Split it and import the parts one after the other.`);
  }
  const read = readCsv(text);
  if (!read.ok) throw new AppError("VALIDATION", read.error);
  return read.file;
}

/** The file's columns, the suggested mapping, its size, and its first rows checked against that mapping. */
export function previewCsv(input: { text: string; kind: ImportKind }): CsvPreview {
  const file = readUpload(input.text);
  const mapping = suggestMapping(file.headers, input.kind);
  const now = Date.now();
  const rows = file.records.slice(0, PREVIEW_ROWS).map((record) => {
    const result = input.kind === "history" ? rowToHistory(record, mapping, file.headers, now) : rowToInput(record, mapping, input.kind);
    const { raw: _raw, ...row } = record;
    return { ...row, problem: result.ok ? null : { line: result.line, field: result.field, reason: result.reason } };
  });
  return { headers: file.headers, mapping, delimiter: file.delimiter, totalRows: file.records.length, rows };
}

type ImportPayload = { importKind: ImportKind; headers: string[]; mapping: ColumnMapping; rows: number };

/**
 * Starts importing a file in the background and returns the job's id. The file is kept with
 * the job until it ends (then dropped: a copy of a 20 MB file of personal data has no business
 * lingering), so a restart can carry the import on; the payload describes the import.
 */
export async function startCsvImport(input: { text: string; kind: ImportKind; mapping: ColumnMapping; userId: string }): Promise<string> {
  const file = readUpload(input.text);
  const problems = mappingProblems(file.headers, input.mapping, input.kind);
  if (problems.length > 0) throw new AppError("VALIDATION", problems.join(" "), { mapping: problems[0] });
  const payload: ImportPayload = { importKind: input.kind, headers: file.headers, mapping: input.mapping, rows: file.records.length };
  return startJob({ kind: "import", createdById: input.userId, payload, input: input.text }, importWork(file));
}

/** An import's work; on a restart the file is read again from the job. */
export function importWork(parsed?: CsvFile): JobWork {
  return async ({ jobId, payload, input, checkpoint }) => {
    const { importKind, headers, mapping } = payload as ImportPayload;
    if (!parsed && input === null) throw new AppError("INTERNAL", "The file of this import is no longer stored; import it again.");
    const records = (parsed ?? readUpload(input!)).records;
    return importRecords({ jobId, kind: importKind, headers, records, mapping, from: checkpoint as ImportCheckpoint | null });
  };
}

// Bad rows hold the file's personal data: the person who imported it, and those who oversee the team, may read them.
async function importJobOwnedBy(jobId: string, user: CurrentUser): Promise<void> {
  const job = await db.backgroundJob.findUnique({ where: { id: jobId }, select: { kind: true, createdById: true } });
  if (!job || job.kind !== "import") throw new AppError("NOT_FOUND", "This import no longer exists.");
  const overseer = user.role === "ADMIN" || user.role === "MANAGER";
  if (!CSV_IMPORT_ROLES.includes(user.role) || (job.createdById !== user.id && !overseer)) {
    throw new AppError("FORBIDDEN", "Only the person who started this import, a manager or an admin can see it.");
  }
}

export async function getImportJob(jobId: string, user: CurrentUser): Promise<ImportJob> {
  await importJobOwnedBy(jobId, user);
  const job = await getJob(jobId);
  return { ...job, result: job.result as ImportSummary | null };
}

/**
 * The bad rows of an import as CSV: line, reason, and the row as it stood in the file, so they can
 * be fixed and imported again. Formula-like cells are escaped, since the file is made to be opened
 * in a spreadsheet; the byte-order mark makes Excel read it as UTF-8.
 */
export async function importErrorsCsv(jobId: string, user: CurrentUser): Promise<string> {
  await importJobOwnedBy(jobId, user);
  const errors = await db.importRowError.findMany({ where: { jobId }, orderBy: { line: "asc" }, select: { line: true, reason: true, raw: true } });
  const csv = Papa.unparse({ fields: ["Line", "Reason", "Original row"], data: errors.map((error) => [error.line, error.reason, error.raw]) }, { escapeFormulae: true, newline: "\r\n" });
  return `\uFEFF${csv}\r\n`;
}
