import { describe, expect, test } from "vitest";
import { readCsv } from "../csv-file";
import type { ColumnMapping } from "../csv-import";
import { mappingProblems, suggestMapping } from "../csv-import";
import { HISTORY_EXAMPLE_CSV, historyProblem, columnNamer, rowToHistory } from "./history-csv";

const NOW = Date.parse("2026-11-24T12:00:00Z");
const HEADERS = ["email", "company", "created_at", "mql_at", "sal_at", "sql_at", "won_at", "lost_at", "lost_reason", "Plan"];
const MAPPING: ColumnMapping = ["email", "company", "createdAt", "mqlAt", "salAt", "sqlAt", "wonAt", "lostAt", "lostReason", "custom.plan"];

/** A row of the file above, by column; the rest of its cells empty. */
function row(cells: Partial<Record<(typeof HEADERS)[number], string>>, line = 2) {
  return { line, cells: HEADERS.map((header) => cells[header] ?? ""), raw: "" };
}
const convert = (cells: Parameters<typeof row>[0], mapping = MAPPING, headers = HEADERS) => rowToHistory(row(cells), mapping, headers, NOW);

describe("rowToHistory", () => {
  test("a won lead: its fields, its creation, and every stage it reached, in funnel order", () => {
    expect(
      convert({ email: "Ada@Example.com", company: "Analytical", created_at: "2025-01-06", mql_at: "2025-01-20 09:30", sal_at: "2025-01-21", sql_at: "2025-02-03T10:00:00+01:00", won_at: "2025-03-14", Plan: "pro" }),
    ).toEqual({
      ok: true,
      line: 2,
      input: {
        lead: { email: "ada@example.com", company: "Analytical", customFields: { plan: "pro" }, createdAt: "2025-01-06T00:00:00.000Z" },
        stages: [
          { stage: "MQL", at: "2025-01-20T09:30:00.000Z" },
          { stage: "SAL", at: "2025-01-21T00:00:00.000Z" },
          { stage: "SQL", at: "2025-02-03T09:00:00.000Z" },
          { stage: "WON", at: "2025-03-14T00:00:00.000Z" },
        ],
      },
    });
  });

  test("empty stage columns are stages never reached: skipped, not errors", () => {
    const result = convert({ email: "skip@x.example", created_at: "2025-01-06", sql_at: "2025-02-01", won_at: "2025-03-01" });
    expect(result).toMatchObject({ ok: true, input: { stages: [{ stage: "SQL" }, { stage: "WON" }] } });
    expect(convert({ email: "open@x.example", created_at: "2025-01-06" })).toMatchObject({ ok: true, input: { stages: [] } });
  });

  test("LOST after SQL is a lost deal, with its reason", () => {
    expect(convert({ email: "lost@x.example", created_at: "2025-01-06", mql_at: "2025-01-10", sql_at: "2025-02-01", lost_at: "2025-03-01", lost_reason: "No budget" })).toMatchObject({
      ok: true,
      input: { stages: [{ stage: "MQL" }, { stage: "SQL" }, { stage: "LOST", at: "2025-03-01T00:00:00.000Z", reason: "No budget" }] },
    });
  });

  test("WON before the lead was created names the column", () => {
    expect(convert({ email: "early@x.example", created_at: "2025-03-01", won_at: "2025-02-01" })).toEqual({
      ok: false,
      line: 2,
      field: "wonAt",
      reason: "won_at: WON on 2025-02-01 is before the lead was created (2025-03-01).",
    });
  });

  test("stage dates out of order name the later stage's column", () => {
    expect(convert({ email: "order@x.example", created_at: "2025-01-01", mql_at: "2025-02-10", sal_at: "2025-02-01" })).toMatchObject({
      ok: false,
      field: "salAt",
      reason: "sal_at: SAL on 2025-02-01 is earlier than MQL on 2025-02-10; dates can't go back.",
    });
  });

  test("LOST before the SQL it follows is out of order too", () => {
    expect(convert({ email: "lost@x.example", created_at: "2025-01-06", sql_at: "2025-03-01", lost_at: "2025-02-01" })).toMatchObject({
      ok: false,
      field: "lostAt",
      reason: "lost_at: LOST on 2025-02-01 is earlier than SQL on 2025-03-01; dates can't go back.",
    });
  });

  test("every problem of a row is reported at once", () => {
    const result = convert({ email: "twice@x.example", created_at: "2025-03-01", mql_at: "2025-02-01", sal_at: "2025-01-01" });
    expect(result).toMatchObject({ ok: false, field: "mqlAt" });
    expect(!result.ok && result.reason).toBe(
      "mql_at: MQL on 2025-02-01 is before the lead was created (2025-03-01). sal_at: SAL on 2025-01-01 is before the lead was created (2025-03-01). sal_at: SAL on 2025-01-01 is earlier than MQL on 2025-02-01; dates can't go back.",
    );
  });

  test("a lost reason without the date it was lost is an error naming the column", () => {
    expect(convert({ email: "why@x.example", created_at: "2025-01-06", lost_reason: "No budget" })).toEqual({
      ok: false,
      line: 2,
      field: "lostReason",
      reason: "lost_reason: Is filled but lost_at is empty; give the date the lead was lost, or leave the reason out.",
    });
  });

  test("won and lost both filled is refused", () => {
    expect(convert({ email: "both@x.example", created_at: "2025-01-06", won_at: "2025-02-01", lost_at: "2025-03-01" })).toMatchObject({
      ok: false,
      field: "lostAt",
      reason: "lost_at: A lead is won or lost, not both; won_at is filled too.",
    });
  });

  test("a stage in the future is refused", () => {
    expect(convert({ email: "later@x.example", created_at: "2026-11-01", won_at: "2027-01-01" })).toMatchObject({ ok: false, field: "wonAt", reason: "won_at: WON on 2027-01-01 lies in the future." });
  });

  test.each([
    [{ created_at: "2025-01-06" }, "email", "email: Is empty; every past lead needs an e-mail address."],
    [{ email: "x@x.example" }, "createdAt", "created_at: Is empty; give the date the lead was created, e.g. 2025-03-01."],
    [{ email: "x@x.example", created_at: "06/01/2025" }, "createdAt", 'created_at "06/01/2025": Is not a date;'],
    [{ email: "x@x.example", created_at: "2025-01-06", won_at: "soon" }, "wonAt", 'won_at "soon": Is not a date;'],
    [{ email: "not-an-email", created_at: "2025-01-06" }, "email", 'email "not-an-email": Must be a valid e-mail address.'],
  ])("%j is refused at %s", (cells, field, reason) => {
    const result = convert(cells);
    expect(result).toMatchObject({ ok: false, field });
    expect(!result.ok && result.reason.startsWith(reason)).toBe(true);
  });

  test("columns are named as the file names them; a field no column fills, by its label", () => {
    const headers = ["E-mail", "Create Date", "Close Date", "Closed Lost Reason"];
    const mapping: ColumnMapping = ["email", "createdAt", "wonAt", "lostReason"];
    const early = rowToHistory({ line: 7, cells: ["a@x.example", "2025-03-01", "2025-02-01", ""], raw: "" }, mapping, headers, NOW);
    expect(early).toMatchObject({ ok: false, line: 7, reason: "Close Date: WON on 2025-02-01 is before the lead was created (2025-03-01)." });
    const orphan = rowToHistory({ line: 8, cells: ["a@x.example", "2025-03-01", "", "Chose a rival"], raw: "" }, mapping, headers, NOW);
    expect(orphan).toMatchObject({ ok: false, reason: "Closed Lost Reason: Is filled but Lost (lost_at) is empty; give the date the lead was lost, or leave the reason out." });
  });
});

describe("historyProblem", () => {
  test("maps the import's error paths back to the columns", () => {
    const stages = [{ stage: "MQL" as const, at: "2025-01-01T00:00:00Z" }, { stage: "LOST" as const, at: "2025-01-02T00:00:00Z", reason: "x" }];
    const name = columnNamer(MAPPING, HEADERS);
    const errors = [
      { field: "lead.createdAt", message: "The lead's creation date lies in the future." },
      { field: "stages.1.reason", message: "Too long." },
      { field: "lead.customFields.plan", message: "Too long." },
      { field: "records", message: "Something else." },
    ];
    expect(historyProblem(3, errors, stages, name)).toEqual({
      ok: false,
      line: 3,
      field: "createdAt",
      reason: "created_at: The lead's creation date lies in the future. lost_reason: Too long. Plan: Too long. Something else.",
    });
  });
});

describe("the history kind's mapping", () => {
  test("CRM lifecycle headers are matched to the history fields", () => {
    const headers = ["Email", "Create Date", "Became a Marketing Qualified Lead Date", "Became a Sales Qualified Lead Date", "Close Date", "Closed Lost Date", "Closed Lost Reason", "Lead Source"];
    expect(suggestMapping(headers, "history")).toEqual(["email", "createdAt", "mqlAt", "sqlAt", "wonAt", "lostAt", "lostReason", "source"]);
  });

  test("the example file maps by itself, needs nothing changed, and every row is ready", () => {
    const read = readCsv(HISTORY_EXAMPLE_CSV);
    if (!read.ok) throw new Error(read.error);
    const mapping = suggestMapping(read.file.headers, "history");
    expect(mapping).toEqual(["email", "firstName", "lastName", "company", "industry", "source", "createdAt", "mqlAt", "salAt", "sqlAt", "wonAt", "lostAt", "lostReason"]);
    expect(mappingProblems(read.file.headers, mapping, "history")).toEqual([]);
    expect(read.file.records.slice(0, read.file.records.length).map((record) => rowToHistory(record, mapping, read.file.headers, NOW).ok)).toEqual([true, true, true]);
  });

  test("a history file must map the e-mail and the creation date", () => {
    expect(mappingProblems(["email", "won_at"], ["email", "wonAt"], "history")).toEqual([
      "Choose the column with the date each lead was created (created_at): the stages are dated from it.",
    ]);
  });
});
