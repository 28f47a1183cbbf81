import "server-only";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import { postgresRun } from "@/lib/server/store/postgres-sql";
import type { Queryable, Tx } from "@/lib/server/store/transaction";

export type NewNotification = { userId: string; kind: string; leadId: string | null; webhookId?: string; actorId: string | null; createdAt: Date };

const listedSelect = {
  id: true,
  kind: true,
  createdAt: true,
  readAt: true,
  lead: { select: { id: true, firstName: true, lastName: true, company: true } },
  actor: { select: { name: true } },
  webhook: { select: { url: true } },
} satisfies Prisma.NotificationSelect;

/** A notification as the bell lists it, with its lead's name (or its webhook's address) and who caused it. */
export type NotificationRow = Prisma.NotificationGetPayload<{ select: typeof listedSelect }>;

/** An owned MQL whose SLA may call for a notice, with the SLA notices its owner already has of it. */
export type SlaCandidateRow = { id: string; ownerId: string | null; stageEnteredAt: Date; notifications: Array<{ kind: string; createdAt: Date }> };

/** Each user's notifications. Every read and write names the user, so nobody touches another's. */
export interface NotificationStore {
  /** Owned MQLs that entered MQL between `from` and `to`, with their owners' SLA notices of them. */
  slaCandidates(q: Queryable, window: { from: Date; to: Date }, kinds: readonly string[]): Promise<SlaCandidateRow[]>;
  /** Makes SLA notice runs one at a time until `tx` ends (SQLite's writes are one at a time anyway). */
  lockSlaNotices(tx: Tx): Promise<void>;
  insert(tx: Tx, notifications: readonly NewNotification[]): Promise<void>;
  /** What each notice is about, as the bell's rows carry it: its lead, who acted, its webhook. */
  subjects(q: Queryable, notices: ReadonlyArray<Pick<NewNotification, "leadId" | "actorId" | "webhookId">>): Promise<Array<Pick<NotificationRow, "lead" | "actor" | "webhook">>>;
  /** The user's latest `take`, newest first. */
  latest(q: Queryable, userId: string, take: number): Promise<NotificationRow[]>;
  unreadCount(q: Queryable, userId: string): Promise<number>;
  /** Marks the user's unread notifications read (only `ids` among them when given); how many it marked. */
  markRead(tx: Tx, userId: string, ids: readonly string[] | null, at: Date): Promise<number>;
}

// Written with the ORM, so the same implementation serves every engine the ORM supports, but for
// PostgreSQL's lock.
export const notificationStore: NotificationStore = {
  async slaCandidates(q, window, kinds) {
    const rows = await q.orm.lead.findMany({
      where: { stage: "MQL", ownerId: { not: null }, stageEnteredAt: { gte: window.from, lte: window.to } },
      select: { id: true, ownerId: true, stageEnteredAt: true, notifications: { where: { kind: { in: [...kinds] } }, select: { kind: true, createdAt: true, userId: true } } },
    });
    return rows.map((row) => ({ ...row, notifications: row.notifications.filter((notice) => notice.userId === row.ownerId) }));
  },
  async lockSlaNotices(tx) {
    // Two runs at once (a minute's schedule on two instances) would both see a notice missing.
    if (tx.engine === "postgres") await postgresRun(tx, { name: "notifications_lock_sla", text: `SELECT pg_advisory_xact_lock(hashtext('sla-notices'))` });
  },
  async insert(tx, notifications) {
    if (notifications.length > 0) await tx.orm.notification.createMany({ data: [...notifications] });
  },
  async subjects(q, notices) {
    const ids = (pick: (notice: (typeof notices)[number]) => string | null | undefined) => [...new Set(notices.flatMap((notice) => pick(notice) ?? []))];
    const leads = await q.orm.lead.findMany({ where: { id: { in: ids((notice) => notice.leadId) } }, select: listedSelect.lead.select });
    const actors = await q.orm.user.findMany({ where: { id: { in: ids((notice) => notice.actorId) } }, select: { id: true, name: true } });
    const webhooks = await q.orm.webhookEndpoint.findMany({ where: { id: { in: ids((notice) => notice.webhookId) } }, select: { id: true, url: true } });
    const find = <T extends { id: string }>(rows: T[], id: string | null | undefined) => rows.find((row) => row.id === id) ?? null;
    return notices.map((notice) => ({ lead: find(leads, notice.leadId), actor: find(actors, notice.actorId), webhook: find(webhooks, notice.webhookId) }));
  },
  latest: (q, userId, take) => q.orm.notification.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take, select: listedSelect }),
  unreadCount: (q, userId) => q.orm.notification.count({ where: { userId, readAt: null } }),
  async markRead(tx, userId, ids, at) {
    const { count } = await tx.orm.notification.updateMany({ where: { userId, readAt: null, ...(ids && { id: { in: [...ids] } }) }, data: { readAt: at } });
    return count;
  },
};
