import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { readCsv } from "./csv-file";
import type { CsvRecord } from "./csv-file";
import {
  extraFieldName,
  mappingProblems,
  mergeLeadInputs,
  parseImportDate,
  parseWholeNumber,
  reasonBesideField,
  rowToInput,
  stableEventKey,
  suggestMapping,
} from "./csv-import";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const row = (cells: string[], line = 2): CsvRecord => ({ line, cells, raw: cells.join(",") });

describe("suggestMapping", () => {
  test("lead headers match ignoring case, spaces, underscores and dashes, with common synonyms", () => {
    const headers = ["E-mail", "First Name", "last_name", "Job Title", "Company Name", "Employees", "Revenue", "Phone Number", "Lead Source", "Favourite colour"];
    expect(suggestMapping(headers, "leads")).toEqual(["email", "firstName", "lastName", "title", "company", "companySize", "annualRevenue", "phone", "source", null]);
    expect(suggestMapping(["Email Address", "COUNTRY", "Web Site", "Industry"], "leads")).toEqual(["email", "country", "website", "industry"]);
  });

  test("event headers: Event, Date, Timestamp, Lead ID", () => {
    expect(suggestMapping(["Email", "Event", "Date", "Booth"], "events")).toEqual(["email", "type", "occurredAt", null]);
    expect(suggestMapping(["Lead ID", "Event Type", "Timestamp", "Event ID"], "events")).toEqual(["leadId", "type", "occurredAt", "idempotencyKey"]);
  });

  test("a field is suggested for the first matching column only", () => {
    expect(suggestMapping(["Email", "Work Email"], "leads")).toEqual(["email", null]);
  });
});

describe("mappingProblems", () => {
  test("says clearly when the e-mail (leads) or the type and the lead (events) are not mapped", () => {
    expect(mappingProblems(["Name"], [null], "leads")).toEqual([expect.stringContaining("e-mail address")]);
    expect(mappingProblems(["Date"], ["occurredAt"], "events")).toEqual([expect.stringContaining("event type"), expect.stringContaining("lead's e-mail")]);
    expect(mappingProblems(["Lead", "Type"], ["leadId", "type"], "events")).toEqual([]);
  });

  test("a field chosen twice, an unknown field or a mapping of the wrong length is refused", () => {
    expect(mappingProblems(["A", "B"], ["email", "email"], "leads")).toEqual(["E-mail is chosen for 2 columns (A, B); keep one."]);
    expect(mappingProblems(["A", "B"], ["email", "score"], "leads")).toEqual(["Unknown field: score."]);
    expect(mappingProblems(["A", "B"], ["email", "custom.__proto__"], "leads")).toEqual(["Unknown field: custom.__proto__."]);
    expect(mappingProblems(["A"], ["email", null], "leads")).toEqual([expect.stringContaining("2 columns")]);
    expect(mappingProblems(["A", "B"], ["email", "custom.booth"], "leads")).toEqual([]);
  });
});

test("extra columns are kept under a safe snake_case name", () => {
  expect(extraFieldName("Booth Number", 0)).toBe("booth_number");
  expect(extraFieldName("__proto__", 3)).toBe("proto");
  expect(extraFieldName("★", 3)).toBe("column_4");
});

describe("lenient values", () => {
  test.each([
    ["1200", 1200],
    ["1,200", 1200],
    [" 1 200 ", 1200],
    ["$1,500,000", 1_500_000],
    ["1.2M", 1_200_000],
    ["2.3m", 2_300_000],
    ["15k", 15_000],
    ["1200.0", 1200],
    ["1.5", "fraction"],
    ["lots", null],
    ["51-200", null],
  ])("number %j → %j", (text, expected) => {
    expect(parseWholeNumber(text)).toBe(expected);
  });

  test.each([
    ["2026-11-24", "2026-11-24T00:00:00.000Z"],
    ["2026-11-24 09:30", "2026-11-24T09:30:00.000Z"],
    ["2026-11-24T09:30:15Z", "2026-11-24T09:30:15.000Z"],
    ["2026-11-24T09:30:00+01:00", "2026-11-24T08:30:00.000Z"],
    ["2026-11-24T09:30:00.5-0230", "2026-11-24T12:00:00.500Z"],
    ["2026-02-30", null],
    ["2026-11-24 25:00", null],
    ["24/11/2026", null],
  ])("date %j → %j", (text, expected) => {
    expect(parseImportDate(text)).toBe(expected);
  });
});

describe("rowToInput — leads", () => {
  const mapping = ["email", "firstName", "companySize", "annualRevenue", "custom.booth", null];

  test("builds the lead input: numbers parsed, empty cells left out, kept columns as custom fields", () => {
    expect(rowToInput(row(["  Ada@Example.COM ", "Ada", "1,200", "", "B12", "ignored"], 7), mapping, "leads")).toEqual({
      ok: true,
      line: 7,
      input: { email: "ada@example.com", firstName: "Ada", companySize: 1200, customFields: { booth: "B12" } },
    });
  });

  test("a bad e-mail or a non-numeric size is reported with the line, the field and the reason", () => {
    expect(rowToInput(row(["not-an-email", "Bo", "", "", "", ""], 4), mapping, "leads")).toEqual({
      ok: false,
      line: 4,
      field: "email",
      reason: 'E-mail "not-an-email": Must be a valid e-mail address.',
    });
    expect(rowToInput(row(["bo@example.com", "Bo", "lots", "", "", ""], 5), mapping, "leads")).toMatchObject({
      ok: false,
      line: 5,
      field: "companySize",
      reason: expect.stringMatching(/^Company size "lots": Is not a number/),
    });
  });

  test("a missing e-mail, an unreadable record or extra values are bad rows too", () => {
    expect(rowToInput(row(["", "Bo", "", "", "", ""]), mapping, "leads")).toMatchObject({ ok: false, field: "email", reason: expect.stringContaining("Is empty") });
    expect(rowToInput({ ...row(["x"]), parseError: "A quoted value is never closed" }, mapping, "leads")).toMatchObject({ ok: false, field: null, reason: "A quoted value is never closed" });
    expect(rowToInput(row(["a@x.example", "", "", "", "", "", "surprise"]), mapping, "leads")).toMatchObject({ ok: false, reason: expect.stringContaining("7 values") });
    expect(rowToInput(row(["a@x.example", "", "", "", "", "", " "]), mapping, "leads")).toMatchObject({ ok: true });
  });

  test("later rows for the same e-mail win, custom fields merge", () => {
    const merged = mergeLeadInputs({ email: "a@x.example", firstName: "A", company: "Old", customFields: { booth: "1" } }, { email: "a@x.example", company: "New", customFields: { badge: "x" } });
    expect(merged).toEqual({ email: "a@x.example", firstName: "A", company: "New", customFields: { booth: "1", badge: "x" } });
  });
});

describe("rowToInput — events", () => {
  const mapping = ["email", "type", "occurredAt", "property.booth"];

  test("normalises the type and the date, keeps extra columns as properties", () => {
    expect(rowToInput(row(["ada@example.com", "Event Attended", "2026-11-20 14:05", "B12"]), mapping, "events")).toEqual({
      ok: true,
      line: 2,
      input: { email: "ada@example.com", type: "event_attended", occurredAt: "2026-11-20T14:05:00.000Z", properties: { booth: "B12" } },
    });
  });

  test("a lead id wins over an e-mail in the same row", () => {
    const result = rowToInput(row(["lead-1", "a@x.example", "page_view"]), ["leadId", "email", "type"], "events");
    expect(result).toMatchObject({ ok: true, input: { leadId: "lead-1", type: "page_view" } });
    expect(result.ok && "email" in result.input).toBe(false);
  });

  test("bad dates, types and missing leads are reported", () => {
    expect(rowToInput(row(["a@x.example", "page_view", "yesterday", ""]), mapping, "events")).toMatchObject({ ok: false, field: "occurredAt", reason: expect.stringContaining('"yesterday"') });
    expect(rowToInput(row(["a@x.example", "Café visit!", "", ""]), mapping, "events")).toMatchObject({ ok: false, field: "type" });
    expect(rowToInput(row(["", "page_view", "", ""]), mapping, "events")).toMatchObject({ ok: false, field: "email" });
  });
});

describe("stableEventKey", () => {
  const event = { email: "Ada@Example.com", type: "event_attended", occurredAt: "2026-11-20T14:05:00.000Z", properties: { booth: "B12", city: "Berlin" } };

  test("the same event gives the same key, whatever the order of its properties or the case of the e-mail", () => {
    const key = stableEventKey(event, sha256);
    expect(key).toMatch(/^csv:[0-9a-f]{64}$/);
    expect(stableEventKey({ ...event, email: "ada@example.com", properties: { city: "Berlin", booth: "B12" } }, sha256)).toBe(key);
    expect(stableEventKey({ ...event, occurredAt: "2026-11-20T15:05:00+01:00" }, sha256)).toBe(key);
  });

  test("any difference in who, what, when or details gives another key", () => {
    const key = stableEventKey(event, sha256);
    for (const other of [{ ...event, email: "bo@example.com" }, { ...event, type: "meeting_booked" }, { ...event, occurredAt: "2026-11-21T14:05:00Z" }, { ...event, properties: { booth: "B13", city: "Berlin" } }]) {
      expect(stableEventKey(other, sha256)).not.toBe(key);
    }
  });

  test("a key given in the file is used as it is", () => {
    expect(stableEventKey({ ...event, idempotencyKey: "badge-4711" }, sha256)).toBe("badge-4711");
  });
});

test("line numbers survive from the file to the row problem, with embedded line breaks", () => {
  const read = readCsv('email;company;size\n"a@x.example";"Acme\nEurope";"10"\nb@x.example;Beta;many\n');
  if (!read.ok) throw new Error(read.error);
  const results = read.file.records.slice(0, read.file.records.length).map((record) => rowToInput(record, ["email", "company", "companySize"], "leads"));
  expect(results).toEqual([
    { ok: true, line: 2, input: { email: "a@x.example", company: "Acme\nEurope", companySize: 10 } },
    expect.objectContaining({ ok: false, line: 4, field: "companySize" }),
  ]);
});

describe("reasonBesideField", () => {
  test.each([
    { reason: 'E-mail "not-an-email": Must be a valid e-mail address.', field: "E-mail", shown: '"not-an-email": Must be a valid e-mail address.' },
    { reason: "Date and time: Lies more than a day in the future.", field: "Date and time", shown: "Lies more than a day in the future." },
    { reason: "won_at: WON on 2025-02-01 is before the lead was created.", field: "won_at", shown: "WON on 2025-02-01 is before the lead was created." },
    { reason: "The row has 4 values but the header has 3 columns.", field: null, shown: "The row has 4 values but the header has 3 columns." },
    { reason: "Company sizes: something else", field: "Company size", shown: "Company sizes: something else" },
  ])("beside $field, “$reason” reads “$shown”", ({ reason, field, shown }) => {
    expect(reasonBesideField(reason, field)).toBe(shown);
  });
});
