import "server-only";
import Papa from "papaparse";
import type { LeadTableState } from "@/lib/core/lead-table";
import { matchingLeadIds, toLeadTableRow } from "./lead-table";
import type { FilterContext } from "./lead-list-store";
import { leadListStore } from "./lead-list-store";
import { reads } from "../store/database";

/** The most leads one export holds; the page says so when a filter matches more. */
export const EXPORT_LIMIT = 100_000;
const CHUNK = 1_000;

const COLUMNS = [
  "id",
  "name",
  "email",
  "company",
  "title",
  "stage",
  "owner",
  "totalScore",
  "fitScore",
  "engagementScore",
  "source",
  "industry",
  "country",
  "stageEnteredAt",
  "createdAt",
  "updatedAt",
  "lastActivityAt",
] as const;

// The file is made to be opened in a spreadsheet: a text cell starting with = + - @ tab or CR
// gets a leading ' so it can't run as a formula. Numbers (a negative score) stay numbers.
const CSV_OPTIONS = { escapeFormulae: true, newline: "\r\n" };

/**
 * The leads as CSV, in table order: every lead matching the filter, or only the given ids.
 * Written in chunks, so a large export streams instead of being built in memory first.
 */
export async function leadExportStream(state: LeadTableState, context: FilterContext, onlyIds: readonly string[] | null): Promise<ReadableStream<Uint8Array>> {
  const ids = onlyIds ?? (await matchingLeadIds(state, context, EXPORT_LIMIT)).ids;
  const encoder = new TextEncoder();
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${Papa.unparse([[...COLUMNS]], CSV_OPTIONS)}\r\n`));
    },
    async pull(controller) {
      if (offset >= ids.length) return controller.close();
      const chunk = ids.slice(offset, offset + CHUNK);
      offset += CHUNK;
      const rows = (await leadListStore.byIds(reads(), chunk)).map(toLeadTableRow);
      const records = rows.map((row) => COLUMNS.map((column) => (column === "owner" ? (row.ownerName ?? "") : (row[column] ?? ""))));
      if (records.length > 0) controller.enqueue(encoder.encode(`${Papa.unparse(records, CSV_OPTIONS)}\r\n`));
    },
  });
}
