/*
 * What the import pages show (the CSV preview, an import's progress and summary): plain types
 * shared by the services that build them and the components that render them.
 */

import type { ColumnMapping, ImportKind, RowProblem } from "@/lib/core/csv-import";
import type { JobView } from "./jobs";

// Built by lib/server/ingest/csv-import.ts.
/** A bad row as the page lists it: its line in the file, the field at fault (null: the whole row) and why. */
export type BadRow = { line: number; field: string | null; reason: string };
/**
 * An import as its page follows it. Once it has ended: `importedLeads`, how many leads it created
 * or updated (or added events to), as the lead table filtered by it counts them; and the first
 * bad rows.
 */
export type ImportJob = Omit<JobView, "result"> & { result: ImportSummary | null; importedLeads: number | null; firstBadRows: BadRow[] };

// Built by lib/server/ingest/csv-import-job.ts.
/** What an import did with every row: created + updated + duplicates + failed = total. */
export type ImportSummary = { kind: ImportKind; total: number; created: number; updated: number; duplicates: number; failed: number };

// Built by lib/server/ingest/csv-upload.ts.
/** A row of the preview, checked against the mapping; parseError travels along so the page can check it again. */
export type PreviewRow = { line: number; cells: string[]; parseError?: string; problem: RowProblem | null };
export type CsvPreview = { headers: string[]; mapping: ColumnMapping; delimiter: string; totalRows: number; rows: PreviewRow[] };
