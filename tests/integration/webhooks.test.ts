import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { moveLeadAction } from "@/lib/server/funnel/move-lead-actions";
import { notificationsFor, queueSlaBreaches } from "@/lib/server/notifications/notifications";
import { transaction } from "@/lib/server/store/database";
import { db } from "@/lib/server/store/db";
import { deliverDueWebhooks } from "@/lib/server/webhooks/webhook-dispatcher";
import { queueLeadEvents } from "@/lib/server/webhooks/webhook-outbox";
import { webhookStore } from "@/lib/server/webhooks/webhook-store";
import { createWebhook, replayDelivery } from "@/lib/server/webhooks/webhooks";
import type { WebhookEventType } from "@/lib/core/webhooks";
import { call, createKey } from "../support/api";
import type { Team } from "../support/factories";
import { activateSmallRuleSet, createLead, createTeam } from "../support/factories";
import { signInAs } from "../support/sign-in";
import { startReceiver } from "../support/webhook-receiver";

const SECOND = 1_000;
const HOUR = 60 * 60 * SECOND;

let users: Team;
let key: string;

beforeAll(async () => {
  users = await createTeam();
  key = (await createKey()).key;
});

beforeEach(async () => {
  vi.stubEnv("LEADGATE_WEBHOOK_ALLOW_PRIVATE", "1");
  await db.webhookEndpoint.deleteMany();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const receivers: Array<Awaited<ReturnType<typeof startReceiver>>> = [];
afterAll(async () => {
  await Promise.all(receivers.map((receiver) => receiver.close()));
});

/** A receiver registered as an endpoint for `events`. */
async function endpointFor(events: WebhookEventType[], answer?: (id: string, nth: number) => number | "hang") {
  const receiver = await startReceiver(answer);
  receivers.push(receiver);
  const webhook = await createWebhook({ url: receiver.url, events, createdById: users.admin.id });
  receiver.useSecret(webhook.secret);
  return { receiver, webhook };
}

async function markMql(leadId: string) {
  signInAs(users.marketer);
  const lead = await db.lead.findUniqueOrThrow({ where: { id: leadId } });
  const result = await moveLeadAction({ leadId, version: lead.version, move: "markMql" });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

const deliveriesOf = (endpointId: string) => db.webhookDelivery.findMany({ where: { endpointId }, orderBy: { id: "asc" } });

describe("the outbox", () => {
  test("a stage move queues its events, in its transaction, for the endpoints that asked for them", async () => {
    const { webhook: both } = await endpointFor(["lead.mql", "lead.stage_changed"]);
    const { webhook: stagesOnly } = await endpointFor(["lead.stage_changed"]);
    const { webhook: slaOnly } = await endpointFor(["lead.sla_breached"]);
    const lead = await createLead({ firstName: "Ada", lastName: "Lovelace", company: "Analytical Engines" });
    const moved = await markMql(lead.id);

    const queued = await deliveriesOf(both.id);
    expect(queued.map((delivery) => delivery.eventType).sort()).toEqual(["lead.mql", "lead.stage_changed"]);
    expect(queued.every((delivery) => delivery.status === "pending" && delivery.id.startsWith("msg_"))).toBe(true);
    const payload = JSON.parse(queued.find((delivery) => delivery.eventType === "lead.mql")!.payload);
    expect(payload).toMatchObject({
      type: "lead.mql",
      data: { lead: { id: lead.id, firstName: "Ada", company: "Analytical Engines", stage: "MQL", ownerId: moved.ownerId }, from: "LEAD", to: "MQL", move: "markMql", actorId: users.marketer.id },
    });
    // Routed before the event was written: it names the new owner.
    expect(moved.ownerId).not.toBeNull();
    expect((await deliveriesOf(stagesOnly.id)).map((delivery) => delivery.eventType)).toEqual(["lead.stage_changed"]);
    expect(await deliveriesOf(slaOnly.id)).toEqual([]);
  });

  test("a change that rolls back leaves no delivery; a disabled endpoint gets none", async () => {
    const { webhook } = await endpointFor(["lead.stage_changed"]);
    const { webhook: disabled } = await endpointFor(["lead.stage_changed"]);
    await db.webhookEndpoint.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    const lead = await createLead();
    await expect(
      transaction(async (tx) => {
        expect(await queueLeadEvents(tx, [{ type: "lead.stage_changed", leadId: lead.id, at: new Date(), data: {} }])).toBe(1);
        throw new Error("the change fails after queuing");
      }),
    ).rejects.toThrow("the change fails");
    expect(await deliveriesOf(webhook.id)).toEqual([]);
    await markMql(lead.id);
    expect(await deliveriesOf(webhook.id)).toHaveLength(1);
    expect(await deliveriesOf(disabled.id)).toEqual([]);
  });

  test("an event pushing a score over the MQL threshold queues lead.score_changed and the automatic lead.mql", async () => {
    const { webhook } = await endpointFor(["lead.score_changed", "lead.mql"]);
    await activateSmallRuleSet();
    const lead = await createLead();
    await db.lead.update({ where: { id: lead.id }, data: { industry: "Software" } });
    const answer = await call(postEvents, { path: "/events", key, body: { leadId: lead.id, type: "contact_request" } });
    expect(answer.body.event).toMatchObject({ movedTo: "MQL", score: { total: 70 } });
    const queued = await deliveriesOf(webhook.id);
    expect(queued.map((delivery) => delivery.eventType).sort()).toEqual(["lead.mql", "lead.score_changed"]);
    const crossing = JSON.parse(queued.find((delivery) => delivery.eventType === "lead.score_changed")!.payload);
    expect(crossing.data).toMatchObject({ from: null, to: 70, threshold: 60, direction: "up", lead: { score: 70, stage: "MQL" } });
    const mql = JSON.parse(queued.find((delivery) => delivery.eventType === "lead.mql")!.payload);
    expect(mql.data).toMatchObject({ actorId: null, move: "markMql" });

    // A page view that keeps the score above the threshold crosses nothing.
    await call(postEvents, { path: "/events", key, body: { leadId: lead.id, type: "page_view" } });
    expect(await deliveriesOf(webhook.id)).toHaveLength(2);
  });

  test("an MQL past the response SLA is sent once per stay in MQL, whoever owns it", async () => {
    const { webhook } = await endpointFor(["lead.sla_breached"]);
    const now = new Date();
    const overdue = await createLead({ stage: "MQL" });
    const unowned = await createLead({ stage: "MQL", ownerId: null });
    const fresh = await createLead({ stage: "MQL", ownerId: users.rep.id });
    await db.lead.updateMany({ where: { id: { in: [overdue.id, unowned.id] } }, data: { stageEnteredAt: new Date(now.getTime() - 25 * HOUR) } });
    await db.lead.update({ where: { id: fresh.id }, data: { stageEnteredAt: new Date(now.getTime() - HOUR) } });

    expect(await queueSlaBreaches(now)).toBe(2);
    expect(await queueSlaBreaches(new Date(now.getTime() + 60 * SECOND))).toBe(0);
    const queued = await deliveriesOf(webhook.id);
    expect(queued.map((delivery) => delivery.leadId).sort()).toEqual([overdue.id, unowned.id].sort());
    expect(JSON.parse(queued[0].payload).data).toMatchObject({ slaHours: 24, overdueMinutes: 60 });
  });
});

describe("delivering", () => {
  test("each delivery is signed, retried within 10 s after a failure, and delivered exactly once", async () => {
    const { receiver, webhook } = await endpointFor(["lead.mql", "lead.stage_changed"], (_, nth) => (nth <= 2 ? 503 : 200));
    const lead = await createLead();
    await markMql(lead.id);
    const start = (await deliveriesOf(webhook.id))[0].createdAt.getTime();

    expect(await deliverDueWebhooks(new Date(start))).toBe(2);
    const [first] = await deliveriesOf(webhook.id);
    expect(first).toMatchObject({ status: "pending", attempts: 1 });
    expect(first.nextAttemptAt!.getTime() - start).toBeLessThanOrEqual(10 * SECOND);
    expect(await deliverDueWebhooks(new Date(start + SECOND))).toBe(0);

    await deliverDueWebhooks(new Date(start + 10 * SECOND));
    await deliverDueWebhooks(new Date(start + 60 * SECOND));
    expect(await deliverDueWebhooks(new Date(start + HOUR))).toBe(0);

    expect(receiver.received.every((entry) => entry.verified)).toBe(true);
    const ids = (await deliveriesOf(webhook.id)).map((delivery) => delivery.id);
    expect(receiver.deliveredIds().sort()).toEqual(ids.sort());
    for (const id of ids) expect(receiver.received.filter((entry) => entry.id === id).map((entry) => entry.status)).toEqual([503, 503, 200]);
    const attempts = await db.webhookAttempt.findMany({ where: { deliveryId: ids[0] }, orderBy: { attemptedAt: "asc" } });
    expect(attempts.map((attempt) => attempt.statusCode)).toEqual([503, 503, 200]);
    expect(attempts[0].responseExcerpt).toBe("failing on purpose (503)");
    expect(await db.webhookDelivery.findMany({ where: { endpointId: webhook.id }, select: { status: true } })).toEqual([{ status: "delivered" }, { status: "delivered" }]);
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: webhook.id } })).failingSince).toBeNull();
  });

  test("a delivery held by an instance that died goes out once its hold runs out, once", async () => {
    const { receiver, webhook } = await endpointFor(["lead.stage_changed"]);
    const lead = await createLead();
    await markMql(lead.id);
    const now = new Date();
    // An instance takes the delivery, then dies before sending it.
    const taken = await webhookStore.claimDue(now, new Date(now.getTime() + 60 * SECOND), 20);
    expect(taken).toHaveLength(1);
    expect(await deliverDueWebhooks(new Date(now.getTime() + 30 * SECOND))).toBe(0);
    expect(await deliverDueWebhooks(new Date(now.getTime() + 61 * SECOND))).toBe(1);
    expect(receiver.deliveredIds()).toEqual([taken[0].id]);
    expect((await deliveriesOf(webhook.id))[0].status).toBe("delivered");
  });

  test("a server killed while sending leaves the delivery to another, which sends it: nothing lost, one success", async () => {
    const { receiver, webhook } = await endpointFor(["lead.mql"], (_, nth) => (nth === 1 ? "hang" : 200));
    const lead = await createLead();
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/crash-during-delivery.ts", lead.id, users.marketer.id], { env: process.env });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const [, signal] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
    expect(signal, stderr).toBe("SIGKILL");

    // The move committed with its delivery; the dead server held it mid-attempt.
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).stage).toBe("MQL");
    const [held] = await deliveriesOf(webhook.id);
    expect(held).toMatchObject({ status: "pending", attempts: 0 });
    expect(receiver.received.map((entry) => entry.id)).toEqual([held.id]);
    expect(await deliverDueWebhooks(new Date())).toBe(0);

    expect(await deliverDueWebhooks(new Date(held.lockedUntil!.getTime() + SECOND))).toBe(1);
    expect(receiver.deliveredIds()).toEqual([held.id]);
    expect((await deliveriesOf(webhook.id))[0]).toMatchObject({ status: "delivered", attempts: 1 });
  });

  test("two instances looking at once send each delivery once", async () => {
    const { receiver, webhook } = await endpointFor(["lead.stage_changed", "lead.mql"]);
    for (let i = 0; i < 5; i++) await markMql((await createLead()).id);
    const now = new Date(Date.now() + SECOND);
    const [a, b] = await Promise.all([deliverDueWebhooks(now), deliverDueWebhooks(now)]);
    expect(a + b).toBe(10);
    expect(receiver.received).toHaveLength(10);
    expect(new Set(receiver.deliveredIds()).size).toBe(10);
    expect((await deliveriesOf(webhook.id)).every((delivery) => delivery.status === "delivered")).toBe(true);
  });

  test("after a day of failures the delivery gives up, the endpoint is disabled and admins are told; a replay sends it again", async () => {
    let failing = true;
    const { receiver, webhook } = await endpointFor(["lead.stage_changed"], () => (failing ? 500 : 200));
    const lead = await createLead();
    await markMql(lead.id);
    const [queued] = await deliveriesOf(webhook.id);
    const start = queued.createdAt.getTime();
    await deliverDueWebhooks(new Date(start));
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: webhook.id } })).failingSince).toEqual(new Date(start));
    await deliverDueWebhooks(new Date(start + 12 * HOUR));
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: webhook.id } })).disabledAt).toBeNull();
    await deliverDueWebhooks(new Date(start + 24 * HOUR));

    expect((await deliveriesOf(webhook.id))[0]).toMatchObject({ status: "failed", attempts: 3, nextAttemptAt: null });
    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(endpoint.disabledAt).toEqual(new Date(start + 24 * HOUR));
    const adminNotices = (await notificationsFor(users.admin.id)).items.filter((item) => item.href === "/admin/webhooks");
    expect(adminNotices.map((item) => item.text)).toEqual([`The webhook to ${receiver.url} was disabled: every attempt failed for a day`]);

    // Disabled: an event queues nothing for it.
    await markMql((await createLead()).id);
    expect(await deliveriesOf(webhook.id)).toHaveLength(1);

    failing = false;
    await db.webhookEndpoint.update({ where: { id: webhook.id }, data: { disabledAt: null } });
    const replayed = await replayDelivery(webhook.id, queued.id, new Date(start + 25 * HOUR));
    expect(replayed).toMatchObject({ status: "pending" });
    await deliverDueWebhooks(new Date(start + 25 * HOUR));
    expect((await deliveriesOf(webhook.id))[0]).toMatchObject({ status: "delivered", attempts: 4 });
    expect(receiver.deliveredIds()).toEqual([queued.id]);
  });
});

describe("where webhooks may go", () => {
  test("only https to public addresses, unless private addresses are allowed", async () => {
    vi.stubEnv("LEADGATE_WEBHOOK_ALLOW_PRIVATE", "0");
    const refused = async (url: string) => {
      const error = await createWebhook({ url, events: ["lead.mql"], createdById: null }).then(
        () => null,
        (caught: { fieldErrors?: Record<string, string> }) => caught.fieldErrors?.url,
      );
      expect(error, url).toBeTruthy();
      return error!;
    };
    expect(await refused("http://crm.example.com/hooks")).toContain("https://");
    expect(await refused("https://127.0.0.1/hooks")).toContain("private address");
    expect(await refused("https://10.1.2.3/hooks")).toContain("private address");
    expect(await refused("https://169.254.169.254/latest/meta-data")).toContain("private address");
    expect(await refused("https://[::1]/hooks")).toContain("private address");
    expect(await refused("https://[::ffff:127.0.0.1]/hooks")).toContain("private address");
    expect(await refused("https://localhost/hooks")).toContain("private address");
    expect(await refused("https://user:pw@crm.example.com/hooks")).toContain("user name");
    expect(await refused("not a url")).toContain("full URL");
  });

  test("an endpoint whose name resolves to a private address by the time of sending is refused then", async () => {
    const { receiver, webhook } = await endpointFor(["lead.stage_changed"]);
    await db.webhookEndpoint.update({ where: { id: webhook.id }, data: { url: receiver.url.replace("http://127.0.0.1", "https://localhost") } });
    await markMql((await createLead()).id);
    vi.stubEnv("LEADGATE_WEBHOOK_ALLOW_PRIVATE", "0");
    await deliverDueWebhooks(new Date(Date.now() + SECOND));
    expect(receiver.received).toEqual([]);
    const [attempt] = await db.webhookAttempt.findMany({ where: { delivery: { endpointId: webhook.id } } });
    expect(attempt).toMatchObject({ statusCode: null });
    expect(attempt.error).toContain("localhost resolves to 127.0.0.1, a private address");
  });
});
