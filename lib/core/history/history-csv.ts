import type { CsvRecord } from "../csv-file";
import type { ColumnMapping, FieldNamer, RowFailure, RowResult } from "../csv-import";
import { readRow, rowProblem, schemaProblem, targetLabel } from "../csv-import";
import type { LeadInput } from "../lead-input";
import { leadInputSchema } from "../lead-input";
import type { HistoryStage } from "./history-record";
import { checkHistoryRecord } from "./history-record";

/*
 * One row of a CRM's lifecycle export — the lead, the date it was created and the date it
 * reached each stage — as a history record (history-record.ts) for importHistory. The row is
 * checked here exactly as the import will check the record, and every problem names the
 * column of the file it comes from, as the user sees it: "won_at: WON on … is before …".
 */

/** The column for each stage, in funnel order; LOST may follow any of them. */
export const STAGE_COLUMNS: ReadonlyArray<{ key: string; stage: HistoryStage }> = [
  { key: "mqlAt", stage: "MQL" },
  { key: "salAt", stage: "SAL" },
  { key: "sqlAt", stage: "SQL" },
  { key: "wonAt", stage: "WON" },
  { key: "lostAt", stage: "LOST" },
];
const HISTORY_KEYS = new Set(["createdAt", "lostReason", ...STAGE_COLUMNS.map((column) => column.key)]);

/** A history record as importHistory takes it (no events: those come from the events import). */
export type HistoryRow = {
  lead: LeadInput & { createdAt: string };
  stages: Array<{ stage: HistoryStage; at: string; reason?: string }>;
};

/** A field named by the file's column that fills it; a field no column fills, by its label. */
export function columnNamer(mapping: ColumnMapping, headers: readonly string[]): FieldNamer {
  return (field) => {
    const index = mapping.indexOf(field);
    return index >= 0 && headers[index] !== undefined ? headers[index] : targetLabel("history", field);
  };
}

/** The row field a record's error path points at: `lead.createdAt` → createdAt, `stages.1.at` → that stage's column. */
function fieldOfPath(path: string, stages: HistoryRow["stages"]): string | null {
  const [head, second, third] = path.split(".");
  // The custom fields as a whole (too many of them) are no one column.
  if (head === "lead") return second === "customFields" ? (third === undefined ? null : `custom.${third}`) : (second ?? null);
  if (head !== "stages" || second === undefined) return null;
  const entry = stages[Number(second)];
  if (!entry) return null;
  if (third === "reason") return "lostReason";
  return STAGE_COLUMNS.find((column) => column.stage === entry.stage)?.key ?? null;
}

/**
 * What importHistory or checkHistoryRecord said about a record, as one reason naming the columns:
 * every problem, so a row is fixed in one go.
 */
export function historyProblem(line: number, errors: ReadonlyArray<{ field: string; message: string }>, stages: HistoryRow["stages"], name: FieldNamer): RowFailure {
  const fields = errors.map((error) => fieldOfPath(error.field, stages));
  const reason = errors.map((error, index) => (fields[index] ? `${name(fields[index])}: ${error.message}` : error.message)).join(" ");
  return { ok: false, line, field: fields.find((field) => field !== null) ?? null, reason };
}

/**
 * One row as a history record, or why it can't be one. Stage columns left empty are stages the
 * lead never reached; a lost reason needs the date it was lost; a lead is won or lost, not both.
 * `now` bounds the dates: nothing may lie in the future.
 */
export function rowToHistory(record: CsvRecord, mapping: ColumnMapping, headers: readonly string[], now: number): RowResult<HistoryRow> {
  const { line } = record;
  const name = columnNamer(mapping, headers);
  const read = readRow(record, mapping, "history", name);
  if (!read.ok) return read;
  const { values, input, extras } = read.row;
  if (!values.has("email")) return rowProblem(line, name, "email", "Is empty; every past lead needs an e-mail address.");
  if (!values.has("createdAt")) return rowProblem(line, name, "createdAt", "Is empty; give the date the lead was created, e.g. 2025-03-01.");
  if (values.has("lostReason") && !values.has("lostAt")) {
    return rowProblem(line, name, "lostReason", `Is filled but ${name("lostAt")} is empty; give the date the lead was lost, or leave the reason out.`);
  }
  if (values.has("wonAt") && values.has("lostAt")) return rowProblem(line, name, "lostAt", `A lead is won or lost, not both; ${name("wonAt")} is filled too.`);

  const leadFields = Object.fromEntries(Object.entries(input).filter(([key]) => !HISTORY_KEYS.has(key)));
  if (Object.keys(extras).length > 0) leadFields.customFields = extras;
  const lead = leadInputSchema.safeParse(leadFields);
  if (!lead.success) return schemaProblem(line, "history", name, lead.error, values);

  const stages: HistoryRow["stages"] = STAGE_COLUMNS.flatMap(({ key, stage }) => {
    const at = input[key];
    if (typeof at !== "string") return [];
    const reason = stage === "LOST" ? values.get("lostReason") : undefined;
    return [reason ? { stage, at, reason } : { stage, at }];
  });
  const row: HistoryRow = { lead: { ...lead.data, createdAt: input.createdAt as string }, stages };
  const checked = checkHistoryRecord(row, now);
  return checked.ok ? { ok: true, line, input: row } : historyProblem(line, checked.errors, stages, name);
}

/** A small file to start from, downloadable from the import page: every column, a won, a lost and an open lead. */
export const HISTORY_EXAMPLE_CSV = [
  "email,first_name,last_name,company,industry,source,created_at,mql_at,sal_at,sql_at,won_at,lost_at,lost_reason",
  "ada@example.com,Ada,Lovelace,Analytical Engines,Software,webinar,2025-01-06,2025-01-20,2025-01-21,2025-02-03,2025-03-14,,",
  "grace@example.com,Grace,Hopper,Navy Lab,Government,referral,2025-02-10,2025-02-24,2025-02-25,,,2025-04-01,No budget",
  "linus@example.com,Linus,Torvalds,Kernel Org,Software,paid_search,2025-03-03,,,,,,",
].join("\r\n");
