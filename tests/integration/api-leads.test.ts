import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { GET as getLead } from "@/app/api/v1/leads/[id]/route";
import { GET as getLeadEvents } from "@/app/api/v1/leads/[id]/events/route";
import { createApiKey } from "@/lib/server/admin/api-keys";
import { GET as listLeadsRoute, POST as postLead } from "@/app/api/v1/leads/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { db } from "@/lib/server/store/db";
import { call, createKey } from "../support/api";
import { createLead, createUser } from "../support/factories";

let key: string;

beforeAll(async () => {
  key = (await createKey()).key;
});

describe("POST /api/v1/leads", () => {
  test("creates a lead (201), then updates it by e-mail (200): given fields change, others stay, custom fields merge", async () => {
    const created = await call(postLead, {
      path: "/leads",
      key,
      body: { email: "Dana@Northwind.example", firstName: "Dana", lastName: "Scully", company: "Northwind", companySize: 1500, seniority: "VP", industry: "Software", customFields: { plan: "enterprise" } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ created: true, lead: { email: "dana@northwind.example", stage: "LEAD", companySize: 1500, customFields: { plan: "enterprise" } } });
    expect(created.body.lead.score.fit).toBeGreaterThan(0);
    expect(created.body.lead.score.ruleSetVersion).toBe(1);

    const updated = await call(postLead, { path: "/leads", key, body: { email: "dana@northwind.example", title: "VP Sales", companySize: null, customFields: { region: "EMEA" } } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ created: false, lead: { id: created.body.lead.id, firstName: "Dana", title: "VP Sales", companySize: null, customFields: { plan: "enterprise", region: "EMEA" } } });
    expect(updated.body.lead.score.fit).toBeLessThan(created.body.lead.score.fit);
    expect(await db.lead.count({ where: { email: "dana@northwind.example" } })).toBe(1);
  });

  test("invalid fields answer 400 with each field path, and nothing is written", async () => {
    const response = await call(postLead, { path: "/leads", key, body: { email: "nope", companySize: "big", customFields: { "bad key!": 1 }, colour: "red" } });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.error.details)).toEqual(expect.arrayContaining(["email", "companySize"]));
    expect(JSON.stringify(response.body.error.details)).toContain("colour");
  });
});

describe("GET /api/v1/leads", () => {
  test("filters by stage and minimum score, and pages with a cursor without gaps or repeats", async () => {
    for (let i = 0; i < 7; i++) await createLead({ stage: "SAL", totalScore: 100 + i });
    await createLead({ stage: "SAL", totalScore: 5 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(listLeadsRoute, { path: `/leads?stage=SAL&minScore=100&limit=3${cursor ? `&cursor=${cursor}` : ""}`, key });
      expect(page.status).toBe(200);
      seen.push(...page.body.leads.map((lead: { id: string; stage: string; score: { total: number } }) => {
        expect(lead.stage).toBe("SAL");
        expect(lead.score.total).toBeGreaterThanOrEqual(100);
        return lead.id;
      }));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  test("updatedSince returns only leads changed since then", async () => {
    const since = new Date(Date.now() + 1000);
    const later = await createLead();
    await db.lead.update({ where: { id: later.id }, data: { updatedAt: new Date(since.getTime() + 1000) } });
    const page = await call(listLeadsRoute, { path: `/leads?updatedSince=${since.toISOString()}`, key });
    expect(page.body.leads.map((lead: { id: string }) => lead.id)).toEqual([later.id]);
  });

  test("bad query parameters answer 400 naming them", async () => {
    const response = await call(listLeadsRoute, { path: "/leads?stage=HOT&limit=5000&cursor=zzz&colour=red", key });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.error.details)).toEqual(expect.arrayContaining(["stage", "limit"]));
    const badCursor = await call(listLeadsRoute, { path: "/leads?cursor=zzz", key });
    expect(badCursor.body.error.details).toEqual({ cursor: expect.any(String) });
  });

  test("without a key: 401", async () => {
    expect((await call(listLeadsRoute, { path: "/leads", key: null })).status).toBe(401);
  });

  test("email finds the lead with that e-mail, whatever its case; another finds none; a malformed one is refused", async () => {
    const lead = await db.lead.update({ where: { id: (await createLead()).id }, data: { email: "grace.hopper@navy.example" } });
    const found = await call(listLeadsRoute, { path: "/leads?email=Grace.Hopper@Navy.example", key });
    expect(found.status).toBe(200);
    expect(found.body).toEqual({ leads: [expect.objectContaining({ id: lead.id, email: "grace.hopper@navy.example" })], nextCursor: null });
    expect((await call(listLeadsRoute, { path: "/leads?email=nobody@navy.example", key })).body).toEqual({ leads: [], nextCursor: null });
    const malformed = await call(listLeadsRoute, { path: "/leads?email=grace", key });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details).toEqual({ email: expect.stringContaining("e-mail") });
  });
});

describe("GET /api/v1/leads/{id}/events", () => {
  test("a lead's events, newest first, page by page through the cursor, events at the same moment included", async () => {
    const lead = await createLead();
    const sameMoment = "2026-11-20T10:00:00.000Z";
    const sent = [
      { type: "page_view", occurredAt: "2026-11-18T08:00:00.000Z", properties: { url: "/pricing" } },
      { type: "email_open", occurredAt: sameMoment },
      { type: "email_click", occurredAt: sameMoment },
      { type: "content_download", occurredAt: "2026-11-22T12:00:00.000Z", properties: { asset: "guide.pdf" } },
      { type: "webinar_attended", occurredAt: "2026-11-19T15:00:00.000Z" },
    ];
    await call(postEvents, { path: "/events", key, body: { events: sent.map((event) => ({ ...event, leadId: lead.id })) } });
    await createLead().then((other) => call(postEvents, { path: "/events", key, body: { leadId: other.id, type: "page_view" } }));

    const pages: Array<Array<{ type: string; occurredAt: string; properties: unknown; source: string }>> = [];
    let cursor: string | null = null;
    do {
      const path: string = `/leads/${lead.id}/events?limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await call(getLeadEvents, { path, key, params: { id: lead.id } });
      expect(page.status).toBe(200);
      pages.push(page.body.events);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    const events = pages.flat();
    expect(events.map((event) => event.occurredAt)).toEqual(["2026-11-22T12:00:00.000Z", sameMoment, sameMoment, "2026-11-19T15:00:00.000Z", "2026-11-18T08:00:00.000Z"]);
    expect(new Set(events.map((event) => event.type))).toEqual(new Set(sent.map((event) => event.type)));
    expect(events[0]).toMatchObject({ type: "content_download", source: "api", properties: { asset: "guide.pdf" } });
  });

  test("an unknown lead answers 404; a bad cursor or limit 400 naming it; a key without the read scope 403", async () => {
    const unknown = await call(getLeadEvents, { path: "/leads/nope/events", key, params: { id: "nope" } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("not_found");
    const lead = await createLead();
    const bad = await call(getLeadEvents, { path: `/leads/${lead.id}/events?cursor=zzz`, key, params: { id: lead.id } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual({ cursor: expect.any(String) });
    expect((await call(getLeadEvents, { path: `/leads/${lead.id}/events?limit=5000`, key, params: { id: lead.id } })).body.error.details).toEqual({ limit: expect.any(String) });
    const ingestOnly = await createApiKey({ name: "ingest only", createdById: (await createUser("ADMIN")).id, scopes: ["ingest"] });
    expect((await call(getLeadEvents, { path: `/leads/${lead.id}/events`, key: ingestOnly.key, params: { id: lead.id } })).status).toBe(403);
  });
});

describe("GET /api/v1/leads/{id}", () => {
  test("returns the lead with its score explanation and stage history", async () => {
    const event = await call(postEvents, { path: "/events", key, body: { email: "history@prospect.example", type: "content_download", properties: { content: "Buyer's guide" } } });
    const leadId = event.body.event.leadId;
    const manager = await createUser("MANAGER", { name: "Morgan Manager" });
    await db.stageTransition.create({ data: { leadId, fromStage: "LEAD", toStage: "MQL", move: "markMql", actorId: manager.id } });
    const response = await call(getLead, { path: `/leads/${leadId}`, key, params: { id: leadId } });
    expect(response.status).toBe(200);
    expect(response.body.lead.explanation.contributions.filter((c: { kind: string }) => c.kind === "engagement")).toEqual([expect.objectContaining({ eventId: event.body.event.eventId })]);
    expect(response.body.lead.stageHistory).toEqual([expect.objectContaining({ from: "LEAD", to: "MQL", actor: { type: "user", id: manager.id, name: "Morgan Manager" } })]);
  });

  test("an unknown id answers 404", async () => {
    const response = await call(getLead, { path: "/leads/nope", key, params: { id: "nope" } });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("not_found");
  });
});

describe("GET /api/v1/openapi.json", () => {
  const API_DIR = path.resolve(import.meta.dirname, "../../app/api/v1");

  function routeFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((entry) => {
      const full = path.join(dir, entry);
      return statSync(full).isDirectory() ? routeFiles(full) : entry === "route.ts" ? [full] : [];
    });
  }

  test("describes exactly the routes that exist, with the methods they export", async () => {
    const { body } = await call(getOpenApi, { path: "/openapi.json" });
    expect(body.openapi).toBe("3.1.0");
    const documented = Object.entries(body.paths as Record<string, Record<string, unknown>>).flatMap(([route, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`));
    const implemented = routeFiles(API_DIR)
      .map((file) => ({ route: path.dirname(path.relative(API_DIR, file)).replace(/\[(\w+)\]/g, "{$1}"), source: readFileSync(file, "utf8") }))
      .filter(({ route }) => route !== "openapi.json")
      .flatMap(({ route, source }) => [...source.matchAll(/export (?:const|(?:async )?function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((match) => `${match[1]} /${route}`));
    expect(documented.sort()).toEqual(implemented.sort());
  });

  test("its event schema is the one the route validates with", async () => {
    const { body } = await call(getOpenApi, { path: "/openapi.json" });
    const eventSchema = body.components.schemas.EventInput;
    expect(Object.keys(eventSchema.properties).sort()).toEqual(["email", "idempotencyKey", "leadId", "occurredAt", "properties", "type"]);
    expect(eventSchema.additionalProperties).toBe(false);
  });
});
