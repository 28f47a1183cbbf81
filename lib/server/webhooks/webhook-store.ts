import "server-only";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import { reads, transaction } from "@/lib/server/store/database";
import type { Queryable, Tx } from "@/lib/server/store/transaction";

const endpointSelect = {
  id: true,
  url: true,
  events: true,
  createdAt: true,
  failingSince: true,
  disabledAt: true,
  disabledReason: true,
  createdBy: { select: { name: true } },
} satisfies Prisma.WebhookEndpointSelect;

const deliverySelect = {
  id: true,
  eventType: true,
  payload: true,
  leadId: true,
  status: true,
  attempts: true,
  createdAt: true,
  nextAttemptAt: true,
  deliveredAt: true,
  attemptLog: { orderBy: { attemptedAt: "desc" }, select: { attemptedAt: true, statusCode: true, latencyMs: true, responseExcerpt: true, error: true } },
} satisfies Prisma.WebhookDeliverySelect;

const claimedSelect = {
  id: true,
  payload: true,
  attempts: true,
  createdAt: true,
  endpoint: { select: { id: true, url: true, secret: true, failingSince: true } },
} satisfies Prisma.WebhookDeliverySelect;

export type EndpointRow = Prisma.WebhookEndpointGetPayload<{ select: typeof endpointSelect }>;
export type DeliveryRow = Prisma.WebhookDeliveryGetPayload<{ select: typeof deliverySelect }>;
/** A delivery an instance has taken to send, with where to and the secret to sign with. */
export type ClaimedDelivery = Prisma.WebhookDeliveryGetPayload<{ select: typeof claimedSelect }>;

export type NewDelivery = { id: string; endpointId: string; eventType: string; leadId: string | null; payload: string; createdAt: Date };
export type AttemptRecord = { deliveryId: string; attemptedAt: Date; statusCode: number | null; latencyMs: number; responseExcerpt: string | null; error: string | null };
/** What an attempt leaves: delivered, to be tried again at `nextAttemptAt`, or given up. */
export type DeliveryOutcome = { status: "delivered" | "pending" | "failed"; attempts: number; nextAttemptAt: Date | null; deliveredAt: Date | null };
/** A lead as an event's payload shows it. */
export type LeadSummaryRow = { id: string; email: string; firstName: string; lastName: string; company: string | null; stage: string; totalScore: number; ownerId: string | null };

/**
 * Webhook endpoints and their outbox. Written with the ORM: the volumes are an admin's endpoints
 * and one row per event and endpoint, so the same implementation serves both engines. Methods
 * that take a Tx or Queryable work inside the caller's transaction (the outbox is written with the
 * change it tells of); the admin's reads and writes run on their own.
 */
export interface WebhookStore {
  /** Registers an endpoint unless the workspace already has `max`: null then. */
  insertEndpoint(endpoint: { url: string; events: string; secret: string; createdById: string | null }, max: number): Promise<EndpointRow | null>;
  /** Newest first. */
  endpoints(): Promise<EndpointRow[]>;
  endpoint(id: string): Promise<EndpointRow | null>;
  /** Deletes the endpoint and its deliveries; false when there was none. */
  deleteEndpoint(id: string): Promise<boolean>;
  /** Enabled endpoints with their event types, for the outbox to fan events out to. */
  subscribers(q: Queryable): Promise<Array<{ id: string; events: string }>>;
  leadSummaries(q: Queryable, ids: readonly string[]): Promise<LeadSummaryRow[]>;
  insertDeliveries(tx: Tx, deliveries: readonly NewDelivery[]): Promise<void>;
  /** MQLs that entered MQL between `from` and `to`. */
  mqlsEnteredBetween(q: Queryable, window: { from: Date; to: Date }): Promise<Array<{ id: string; stageEnteredAt: Date }>>;
  /** Of `leadIds`, those with an event of `eventType` queued at or after `since` (ms by lead). */
  leadsWithEventSince(q: Queryable, eventType: string, since: ReadonlyMap<string, Date>): Promise<Set<string>>;
  /**
   * Takes up to `limit` deliveries due at `now` of enabled endpoints that no instance holds, and
   * holds them until `until`. Each is taken by one caller: the hold is set only if it is still free.
   */
  claimDue(now: Date, until: Date, limit: number): Promise<ClaimedDelivery[]>;
  /**
   * Records an attempt, the delivery's outcome (letting go of it) and the endpoint's state, in one
   * transaction: failing since `failing.since` (unless it already was), no longer failing, or as it
   * was; disabled when `disable` says so and it was not yet, and then `whenDisabled` runs in the
   * same transaction.
   */
  settleAttempt(
    attempt: AttemptRecord,
    outcome: DeliveryOutcome,
    endpoint: { id: string; failing: { since: Date } | "cleared" | "unchanged"; disable: { at: Date; reason: string } | null },
    whenDisabled: (tx: Tx) => Promise<void>,
  ): Promise<void>;
  /** Enables it again, as if it had never failed, and makes its waiting deliveries due now; null when there is no such endpoint. */
  enable(endpointId: string, now: Date): Promise<EndpointRow | null>;
  /** The endpoint's deliveries newest first, from the one after `after` (its id), with their attempts. */
  deliveries(endpointId: string, page: { after: { createdAt: Date; id: string } | null; take: number }): Promise<DeliveryRow[]>;
  /** Active users who manage webhooks, to tell when one is disabled. */
  managers(q: Queryable, roles: readonly string[]): Promise<string[]>;
  /** Queues a delivery to be sent again now, whatever became of it; null when it is not the endpoint's. */
  replay(endpointId: string, deliveryId: string, now: Date): Promise<DeliveryRow | null>;
}

function free(now: Date): Prisma.WebhookDeliveryWhereInput {
  return { OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] };
}

export const webhookStore: WebhookStore = {
  insertEndpoint: (endpoint, max) =>
    transaction(async (tx) => ((await tx.orm.webhookEndpoint.count()) >= max ? null : tx.orm.webhookEndpoint.create({ data: endpoint, select: endpointSelect }))),
  endpoints: () => reads().orm.webhookEndpoint.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: endpointSelect }),
  endpoint: (id) => reads().orm.webhookEndpoint.findUnique({ where: { id }, select: endpointSelect }),
  deleteEndpoint: (id) => transaction(async (tx) => (await tx.orm.webhookEndpoint.deleteMany({ where: { id } })).count === 1),
  subscribers: (q) => q.orm.webhookEndpoint.findMany({ where: { disabledAt: null }, select: { id: true, events: true } }),
  async leadSummaries(q, ids) {
    if (ids.length === 0) return [];
    return q.orm.lead.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true, email: true, firstName: true, lastName: true, company: true, stage: true, totalScore: true, ownerId: true },
    });
  },
  async insertDeliveries(tx, deliveries) {
    if (deliveries.length > 0) await tx.orm.webhookDelivery.createMany({ data: deliveries.map((delivery) => ({ ...delivery, status: "pending", nextAttemptAt: delivery.createdAt })) });
  },
  mqlsEnteredBetween: (q, { from, to }) =>
    q.orm.lead.findMany({ where: { stage: "MQL", stageEnteredAt: { gte: from, lte: to } }, select: { id: true, stageEnteredAt: true } }),
  async leadsWithEventSince(q, eventType, since) {
    if (since.size === 0) return new Set();
    const rows = await q.orm.webhookDelivery.findMany({ where: { eventType, leadId: { in: [...since.keys()] } }, select: { leadId: true, createdAt: true } });
    return new Set(rows.filter((row) => row.leadId && row.createdAt >= since.get(row.leadId)!).map((row) => row.leadId!));
  },
  claimDue: (now, until, limit) =>
    transaction(async (tx) => {
      const due = await tx.orm.webhookDelivery.findMany({
        where: { status: "pending", nextAttemptAt: { lte: now }, endpoint: { disabledAt: null }, ...free(now) },
        orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
        take: limit,
        select: claimedSelect,
      });
      const claimed: ClaimedDelivery[] = [];
      for (const delivery of due) {
        // On PostgreSQL a concurrent claim of the same row waits for ours, then finds it held.
        const { count } = await tx.orm.webhookDelivery.updateMany({ where: { id: delivery.id, status: "pending", ...free(now) }, data: { lockedUntil: until } });
        if (count === 1) claimed.push(delivery);
      }
      return claimed;
    }),
  settleAttempt: (attempt, outcome, endpoint, whenDisabled) =>
    transaction(async (tx) => {
      await tx.orm.webhookAttempt.create({ data: attempt });
      await tx.orm.webhookDelivery.updateMany({ where: { id: attempt.deliveryId }, data: { ...outcome, lockedUntil: null } });
      if (endpoint.failing === "cleared") await tx.orm.webhookEndpoint.updateMany({ where: { id: endpoint.id }, data: { failingSince: null } });
      else if (endpoint.failing !== "unchanged") await tx.orm.webhookEndpoint.updateMany({ where: { id: endpoint.id, failingSince: null }, data: { failingSince: endpoint.failing.since } });
      if (!endpoint.disable) return;
      const { count } = await tx.orm.webhookEndpoint.updateMany({ where: { id: endpoint.id, disabledAt: null }, data: { disabledAt: endpoint.disable.at, disabledReason: endpoint.disable.reason } });
      if (count === 1) await whenDisabled(tx);
    }),
  enable: (endpointId, now) =>
    transaction(async (tx) => {
      const { count } = await tx.orm.webhookEndpoint.updateMany({ where: { id: endpointId }, data: { disabledAt: null, disabledReason: null, failingSince: null } });
      if (count === 0) return null;
      await tx.orm.webhookDelivery.updateMany({ where: { endpointId, status: "pending" }, data: { nextAttemptAt: now } });
      return tx.orm.webhookEndpoint.findUnique({ where: { id: endpointId }, select: endpointSelect });
    }),
  deliveries: (endpointId, { after, take }) =>
    reads().orm.webhookDelivery.findMany({
      where: { endpointId, ...(after && { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: deliverySelect,
    }),
  async managers(q, roles) {
    const users = await q.orm.user.findMany({ where: { active: true, role: { in: [...roles] } }, select: { id: true } });
    return users.map((user) => user.id);
  },
  replay: (endpointId, deliveryId, now) =>
    transaction(async (tx) => {
      // A hold is kept: an instance sending it right now settles it, and the next claim sends it again.
      const { count } = await tx.orm.webhookDelivery.updateMany({ where: { id: deliveryId, endpointId }, data: { status: "pending", nextAttemptAt: now } });
      return count === 1 ? tx.orm.webhookDelivery.findUnique({ where: { id: deliveryId }, select: deliverySelect }) : null;
    }),
};
