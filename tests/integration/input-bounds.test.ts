import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { POST as postHistory } from "@/app/api/v1/history/route";
import { POST as postLead } from "@/app/api/v1/leads/route";
import type { ColumnMapping, ImportKind } from "@/lib/core/csv-import";
import { resetRateLimits } from "@/lib/server/api/rate-limit";
import { getImportJobAction, startCsvImportAction } from "@/lib/server/ingest/csv-import-actions";
import { db } from "@/lib/server/store/db";
import { call, createKey } from "../support/api";
import { createUser } from "../support/factories";
import { signInAs } from "../support/sign-in";

let key: string;
let marketer: { id: string };

beforeAll(async () => {
  key = (await createKey()).key;
  marketer = await createUser("MARKETER");
});

afterEach(() => resetRateLimits());

/** `count` custom fields named `<prefix>0`, `<prefix>1`… each holding `value`. */
const fields = (prefix: string, count: number, value: string | number = 1) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`${prefix}${index}`, value]));

const storedFields = async (email: string) => JSON.parse((await db.lead.findUniqueOrThrow({ where: { email } })).customFields) as Record<string, unknown>;

async function importCsv(text: string, kind: ImportKind, mapping: ColumnMapping) {
  signInAs(marketer);
  const started = await startCsvImportAction({ text, kind, mapping });
  if (!started.ok) throw new Error(started.error.message);
  for (;;) {
    const job = await getImportJobAction({ jobId: started.data.jobId });
    if (!job.ok) throw new Error(job.error.message);
    if (job.data.status === "done") {
      const errors = await db.importRowError.findMany({ where: { jobId: started.data.jobId }, orderBy: { line: "asc" }, select: { line: true, reason: true } });
      return { result: job.data.result!, errors: errors.map((error) => [error.line, error.reason]) };
    }
    if (job.data.status === "failed") throw new Error(`The import failed: ${job.data.error}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("custom fields are capped on what a lead would hold after the merge", () => {
  test("POST /leads: 30 fields, then 30 more, is refused naming customFields; the lead keeps its 30", async () => {
    const email = "many-fields@prospect.example";
    expect((await call(postLead, { path: "/leads", key, body: { email, customFields: fields("a", 30) } })).status).toBe(201);
    const refused = await call(postLead, { path: "/leads", key, body: { email, firstName: "Changed", customFields: fields("b", 30) } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: "validation_failed", details: { customFields: "At most 50 custom fields per lead; this would make 60." } });
    expect(Object.keys(await storedFields(email))).toHaveLength(30);
    expect((await db.lead.findUniqueOrThrow({ where: { email } })).firstName).not.toBe("Changed");
    // Overwriting fields it has already is fine.
    expect((await call(postLead, { path: "/leads", key, body: { email, customFields: fields("a", 30, 2) } })).status).toBe(200);
  });

  test("POST /leads: more than 16 KB of custom fields, at once or merged, is refused naming customFields", async () => {
    const email = "big-fields@prospect.example";
    const atOnce = await call(postLead, { path: "/leads", key, body: { email, customFields: fields("a", 20, "x".repeat(1_000)) } });
    expect(atOnce.status).toBe(400);
    expect(atOnce.body.error.details).toEqual({ customFields: expect.stringContaining("at most 16 KB") });
    expect(await db.lead.count({ where: { email } })).toBe(0);

    expect((await call(postLead, { path: "/leads", key, body: { email, customFields: fields("a", 10, "x".repeat(1_000)) } })).status).toBe(201);
    const merged = await call(postLead, { path: "/leads", key, body: { email, customFields: fields("b", 10, "x".repeat(1_000)) } });
    expect(merged.status).toBe(400);
    expect(merged.body.error.details).toEqual({ customFields: expect.stringContaining("at most 16 KB") });
    expect(Object.keys(await storedFields(email))).toHaveLength(10);
  });

  test("CSV leads: a row that would take a lead over 50 fields fails with its line; the other leads go in", async () => {
    const email = "csv-fields@prospect.example";
    await call(postLead, { path: "/leads", key, body: { email, customFields: fields("stored", 45) } });
    const headers = ["Email", ...Array.from({ length: 10 }, (_, index) => `Extra ${index}`)];
    const text = [headers.join(","), [email, ...Array(10).fill("v")].join(","), ["fine@prospect.example", ...Array(10).fill("v")].join(",")].join("\n");
    const mapping = ["email", ...Array.from({ length: 10 }, (_, index) => `custom.extra${index}`)];
    const { result, errors } = await importCsv(text, "leads", mapping);
    expect(result).toEqual({ kind: "leads", total: 2, created: 1, updated: 0, duplicates: 0, failed: 1 });
    expect(errors).toEqual([[2, "Custom fields: At most 50 custom fields per lead; this would make 55."]]);
    expect(Object.keys(await storedFields(email))).toHaveLength(45);
    expect(Object.keys(await storedFields("fine@prospect.example"))).toHaveLength(10);
  });

  test("POST /history: a record that would take the stored lead over 50 fields fails on lead.customFields; the others go in", async () => {
    const email = "history-fields@prospect.example";
    await call(postLead, { path: "/leads", key, body: { email, customFields: fields("stored", 45) } });
    const record = (address: string) => ({ lead: { email: address, createdAt: "2025-01-10T09:00:00Z", customFields: fields("past", 10) } });
    const response = await call(postHistory, { path: "/history", key, body: { records: [record(email), record("history-fine@prospect.example")] } });
    expect(response.status).toBe(200);
    expect(response.body.results[0]).toEqual({ index: 0, status: "error", errors: [{ field: "lead.customFields", message: "At most 50 custom fields per lead; this would make 55." }] });
    expect(response.body.results[1]).toMatchObject({ index: 1, status: "created" });
    expect(Object.keys(await storedFields(email))).toHaveLength(45);
  });
});

describe("dates are accepted from 1970-01-01 to a day ahead", () => {
  const postEvent = (occurredAt: string) => call(postEvents, { path: "/events", key, body: { email: "dated@prospect.example", type: "page_view", occurredAt } });

  test("POST /events: year 0000 and 1969 are refused naming occurredAt; 1970-01-01 is accepted", async () => {
    for (const occurredAt of ["0000-01-01T00:00:00Z", "1969-12-31T23:59:59Z"]) {
      const refused = await postEvent(occurredAt);
      expect(refused.status, occurredAt).toBe(400);
      expect(refused.body.error.details, occurredAt).toEqual({ occurredAt: "Must be on or after 1970-01-01." });
    }
    expect((await postEvent("1970-01-01T00:00:00Z")).status).toBe(201);
    expect((await postEvent(new Date(Date.now() + 2 * 86_400_000).toISOString())).status).toBe(400);
  });

  test("POST /history: a creation, event or stage date before 1970 fails naming the field", async () => {
    const response = await call(postHistory, {
      path: "/history",
      key,
      body: {
        records: [
          { lead: { email: "ancient@prospect.example", createdAt: "0000-01-01T00:00:00Z" } },
          {
            lead: { email: "ancient2@prospect.example", createdAt: "1970-01-01T00:00:00Z" },
            events: [{ type: "page_view", occurredAt: "0000-06-01T00:00:00Z" }],
            stages: [{ stage: "MQL", at: "1969-06-01T00:00:00Z" }],
          },
        ],
      },
    });
    expect(response.body.results[0]).toEqual({ index: 0, status: "error", errors: [{ field: "lead.createdAt", message: "Must be on or after 1970-01-01." }] });
    expect(response.body.results[1].errors).toEqual(
      expect.arrayContaining([
        { field: "events.0.occurredAt", message: "Must be on or after 1970-01-01." },
        { field: "stages.0.at", message: "Must be on or after 1970-01-01." },
      ]),
    );
    expect(await db.lead.count({ where: { email: { startsWith: "ancient" } } })).toBe(0);
  });

  test("CSV events: a row dated in year 0000 fails with its line; the others go in", async () => {
    const text = ["Email,Event,Date", "old@prospect.example,page_view,0000-01-01", "new@prospect.example,page_view,2026-01-01"].join("\n");
    const { result, errors } = await importCsv(text, "events", ["email", "type", "occurredAt"]);
    expect(result).toMatchObject({ created: 1, failed: 1 });
    expect(errors).toEqual([[2, 'Date and time "0000-01-01": Must be on or after 1970-01-01.']]);
  });
});
