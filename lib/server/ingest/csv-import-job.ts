import "server-only";
import type { CsvRecord, CsvRecords } from "@/lib/core/csv-file";
import type { ColumnMapping, FieldNamer, ImportKind, RowProblem } from "@/lib/core/csv-import";
import { EXTRA_PREFIX, mergeLeadInputs, rowToInput, targetLabel } from "@/lib/core/csv-import";
import type { EventInput } from "@/lib/core/events";
import type { HistoryRow } from "@/lib/core/history/history-csv";
import { columnNamer, historyProblem, rowToHistory } from "@/lib/core/history/history-csv";
import type { LeadInput } from "@/lib/core/lead-input";
import type { ImportSummary } from "@/lib/views/ingest";
import { IMPORT_SCOPE, importedEventKey } from "./event-key";
import type { RefusedEvent } from "./ingest-events";
import { ingestEventsIn } from "./ingest-events";
import { importHistoryIn } from "./import-history";
import { jobStore } from "../jobs/job-store";
import { TimeSlices } from "../jobs/time-slices";
import { reads, transaction } from "../store/database";
import type { Tx } from "../store/transaction";
import { upsertLeadsIn } from "./upsert-lead";

// At most this many rows in one transaction, however cheap rows are.
const IMPORT_BATCH_ROWS = 500;
// A record with a quote that never closes swallows the rest of the file; its report needn't.
const MAX_RAW_CHARS = 10_000;

/** `field`: the name of the field at fault as the page shows it; null for the row as a whole. */
type RowError = { line: number; field: string | null; reason: string; raw: string };
/** `leadIds`: the leads the batch wrote (created, updated, or added events to). */
type BatchOutcome = { created: number; updated: number; duplicates: number; errors: RowError[]; leadIds: string[] };
/** Imports a batch of rows; `remember` learns rows an interrupted run already imported, without writing. */
type Importer = { importBatch: (tx: Tx, records: readonly CsvRecord[], mapping: ColumnMapping) => Promise<BatchOutcome>; remember: (records: readonly CsvRecord[], mapping: ColumnMapping) => void };

function rowError(record: CsvRecord, reason: string, field: string | null): RowError {
  const raw = record.raw.length > MAX_RAW_CHARS ? `${record.raw.slice(0, MAX_RAW_CHARS)}…` : record.raw;
  return { line: record.line, field, reason, raw };
}

const problemError = (record: CsvRecord, problem: RowProblem, name: FieldNamer) => rowError(record, problem.reason, problem.field === null ? null : name(problem.field));
// The custom fields as a whole (too many, too big) are no one column of the file.
const CUSTOM_FIELDS = "Custom fields";
const emptyOutcome = (): BatchOutcome => ({ created: 0, updated: 0, duplicates: 0, errors: [], leadIds: [] });

/**
 * Leads are matched by e-mail. Rows repeating an e-mail from earlier in the file are merged into
 * that lead in file order: within a batch before writing, across batches by upserting again,
 * which writes the given fields and merges custom fields just the same. A lead counts as created
 * or updated once, on its first successful write (`counted`, which a resumed import reads back
 * from the leads it recorded); every other row for it is a duplicate, and a refused write is one
 * failed row. So the counts add up to the rows, and created + updated is the leads recorded.
 */
function leadImporter(counted: Set<string>): Importer {
  const name: FieldNamer = (field) => targetLabel("leads", field);
  const importBatch: Importer["importBatch"] = async (tx, records, mapping) => {
    const outcome = emptyOutcome();
    const batch = new Map<string, { input: LeadInput; rows: number; record: CsvRecord }>();
    for (const record of records) {
      const result = rowToInput(record, mapping, "leads");
      if (!result.ok) {
        outcome.errors.push(problemError(record, result, name));
        continue;
      }
      const earlier = batch.get(result.input.email);
      if (earlier) Object.assign(earlier, { input: mergeLeadInputs(earlier.input, result.input), rows: earlier.rows + 1, record });
      else batch.set(result.input.email, { input: result.input, rows: 1, record });
    }
    // Only valid rows reach the transaction, so one bad row can't take its batch down with it.
    const entries = [...batch.values()];
    (await upsertLeadsIn(tx, entries.map((entry) => entry.input))).forEach((upserted, index) => {
      const { input, rows, record } = entries[index];
      outcome.duplicates += rows - 1;
      if ("refused" in upserted) {
        // Reported on the lead's last row in the batch, the one that tipped it over.
        outcome.errors.push(rowError(record, `${CUSTOM_FIELDS}: ${upserted.refused.customFields}`, CUSTOM_FIELDS));
        return;
      }
      outcome.leadIds.push(upserted.leadId);
      if (counted.has(input.email)) {
        outcome.duplicates += 1;
        return;
      }
      counted.add(input.email);
      if (upserted.created) outcome.created += 1;
      else outcome.updated += 1;
    });
    return outcome;
  };
  return { importBatch, remember: () => {} };
}

/** Why the event store refused a row's event, naming the fields; `field` is the first of them. */
function refusalError(record: CsvRecord, refusal: RefusedEvent): RowError {
  const { details, message } = refusal.error;
  if (!details) return rowError(record, message, null);
  const label = (field: string) => (field.startsWith("properties.") ? targetLabel("events", EXTRA_PREFIX.events + field.slice(11)) : targetLabel("events", field));
  const fields = Object.entries(details);
  return rowError(record, fields.map(([field, reason]) => `${label(field)}: ${reason}`).join("; "), label(fields[0][0]));
}

/** Events are stored once each: by the file's idempotency key or one derived from the event. */
function eventImporter(): Importer {
  const name: FieldNamer = (field) => targetLabel("events", field);
  const importBatch: Importer["importBatch"] = async (tx, records, mapping) => {
    const outcome = emptyOutcome();
    const items: EventInput[] = [];
    const itemRecords: CsvRecord[] = [];
    for (const record of records) {
      const result = rowToInput(record, mapping, "events");
      if (!result.ok) {
        outcome.errors.push(problemError(record, result, name));
        continue;
      }
      items.push({ ...result.input, idempotencyKey: importedEventKey(result.input) });
      itemRecords.push(record);
    }
    for (const result of await ingestEventsIn(tx, items, { source: "import", idempotencyScope: IMPORT_SCOPE })) {
      if (result.status === "created") {
        outcome.created += 1;
        outcome.leadIds.push(result.leadId);
      } else if (result.status === "duplicate") outcome.duplicates += 1;
      else if (result.status === "error") outcome.errors.push(refusalError(itemRecords[result.index], result));
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
  const importBatch: Importer["importBatch"] = async (tx, records, mapping) => {
    const outcome = emptyOutcome();
    const name = columnNamer(mapping, headers);
    const now = new Date();
    const rows: Array<{ record: CsvRecord; row: HistoryRow }> = [];
    for (const record of records) {
      const result = rowToHistory(record, mapping, headers, now.getTime());
      if (!result.ok) {
        outcome.errors.push(problemError(record, result, name));
        continue;
      }
      const earlier = linesByEmail.get(result.input.lead.email);
      if (earlier !== undefined) {
        outcome.errors.push(rowError(record, `${name("email")}: Line ${earlier} already holds this lead's history; give each lead one row.`, name("email")));
        continue;
      }
      linesByEmail.set(result.input.lead.email, record.line);
      rows.push({ record, row: result.input });
    }
    (await importHistoryIn(tx, rows.map((item) => item.row), { now })).forEach((result, index) => {
      const { record, row } = rows[index];
      if (result.status === "error") {
        outcome.errors.push(problemError(record, historyProblem(record.line, result.errors, row.stages, name), name));
        return;
      }
      outcome.leadIds.push(result.leadId);
      if (result.status === "created") outcome.created += 1;
      else outcome.updated += 1;
    });
    return outcome;
  };
  return { importBatch, remember };
}

async function importerFor(jobId: string, kind: ImportKind, headers: readonly string[]): Promise<Importer> {
  if (kind === "leads") return leadImporter(new Set(await jobStore.importedLeadEmails(reads(), jobId)));
  if (kind === "events") return eventImporter();
  return historyImporter(headers);
}

/** What an import had done when it last committed: rows before nextRow are in, counted in summary. */
export type ImportCheckpoint = { nextRow: number; summary: ImportSummary };

/**
 * The import job's work: rows in slices sized to take a few milliseconds each, each slice one
 * transaction with its bad rows and the checkpoint, a pause between slices so the server keeps
 * answering (the progress polls among them) while a big file goes in. Given a checkpoint, it
 * carries on after it: the importer first relearns what it did before (the e-mails it saw or
 * the leads it wrote).
 */
export async function importRecords(input: {
  jobId: string;
  kind: ImportKind;
  headers: readonly string[];
  records: CsvRecords;
  mapping: ColumnMapping;
  from?: ImportCheckpoint | null;
}): Promise<ImportSummary> {
  const { jobId, kind, records, mapping } = input;
  const summary: ImportSummary = input.from ? { ...input.from.summary } : { kind, total: records.length, created: 0, updated: 0, duplicates: 0, failed: 0 };
  const importer = await importerFor(jobId, kind, input.headers);
  let start = input.from?.nextRow ?? 0;
  for (let from = 0; from < start; from += IMPORT_BATCH_ROWS) importer.remember(records.slice(from, Math.min(from + IMPORT_BATCH_ROWS, start)), mapping);
  const slices = new TimeSlices(50, { min: 10, max: IMPORT_BATCH_ROWS, pause: true });
  while (start < records.length) {
    start = await slices.run((size) => {
      const end = Math.min(start + size, records.length);
      // Read before the transaction: the write turn lasts only as long as the writing.
      const batch = records.slice(start, end);
      return transaction(async (tx) => {
        const outcome = await importer.importBatch(tx, batch, mapping);
        summary.created += outcome.created;
        summary.updated += outcome.updated;
        summary.duplicates += outcome.duplicates;
        summary.failed += outcome.errors.length;
        await jobStore.insertRowErrors(tx, jobId, outcome.errors);
        await jobStore.insertImportedLeads(tx, jobId, outcome.leadIds);
        await jobStore.saveStep(tx, jobId, { checkpoint: { nextRow: end, summary } satisfies ImportCheckpoint, processed: end, total: records.length, failed: summary.failed });
        return end;
      });
    });
  }
  return summary;
}
