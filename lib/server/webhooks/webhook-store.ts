import "server-only";
import type { Prisma } from "@/lib/server/generated/prisma/client";
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
 * and one row per event and endpoint, so the same implementation serves both engines.
 */
export interface WebhookStore {
  insertEndpoint(tx: Tx, endpoint: { url: string; events: string; secret: string; createdById: string | null }): Promise<EndpointRow>;
  /** Newest first. */
  endpoints(q: Queryable): Promise<EndpointRow[]>;
  endpoint(q: Queryable, id: string): Promise<EndpointRow | null>;
  /** Deletes the endpoint and its deliveries; false when there was none. */
  deleteEndpoint(tx: Tx, id: string): Promise<boolean>;
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
  claimDue(tx: Tx, now: Date, until: Date, limit: number): Promise<ClaimedDelivery[]>;
  recordAttempt(tx: Tx, attempt: AttemptRecord): Promise<void>;
  /** Stores a delivery's outcome and lets go of it. */
  settle(tx: Tx, deliveryId: string, outcome: DeliveryOutcome): Promise<void>;
  /** Records since when an endpoint fails (only if it was not already failing), or clears it with null. */
  setFailing(tx: Tx, endpointId: string, since: Date | null): Promise<void>;
  /** Disables an endpoint unless it already is; false when it was. */
  disable(tx: Tx, endpointId: string, at: Date, reason: string): Promise<boolean>;
  /** Enables it again, as if it had never failed, and makes its waiting deliveries due now. */
  enable(tx: Tx, endpointId: string, now: Date): Promise<boolean>;
  /** The endpoint's deliveries newest first, from the one after `after` (its id), with their attempts. */
  deliveries(q: Queryable, endpointId: string, page: { after: { createdAt: Date; id: string } | null; take: number }): Promise<DeliveryRow[]>;
  delivery(q: Queryable, endpointId: string, deliveryId: string): Promise<DeliveryRow | null>;
  /** Active users who manage webhooks, to tell when one is disabled. */
  managers(q: Queryable, roles: readonly string[]): Promise<string[]>;
  /** Queues a delivery to be sent again now, whatever became of it; false when it is not the endpoint's. */
  replay(tx: Tx, endpointId: string, deliveryId: string, now: Date): Promise<boolean>;
}

function free(now: Date): Prisma.WebhookDeliveryWhereInput {
  return { OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] };
}

export const webhookStore: WebhookStore = {
  insertEndpoint: (tx, endpoint) => tx.orm.webhookEndpoint.create({ data: endpoint, select: endpointSelect }),
  endpoints: (q) => q.orm.webhookEndpoint.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: endpointSelect }),
  endpoint: (q, id) => q.orm.webhookEndpoint.findUnique({ where: { id }, select: endpointSelect }),
  async deleteEndpoint(tx, id) {
    const { count } = await tx.orm.webhookEndpoint.deleteMany({ where: { id } });
    return count === 1;
  },
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
  async claimDue(tx, now, until, limit) {
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
  },
  async recordAttempt(tx, attempt) {
    await tx.orm.webhookAttempt.create({ data: attempt });
  },
  async settle(tx, deliveryId, outcome) {
    await tx.orm.webhookDelivery.updateMany({ where: { id: deliveryId }, data: { ...outcome, lockedUntil: null } });
  },
  async setFailing(tx, endpointId, since) {
    await tx.orm.webhookEndpoint.updateMany({ where: since ? { id: endpointId, failingSince: null } : { id: endpointId }, data: { failingSince: since } });
  },
  async disable(tx, endpointId, at, reason) {
    const { count } = await tx.orm.webhookEndpoint.updateMany({ where: { id: endpointId, disabledAt: null }, data: { disabledAt: at, disabledReason: reason } });
    return count === 1;
  },
  async enable(tx, endpointId, now) {
    const { count } = await tx.orm.webhookEndpoint.updateMany({ where: { id: endpointId }, data: { disabledAt: null, disabledReason: null, failingSince: null } });
    if (count === 1) await tx.orm.webhookDelivery.updateMany({ where: { endpointId, status: "pending" }, data: { nextAttemptAt: now } });
    return count === 1;
  },
  deliveries: (q, endpointId, { after, take }) =>
    q.orm.webhookDelivery.findMany({
      where: { endpointId, ...(after && { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: deliverySelect,
    }),
  delivery: (q, endpointId, deliveryId) => q.orm.webhookDelivery.findFirst({ where: { id: deliveryId, endpointId }, select: deliverySelect }),
  async managers(q, roles) {
    const users = await q.orm.user.findMany({ where: { active: true, role: { in: [...roles] } }, select: { id: true } });
    return users.map((user) => user.id);
  },
  async replay(tx, endpointId, deliveryId, now) {
    // A hold is kept: an instance sending it right now settles it, and the next claim sends it again.
    const { count } = await tx.orm.webhookDelivery.updateMany({ where: { id: deliveryId, endpointId }, data: { status: "pending", nextAttemptAt: now } });
    return count === 1;
  },
};
