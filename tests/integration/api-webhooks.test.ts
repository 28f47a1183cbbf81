import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { GET as getDeliveries } from "@/app/api/v1/webhooks/[id]/deliveries/route";
import { POST as postReplay } from "@/app/api/v1/webhooks/[id]/deliveries/[deliveryId]/replay/route";
import { DELETE as deleteWebhook, GET as getWebhook } from "@/app/api/v1/webhooks/[id]/route";
import { GET as listWebhooks, POST as postWebhook } from "@/app/api/v1/webhooks/route";
import { createApiKey } from "@/lib/server/admin/api-keys";
import { transaction } from "@/lib/server/store/database";
import { db } from "@/lib/server/store/db";
import { queueLeadEvents } from "@/lib/server/webhooks/webhook-outbox";
import { call, createKey } from "../support/api";
import { createLead, createUser } from "../support/factories";

let key: string;

beforeAll(async () => {
  key = (await createKey()).key;
});

beforeEach(async () => {
  vi.stubEnv("LEADGATE_WEBHOOK_ALLOW_PRIVATE", "1");
  await db.webhookEndpoint.deleteMany();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const register = (body: unknown, apiKey = key) => call(postWebhook, { path: "/webhooks", key: apiKey, body });

describe("POST /api/v1/webhooks", () => {
  test("registers an endpoint and gives its signing secret once", async () => {
    const created = await register({ url: "http://127.0.0.1:9/hooks", events: ["lead.mql", "lead.mql", "lead.stage_changed"] });
    expect(created.status).toBe(201);
    expect(created.body.webhook).toMatchObject({ url: "http://127.0.0.1:9/hooks", events: ["lead.mql", "lead.stage_changed"], createdByName: null, disabledAt: null });
    expect(created.body.webhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);

    const listed = await call(listWebhooks, { path: "/webhooks", key });
    expect(listed.body.webhooks).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.webhook.secret);
    const one = await call(getWebhook, { path: `/webhooks/${created.body.webhook.id}`, key, params: { id: created.body.webhook.id } });
    expect(one.body.webhook).toEqual(listed.body.webhooks[0]);
  });

  test("bad input is refused naming the field", async () => {
    const missing = await register({ url: "", events: [] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toMatchObject({ url: "Enter the endpoint's URL.", events: "Choose at least one event to send." });
    const unknown = await register({ url: "http://127.0.0.1:9/hooks", events: ["lead.deleted"] });
    expect(unknown.body.error.details["events.0"]).toContain("lead.mql");
    vi.stubEnv("LEADGATE_WEBHOOK_ALLOW_PRIVATE", "0");
    const privateAddress = await register({ url: "https://192.168.1.10/hooks", events: ["lead.mql"] });
    expect(privateAddress.status).toBe(400);
    expect(privateAddress.body.error.details.url).toContain("private address");
    expect(await db.webhookEndpoint.count()).toBe(0);
  });

  test("a key without the webhooks scope is refused", async () => {
    const admin = await createUser("ADMIN");
    const readOnly = (await createApiKey({ name: "read only", createdById: admin.id, scopes: ["read"] })).key;
    const refused = await register({ url: "http://127.0.0.1:9/hooks", events: ["lead.mql"] }, readOnly);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('"webhooks"');
  });
});

describe("deliveries, replay and delete", () => {
  test("deliveries page newest first; a replay queues one again; a delete removes the endpoint with them", async () => {
    const { id } = (await register({ url: "http://127.0.0.1:9/hooks", events: ["lead.stage_changed"] })).body.webhook;
    const lead = await createLead();
    const base = Date.now();
    await transaction((tx) =>
      queueLeadEvents(
        tx,
        Array.from({ length: 5 }, (_, index) => ({ type: "lead.stage_changed" as const, leadId: lead.id, at: new Date(base + index * 1000), data: { nth: index } })),
      ),
    );
    const first = await call(getDeliveries, { path: `/webhooks/${id}/deliveries?limit=3`, key, params: { id } });
    expect(first.status).toBe(200);
    expect(first.body.deliveries).toHaveLength(3);
    expect(first.body.deliveries[0]).toMatchObject({ eventType: "lead.stage_changed", leadId: lead.id, status: "pending", attempts: 0, attemptLog: [], body: { type: "lead.stage_changed", data: { nth: 4, lead: { id: lead.id } } } });
    const second = await call(getDeliveries, { path: `/webhooks/${id}/deliveries?limit=3&cursor=${first.body.nextCursor}`, key, params: { id } });
    expect(second.body.deliveries).toHaveLength(2);
    expect(second.body.nextCursor).toBeNull();
    const times = [...first.body.deliveries, ...second.body.deliveries].map((delivery: { createdAt: string }) => delivery.createdAt);
    expect(times).toEqual([...times].sort().reverse());

    const badCursor = await call(getDeliveries, { path: `/webhooks/${id}/deliveries?cursor=nope`, key, params: { id } });
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.details).toHaveProperty("cursor");

    const target = second.body.deliveries[1];
    await db.webhookDelivery.update({ where: { id: target.id }, data: { status: "failed", nextAttemptAt: null } });
    const replayed = await call(postReplay, { path: `/webhooks/${id}/deliveries/${target.id}/replay`, key, params: { id, deliveryId: target.id } });
    expect(replayed.status).toBe(202);
    expect(replayed.body.delivery).toMatchObject({ id: target.id, status: "pending" });
    const elsewhere = await call(postReplay, { path: `/webhooks/nope/deliveries/${target.id}/replay`, key, params: { id: "nope", deliveryId: target.id } });
    expect(elsewhere.status).toBe(404);

    const deleted = await call(deleteWebhook, { path: `/webhooks/${id}`, method: "DELETE", key, params: { id } });
    expect(deleted).toMatchObject({ status: 200, body: { deleted: { id } } });
    expect(await db.webhookDelivery.count({ where: { endpointId: id } })).toBe(0);
    expect((await call(deleteWebhook, { path: `/webhooks/${id}`, method: "DELETE", key, params: { id } })).status).toBe(404);
    expect((await call(getDeliveries, { path: `/webhooks/${id}/deliveries`, key, params: { id } })).status).toBe(404);
  });
});
