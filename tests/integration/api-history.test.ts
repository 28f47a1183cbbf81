import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { POST as postHistory } from "@/app/api/v1/history/route";
import { createApiKey } from "@/lib/server/admin/api-keys";
import { resetRateLimits } from "@/lib/server/api/rate-limit";
import { db } from "@/lib/server/store/db";
import { call, createKey } from "../support/api";
import { createUser } from "../support/factories";

let key: string;

beforeAll(async () => {
  key = (await createKey()).key;
});

afterEach(() => resetRateLimits());

const post = (body: unknown, options: { key?: string } = {}) => call(postHistory, { path: "/history", key: options.key ?? key, body });

const wonRecord = (email: string) => ({
  lead: { email, firstName: "Past", lastName: "Buyer", company: "Oldco", companySize: 400, industry: "Software", seniority: "VP", createdAt: "2025-01-10T09:00:00Z" },
  events: [
    { type: "content_download", occurredAt: "2025-01-12T10:00:00Z", properties: { content: "Buyer's guide" } },
    { type: "meeting_booked", occurredAt: "2025-02-01T10:00:00Z" },
    { type: "contact_request", occurredAt: "2025-02-02T10:00:00Z" },
  ],
  stages: [
    { stage: "MQL", at: "2025-02-01T12:00:00Z" },
    { stage: "SAL", at: "2025-02-02T12:00:00Z" },
    { stage: "SQL", at: "2025-02-20T12:00:00Z" },
    { stage: "WON", at: "2025-04-01T12:00:00Z" },
  ],
});

describe("POST /api/v1/history", () => {
  test("a record is stored as the past: lead, events and stage entries with their own dates, marked imported", async () => {
    const response = await post({ records: [wonRecord("buyer@oldco.example")] });
    expect(response.status).toBe(200);
    expect(response.body.summary).toEqual({ created: 1, updated: 0, failed: 0 });
    const [result] = response.body.results;
    expect(result).toMatchObject({ index: 0, status: "created", events: { stored: 3, alreadyKnown: 0 }, stages: { stored: 4, alreadyKnown: 0 } });
    const lead = await db.lead.findUniqueOrThrow({ where: { id: result.leadId }, include: { transitions: { orderBy: { createdAt: "asc" } }, events: true, assignments: true } });
    expect(lead).toMatchObject({ stage: "WON", ownerId: null, createdAt: new Date("2025-01-10T09:00:00Z"), stageEnteredAt: new Date("2025-04-01T12:00:00Z") });
    expect(lead.transitions.map((t) => [t.fromStage, t.toStage, t.move, t.imported, t.actorId, t.createdAt.toISOString()])).toEqual([
      ["LEAD", "MQL", "markMql", true, null, "2025-02-01T12:00:00.000Z"],
      ["MQL", "SAL", "accept", true, null, "2025-02-02T12:00:00.000Z"],
      ["SAL", "SQL", "qualify", true, null, "2025-02-20T12:00:00.000Z"],
      ["SQL", "WON", "win", true, null, "2025-04-01T12:00:00.000Z"],
    ]);
    expect(lead.events.every((event) => event.source === "import")).toBe(true);
    // The past fires nothing: no routing, no owner.
    expect(lead.assignments).toHaveLength(0);
    expect(lead.totalScore).toBeGreaterThan(0);
  });

  test("sending the same records again changes nothing", async () => {
    const record = wonRecord("again@oldco.example");
    const first = await post({ records: [record] });
    const before = await db.lead.findUniqueOrThrow({ where: { id: first.body.results[0].leadId }, include: { transitions: true, events: true } });
    const second = await post({ records: [record] });
    expect(second.body.results[0]).toMatchObject({ status: "updated", leadId: before.id, events: { stored: 0, alreadyKnown: 3 }, stages: { stored: 0, alreadyKnown: 4 } });
    const after = await db.lead.findUniqueOrThrow({ where: { id: before.id }, include: { transitions: true, events: true } });
    expect(after.transitions).toHaveLength(4);
    expect(after.events).toHaveLength(3);
    expect({ stage: after.stage, version: after.version, createdAt: after.createdAt, stageEnteredAt: after.stageEnteredAt }).toEqual({
      stage: before.stage,
      version: before.version,
      createdAt: before.createdAt,
      stageEnteredAt: before.stageEnteredAt,
    });
  });

  test("stages may skip, and LOST may follow any stage", async () => {
    const response = await post({
      records: [
        { lead: { email: "skip@x.example", createdAt: "2025-03-01T00:00:00Z" }, stages: [{ stage: "WON", at: "2025-05-01T00:00:00Z" }] },
        { lead: { email: "lost@x.example", createdAt: "2025-03-01T00:00:00Z" }, stages: [{ stage: "MQL", at: "2025-03-02T00:00:00Z" }, { stage: "LOST", at: "2025-03-09T00:00:00Z", reason: "No budget" }] },
      ],
    });
    expect(response.body.summary).toEqual({ created: 2, updated: 0, failed: 0 });
    const lost = await db.lead.findUniqueOrThrow({ where: { email: "lost@x.example" }, include: { transitions: { orderBy: { createdAt: "asc" } } } });
    expect(lost.stage).toBe("LOST");
    expect(lost.transitions.map((t) => [t.toStage, t.reason])).toEqual([["MQL", "Imported history"], ["LOST", "No budget"]]);
  });

  test("a bad record is refused whole with the field named; the good ones in the batch are stored", async () => {
    const response = await post({
      records: [
        { lead: { email: "early-win@x.example", createdAt: "2025-03-01T00:00:00Z" }, stages: [{ stage: "WON", at: "2025-02-01T00:00:00Z" }] },
        { lead: { email: "backwards@x.example", createdAt: "2025-03-01T00:00:00Z" }, events: [{ type: "page_view", occurredAt: "2025-03-02T00:00:00Z" }], stages: [{ stage: "WON", at: "2025-04-01T00:00:00Z" }, { stage: "SQL", at: "2025-05-01T00:00:00Z" }] },
        { lead: { email: "fine@x.example", createdAt: "2025-03-01T00:00:00Z" } },
        { lead: { email: "not-an-email", createdAt: "yesterday" } },
      ],
    });
    expect(response.body.summary).toEqual({ created: 1, updated: 0, failed: 3 });
    const [earlyWin, backwards, fine, invalid] = response.body.results;
    expect(earlyWin).toMatchObject({ status: "error", errors: [{ field: "stages.0.at", message: expect.stringContaining("before the lead was created") }] });
    expect(backwards.errors).toContainEqual({ field: "stages.1.stage", message: expect.stringContaining("SQL comes after WON") });
    expect(fine.status).toBe("created");
    expect(invalid.errors.map((error: { field: string }) => error.field).sort()).toEqual(["lead.createdAt", "lead.email"]);
    // Nothing of a refused record was stored, not even its lead or events.
    expect(await db.lead.count({ where: { email: { in: ["early-win@x.example", "backwards@x.example"] } } })).toBe(0);
  });

  test("imported leads above the MQL threshold stay where their history left them", async () => {
    const response = await post({
      records: [
        {
          lead: { email: "hot@x.example", companySize: 5000, seniority: "C-level", industry: "Software", createdAt: "2026-01-01T00:00:00Z" },
          events: [
            { type: "meeting_booked", occurredAt: new Date(Date.now() - 86_400_000).toISOString() },
            { type: "contact_request", occurredAt: new Date(Date.now() - 86_400_000).toISOString() },
          ],
        },
      ],
    });
    const lead = await db.lead.findUniqueOrThrow({ where: { id: response.body.results[0].leadId }, include: { transitions: true } });
    expect(lead.totalScore).toBeGreaterThanOrEqual(80);
    expect(lead.stage).toBe("LEAD");
    expect(lead.transitions).toHaveLength(0);
  });

  test("the batch itself is checked: a list of 1 to 1,000 records", async () => {
    expect((await post({ records: [] })).body.error.details).toEqual({ records: "Send at least one record." });
    expect((await post({ records: new Array(1001).fill({}) })).body.error.details).toEqual({ records: "Send at most 1000 records per request." });
    expect((await post({ leads: [] })).status).toBe(400);
  });

  test("a key without the ingest scope is refused with 403", async () => {
    const admin = await createUser("ADMIN");
    const readOnly = await createApiKey({ name: "read only", createdById: admin.id, scopes: ["read"] });
    const response = await post({ records: [wonRecord("scoped@x.example")] }, { key: readOnly.key });
    expect(response.status).toBe(403);
    expect(response.body.error).toMatchObject({ code: "forbidden", message: expect.stringContaining('"ingest" scope') });
  });
});
