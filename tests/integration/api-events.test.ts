import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { revokeApiKey } from "@/lib/server/admin/api-keys";
import { resetRateLimits } from "@/lib/server/api/rate-limit";
import { db } from "@/lib/server/store/db";
import { explainScore } from "@/lib/server/scoring/lead-scoring";
import { call, createKey } from "../support/api";
import { activateSmallRuleSet, createLead } from "../support/factories";

let key: string;

beforeAll(async () => {
  key = (await createKey()).key;
  // A small rule set whose arithmetic the assertions below can follow by hand.
  await activateSmallRuleSet();
});

afterEach(async () => {
  await resetRateLimits();
  vi.unstubAllEnvs();
});

const post = (body: unknown, options: { key?: string | null; contentType?: string; rawBody?: string } = {}) =>
  call(postEvents, { path: "/events", key: options.key === undefined ? key : options.key, body, rawBody: options.rawBody, contentType: options.contentType });

describe("POST /api/v1/events — one event", () => {
  test("an unknown e-mail creates the lead; the event is stored and scored before the answer", async () => {
    const response = await post({ email: "New.Person@Prospect.example", type: "page_view", occurredAt: new Date().toISOString(), properties: { url: "/pricing" } });
    expect(response.status).toBe(201);
    expect(response.body.event).toMatchObject({ status: "created", leadCreated: true, stage: "LEAD", score: { fit: 0, engagement: 2, total: 2 } });
    const lead = await db.lead.findUniqueOrThrow({ where: { email: "new.person@prospect.example" }, include: { events: true } });
    expect(lead).toMatchObject({ firstName: "New", lastName: "Person", totalScore: 2, ruleSetVersion: 2 });
    expect(lead.events).toHaveLength(1);
    expect((await explainScore(lead.id))?.contributions).toEqual([expect.objectContaining({ ruleId: "views", points: 2, eventId: lead.events[0].id })]);
  });

  test("crossing the MQL threshold moves the lead to MQL as a system transition naming the score and rules", async () => {
    const lead = await createLead();
    await db.lead.update({ where: { id: lead.id }, data: { industry: "Software" } });
    const response = await post({ leadId: lead.id, type: "contact_request" });
    expect(response.body.event).toMatchObject({ stage: "MQL", movedTo: "MQL", score: { fit: 20, engagement: 50, total: 70 } });
    const [transition] = await db.stageTransition.findMany({ where: { leadId: lead.id } });
    expect(transition).toMatchObject({ fromStage: "LEAD", toStage: "MQL", move: "markMql", actorId: null });
    expect(transition.reason).toMatch(/70.*60/);
    expect(transition.reason).toContain("v2");
  });

  test("caps hold across requests: page views stop adding after 4 points in 30 days", async () => {
    const email = "capped@prospect.example";
    for (let i = 0; i < 4; i++) await post({ email, type: "page_view" });
    expect((await db.lead.findUniqueOrThrow({ where: { email } })).engagementScore).toBe(4);
  });

  test("a custom event type is stored, and scores nothing while no rule names it", async () => {
    const response = await post({ email: "custom@prospect.example", type: "trial_started" });
    expect(response.status).toBe(201);
    expect(response.body.event.score.total).toBe(0);
  });

  test("an unknown leadId answers 404", async () => {
    const response = await post({ leadId: "no-such-lead", type: "page_view" });
    expect(response.status).toBe(404);
    expect(response.body.error).toMatchObject({ code: "not_found" });
  });
});

describe("POST /api/v1/events — errors as SPEC section 4 says", () => {
  test("bad JSON: 400 bad_json", async () => {
    const response = await post(undefined, { rawBody: '{"email": "a@b.example", "type": ' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("bad_json");
  });

  test("wrong types: 400 with the field paths", async () => {
    const response = await post({ email: 42, type: "Page View!", occurredAt: "yesterday", properties: { nested: { no: true } } });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("validation_failed");
    expect(Object.keys(response.body.error.details).sort()).toEqual(["email", "occurredAt", "properties.nested", "type"]);
  });

  test("unknown fields: 400 naming them", async () => {
    const response = await post({ email: "a@b.example", type: "page_view", score: 100 });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.error.details)).toContain("score");
  });

  test("missing key: 401", async () => {
    const response = await post({ email: "a@b.example", type: "page_view" }, { key: null });
    expect(response.status).toBe(401);
    expect(response.body.error).toMatchObject({ code: "unauthorized", message: expect.stringContaining("Authorization: Bearer") });
  });

  test("unknown key: 401; revoked key: 401 saying it was revoked", async () => {
    expect((await post({ email: "a@b.example", type: "page_view" }, { key: "lg_live_not-a-real-key" })).status).toBe(401);
    const revoked = await createKey();
    await revokeApiKey(revoked.id);
    const response = await post({ email: "a@b.example", type: "page_view" }, { key: revoked.key });
    expect(response.status).toBe(401);
    expect(response.body.error.message).toContain("revoked");
  });

  test("a body over 1 MB: 413, and nothing is stored", async () => {
    const before = await db.event.count();
    const events = Array.from({ length: 900 }, (_, i) => ({ email: `big${i}@prospect.example`, type: "page_view", properties: { padding: "x".repeat(1_500) } }));
    const response = await post({ events });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe("payload_too_large");
    expect(await db.event.count()).toBe(before);
  });

  test("not JSON: 415", async () => {
    const response = await post(undefined, { rawBody: "email=a@b.example&type=page_view", contentType: "application/x-www-form-urlencoded" });
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe("unsupported_media_type");
  });

  test("over the rate limit: 429 with Retry-After, per key", async () => {
    vi.stubEnv("LEADGATE_API_RATE_LIMIT", "3");
    const limited = await createKey();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post({ email: "rate@prospect.example", type: "page_view" }, { key: limited.key })).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const refused = await post({ email: "rate@prospect.example", type: "page_view" }, { key: limited.key });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.body.error.code).toBe("rate_limited");
    expect((await post({ email: "rate@prospect.example", type: "page_view" })).status).toBe(201);
  });
});

describe("POST /api/v1/events — batches", () => {
  test("good items are stored, bad ones reported by index with the reason; nothing dropped", async () => {
    const before = await db.event.count();
    const response = await post({
      events: [
        { email: "batch1@prospect.example", type: "content_download" },
        { email: "not-an-email", type: "page_view" },
        { leadId: "missing", type: "page_view" },
        { email: "batch1@prospect.example", type: "page_view" },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.body.summary).toEqual({ created: 2, duplicates: 0, failed: 2 });
    expect(response.body.results.map((r: { index: number; status: string }) => [r.index, r.status])).toEqual([
      [0, "created"],
      [1, "error"],
      [2, "error"],
      [3, "created"],
    ]);
    expect(response.body.results[1].error).toMatchObject({ code: "validation_failed", details: { email: expect.any(String) } });
    expect(response.body.results[2].error.code).toBe("not_found");
    expect(await db.event.count()).toBe(before + 2);
    expect(response.body.results[0].leadId).toBe(response.body.results[3].leadId);
  });

  test("more than 1,000 events: 400", async () => {
    const response = await post({ events: Array.from({ length: 1_001 }, () => ({ email: "a@b.example", type: "page_view" })) });
    expect(response.status).toBe(400);
    expect(response.body.error.details.events).toMatch(/at most 1000/);
  });
});

describe("idempotency keys", () => {
  test("a retry returns the first result and is never counted twice", async () => {
    const event = { email: "retry@prospect.example", type: "page_view", idempotencyKey: "evt-retry-1" };
    const first = await post(event);
    const second = await post(event);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.event).toEqual({ ...first.body.event, status: "duplicate" });
    expect(await db.event.count({ where: { idempotencyKey: "evt-retry-1" } })).toBe(1);
  });

  test("concurrent retries store exactly one event and all get its id", async () => {
    const event = { email: "concurrent@prospect.example", type: "contact_request", idempotencyKey: "evt-concurrent" };
    const responses = await Promise.all(Array.from({ length: 8 }, () => post(event)));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(responses.map((r) => r.body.event.eventId)).size).toBe(1);
    expect(await db.event.count({ where: { lead: { email: "concurrent@prospect.example" } } })).toBe(1);
  });

  test("the same key inside one batch counts once", async () => {
    const response = await post({ events: [0, 1].map(() => ({ email: "inbatch@prospect.example", type: "page_view", idempotencyKey: "evt-in-batch" })) });
    expect(response.body.summary).toEqual({ created: 1, duplicates: 1, failed: 0 });
  });

  test("reusing a key for a different event is a 409 conflict", async () => {
    await post({ email: "clash@prospect.example", type: "page_view", idempotencyKey: "evt-clash" });
    const response = await post({ email: "clash@prospect.example", type: "email_open", idempotencyKey: "evt-clash" });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe("conflict");
  });
  test("keys belong to the API key that sent them: another key neither sees nor collides with them", async () => {
    const other = (await createKey()).key;
    const first = await post({ email: "tenant.one@prospect.example", type: "page_view", idempotencyKey: "order-1" });
    const fromOther = await post({ email: "tenant.two@prospect.example", type: "email_open", idempotencyKey: "order-1" }, { key: other });
    expect(first.status).toBe(201);
    expect(fromOther.status).toBe(201);
    expect(fromOther.body.event).toMatchObject({ status: "created", leadCreated: true });
    expect(fromOther.body.event.leadId).not.toBe(first.body.event.leadId);
    const retry = await post({ email: "tenant.two@prospect.example", type: "email_open", idempotencyKey: "order-1" }, { key: other });
    expect(retry.body.event).toEqual({ ...fromOther.body.event, status: "duplicate" });
    expect(await db.event.count({ where: { idempotencyKey: "order-1" } })).toBe(2);
  });
});
