import "server-only";
import type { CsvRecord } from "@/lib/core/csv-file";
import type { ColumnMapping, ImportKind, RowProblem } from "@/lib/core/csv-import";
import { EXTRA_PREFIX, mergeLeadInputs, rowToInput, targetLabel } from "@/lib/core/csv-import";
import type { EventInput } from "@/lib/core/events";
import type { HistoryRow } from "@/lib/core/history/history-csv";
import { columnNamer, historyProblem, rowToHistory } from "@/lib/core/history/history-csv";
import type { LeadInput } from "@/lib/core/lead-input";
import { IMPORT_SCOPE, importedEventKey } from "./ingest/event-key";
import type { RefusedEvent } from "./ingest-events";
import { ingestEvents } from "./ingest-events";
import { importHistory } from "./history/import-history";
import { TimeSlices } from "./jobs/time-slices";
import { insertImportRowErrors, saveJobStep } from "./sql/job-store";
import { inWriteTransaction } from "./sql/sqlite-store";
import { upsertLeads } from "./upsert-lead";

// At most this many rows in one transaction, however cheap rows are.
const IMPORT_BATCH_ROWS = 500;
// A record with a quote that never closes swallows the rest of the file; its report needn't.
const MAX_RAW_CHARS = 10_000;

/** What an import did with every row: created + updated + duplicates + failed = total. */
export type ImportSummary = { kind: ImportKind; total: number; created: number; updated: number; duplicates: number; failed: number };

type RowError = { line: number; reason: string; raw: string };
type BatchOutcome = { created: number; updated: number; duplicates: number; errors: RowError[] };
/** Imports a batch of rows; `remember` learns rows an interrupted run already imported, without writing. */
type Importer = { importBatch: (records: readonly CsvRecord[], mapping: ColumnMapping) => BatchOutcome; remember: (records: readonly CsvRecord[], mapping: ColumnMapping) => void };

function rowError(record: CsvRecord, reason: string): RowError {
  const raw = record.raw.length > MAX_RAW_CHARS ? `${record.raw.slice(0, MAX_RAW_CHARS)}…` : record.raw;
  return { line: record.line, reason, raw };
}

const problemError = (record: CsvRecord, problem: RowProblem) => rowError(record, problem.reason);

/**
 * Leads are matched by e-mail. Rows repeating an e-mail from earlier in the file are merged into
 * that lead in file order: within a batch before writing, across batches by upserting again,
 * which writes the given fields and merges custom fields just the same.
 */
function leadImporter(): Importer {
  const emailsInFile = new Set<string>();
  const remember: Importer["remember"] = (records, mapping) => {
    for (const record of records) {
      const result = rowToInput(record, mapping, "leads");
      if (result.ok) emailsInFile.add(result.input.email);
    }
  };
  const importBatch: Importer["importBatch"] = (records, mapping) => {
    const outcome: BatchOutcome = { created: 0, updated: 0, duplicates: 0, errors: [] };
    const batch = new Map<string, { input: LeadInput; firstInFile: boolean; record: CsvRecord }>();
    for (const record of records) {
      const result = rowToInput(record, mapping, "leads");
      if (!result.ok) {
        outcome.errors.push(problemError(record, result));
        continue;
      }
      const { email } = result.input;
      const earlier = batch.get(email);
      if (earlier) Object.assign(earlier, { input: mergeLeadInputs(earlier.input, result.input), record });
      else batch.set(email, { input: result.input, firstInFile: !emailsInFile.has(email), record });
      if (earlier || emailsInFile.has(email)) outcome.duplicates += 1;
      emailsInFile.add(email);
    }
    // Only valid rows reach the transaction, so one bad row can't take its batch down with it.
    const entries = [...batch.values()];
    upsertLeads(entries.map((entry) => entry.input)).forEach((upserted, index) => {
      const { firstInFile, record } = entries[index];
      if ("refused" in upserted) {
        // Reported on the lead's last row in the batch, the one that tipped it over. Its rows were
        // all counted as duplicates unless the file's first row for it is in this batch (then
        // that row counts as this failure); one duplicate becomes the failure.
        outcome.errors.push(rowError(record, `Custom fields: ${upserted.refused.customFields}`));
        if (!firstInFile) outcome.duplicates -= 1;
        return;
      }
      if (!firstInFile) return;
      if (upserted.created) outcome.created += 1;
      else outcome.updated += 1;
    });
    return outcome;
  };
  return { importBatch, remember };
}

function refusalReason(refusal: RefusedEvent): string {
  const { details, message } = refusal.error;
  if (!details) return message;
  const label = (field: string) => (field.startsWith("properties.") ? targetLabel("events", EXTRA_PREFIX.events + field.slice(11)) : targetLabel("events", field));
  return Object.entries(details)
    .map(([field, reason]) => `${label(field)}: ${reason}`)
    .join("; ");
}

/** Events are stored once each: by the file's idempotency key or one derived from the event. */
function eventImporter(): Importer {
  const importBatch: Importer["importBatch"] = (records, mapping) => {
    const outcome: BatchOutcome = { created: 0, updated: 0, duplicates: 0, errors: [] };
    const items: EventInput[] = [];
    const itemRecords: CsvRecord[] = [];
    for (const record of records) {
      const result = rowToInput(record, mapping, "events");
      if (!result.ok) {
        outcome.errors.push(problemError(record, result));
        continue;
      }
      items.push({ ...result.input, idempotencyKey: importedEventKey(result.input) });
      itemRecords.push(record);
    }
    for (const result of ingestEvents(items, { source: "import", idempotencyScope: IMPORT_SCOPE })) {
      if (result.status === "created") outcome.created += 1;
      else if (result.status === "duplicate") outcome.duplicates += 1;
      else if (result.status === "error") outcome.errors.push(rowError(itemRecords[result.index], refusalReason(result)));
    }
    return outcome;
  };
  return { importBatch, remember: () => {} };
}

/**
 * Each row is one past lead's history, imported whole or not at all (importHistory, a savepoint
 * per row). A lead's history belongs in one row: a second row for an e-mail is refused rather
 * than guessed into the first. Known leads are updated; stage entries already stored are kept once.
 */
function historyImporter(headers: readonly string[]): Importer {
  const linesByEmail = new Map<string, number>();
  const remember: Importer["remember"] = (records, mapping) => {
    const now = Date.now();
    for (const record of records) {
      const result = rowToHistory(record, mapping, headers, now);
      if (result.ok && !linesByEmail.has(result.input.lead.email)) linesByEmail.set(result.input.lead.email, record.line);
    }
  };
  const importBatch: Importer["importBatch"] = (records, mapping) => {
    const outcome: BatchOutcome = { created: 0, updated: 0, duplicates: 0, errors: [] };
    const name = columnNamer(mapping, headers);
    const now = new Date();
    const rows: Array<{ record: CsvRecord; row: HistoryRow }> = [];
    for (const record of records) {
      const result = rowToHistory(record, mapping, headers, now.getTime());
      if (!result.ok) {
        outcome.errors.push(problemError(record, result));
        continue;
      }
      const earlier = linesByEmail.get(result.input.lead.email);
      if (earlier !== undefined) {
        outcome.errors.push(rowError(record, `${name("email")}: Line ${earlier} already holds this lead's history; give each lead one row.`));
        continue;
      }
      linesByEmail.set(result.input.lead.email, record.line);
      rows.push({ record, row: result.input });
    }
    importHistory(rows.map((item) => item.row), { now }).forEach((result, index) => {
      const { record, row } = rows[index];
      if (result.status === "error") outcome.errors.push(problemError(record, historyProblem(record.line, result.errors, row.stages, name)));
      else if (result.status === "created") outcome.created += 1;
      else outcome.updated += 1;
    });
    return outcome;
  };
  return { importBatch, remember };
}

function importerFor(kind: ImportKind, headers: readonly string[]): Importer {
  if (kind === "leads") return leadImporter();
  if (kind === "events") return eventImporter();
  return historyImporter(headers);
}

/** What an import had done when it last committed: rows before nextRow are in, counted in summary. */
export type ImportCheckpoint = { nextRow: number; summary: ImportSummary };

/**
 * The import job's work: rows in slices sized to take a few milliseconds each, each slice one
 * transaction with its bad rows and the checkpoint, a pause between slices so the server keeps
 * answering (the progress polls among them) while a big file goes in. Given a checkpoint, it
 * carries on after it: the importer first relearns the rows before it (which e-mails it saw).
 */
export async function importRecords(input: {
  jobId: string;
  kind: ImportKind;
  headers: readonly string[];
  records: readonly CsvRecord[];
  mapping: ColumnMapping;
  from?: ImportCheckpoint | null;
}): Promise<ImportSummary> {
  const { jobId, kind, records, mapping } = input;
  const summary: ImportSummary = input.from ? { ...input.from.summary } : { kind, total: records.length, created: 0, updated: 0, duplicates: 0, failed: 0 };
  const importer = importerFor(kind, input.headers);
  let start = input.from?.nextRow ?? 0;
  importer.remember(records.slice(0, start), mapping);
  const slices = new TimeSlices(50, { min: 10, max: IMPORT_BATCH_ROWS, pause: true });
  while (start < records.length) {
    start = await slices.run((size) =>
      inWriteTransaction(() => {
        const end = Math.min(start + size, records.length);
        const outcome = importer.importBatch(records.slice(start, end), mapping);
        summary.created += outcome.created;
        summary.updated += outcome.updated;
        summary.duplicates += outcome.duplicates;
        summary.failed += outcome.errors.length;
        insertImportRowErrors(jobId, outcome.errors);
        saveJobStep(jobId, { checkpoint: { nextRow: end, summary } satisfies ImportCheckpoint, processed: end, total: records.length, failed: summary.failed });
        return end;
      }),
    );
  }
  return summary;
}
