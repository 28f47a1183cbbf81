import "server-only";
import type { CsvFile } from "@/lib/core/csv-file";
import { readCsv } from "@/lib/core/csv-file";
import type { ColumnMapping, ImportKind } from "@/lib/core/csv-import";
import { MAX_CSV_BYTES, mappingProblems, rowToInput, suggestMapping } from "@/lib/core/csv-import";
import { rowToHistory } from "@/lib/core/history/history-csv";
import type { CsvPreview } from "@/lib/views/ingest";
import { AppError } from "../errors";

/*
 * Reading an uploaded CSV file: a 20 MB file takes a second or more to parse, so these run on a
 * thread of their own (jobs/thread.ts), never on the thread that answers requests.
 */

const PREVIEW_ROWS = 20;

/** What the job records about an import it is about to run. */
export type ImportPayload = { importKind: ImportKind; headers: string[]; mapping: ColumnMapping; rows: number; length?: number };

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "");

export function readUpload(text: string): CsvFile {
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

/** Checks a file and its mapping before an import starts, and describes the import. */
export function checkCsvImport(input: { text: string; kind: ImportKind; mapping: ColumnMapping }): ImportPayload {
  const file = readUpload(input.text);
  const problems = mappingProblems(file.headers, input.mapping, input.kind);
  if (problems.length > 0) throw new AppError("VALIDATION", problems.join(" "), { mapping: problems[0] });
  return { importKind: input.kind, headers: file.headers, mapping: input.mapping, rows: file.records.length, length: input.text.length };
}
