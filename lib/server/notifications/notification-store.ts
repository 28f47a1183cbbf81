import "server-only";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { Queryable, Tx } from "@/lib/server/store/transaction";

export type NewNotification = { userId: string; kind: string; leadId: string; actorId: string | null; createdAt: Date };

const listedSelect = {
  id: true,
  kind: true,
  createdAt: true,
  readAt: true,
  lead: { select: { id: true, firstName: true, lastName: true, company: true } },
  actor: { select: { name: true } },
} satisfies Prisma.NotificationSelect;

/** A notification as the bell lists it, with its lead's name and who caused it. */
export type NotificationRow = Prisma.NotificationGetPayload<{ select: typeof listedSelect }>;

/** Each user's notifications. Every read and write names the user, so nobody touches another's. */
export interface NotificationStore {
  insert(tx: Tx, notifications: readonly NewNotification[]): Promise<void>;
  /** The user's latest `take`, newest first. */
  latest(q: Queryable, userId: string, take: number): Promise<NotificationRow[]>;
  unreadCount(q: Queryable, userId: string): Promise<number>;
  /** Marks the user's unread notifications read (only `ids` among them when given); how many it marked. */
  markRead(tx: Tx, userId: string, ids: readonly string[] | null, at: Date): Promise<number>;
}

// Written with the ORM, so the same implementation serves every engine the ORM supports.
export const notificationStore: NotificationStore = {
  async insert(tx, notifications) {
    if (notifications.length > 0) await tx.orm.notification.createMany({ data: [...notifications] });
  },
  latest: (q, userId, take) => q.orm.notification.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take, select: listedSelect }),
  unreadCount: (q, userId) => q.orm.notification.count({ where: { userId, readAt: null } }),
  async markRead(tx, userId, ids, at) {
    const { count } = await tx.orm.notification.updateMany({ where: { userId, readAt: null, ...(ids && { id: { in: [...ids] } }) }, data: { readAt: at } });
    return count;
  },
};
