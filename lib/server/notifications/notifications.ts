import "server-only";
import { leadName } from "@/lib/core/lead-search";
import type { NotificationKind } from "@/lib/core/notifications";
import { NOTIFICATIONS_LISTED, isNotificationKind, notificationText } from "@/lib/core/notifications";
import { reads, transaction } from "../store/database";
import type { Tx } from "../store/transaction";
import { notificationStore } from "./notification-store";

export type Notice = { userId: string; kind: NotificationKind; leadId: string; actorId: string | null };

/** Records notifications inside the transaction that made the change they tell of, so each exists exactly when its change does. */
export function notify(tx: Tx, notices: readonly Notice[], now: Date): Promise<void> {
  return notificationStore.insert(
    tx,
    notices.map((notice) => ({ ...notice, createdAt: now })),
  );
}

/** What the bell shows a user: how many are unread, and the latest, each as a sentence with a link to its lead. */
export async function notificationsFor(userId: string) {
  const q = reads();
  const [unread, rows] = await Promise.all([notificationStore.unreadCount(q, userId), notificationStore.latest(q, userId, NOTIFICATIONS_LISTED)]);
  return {
    unread,
    items: rows.flatMap((row) =>
      isNotificationKind(row.kind)
        ? [
            {
              id: row.id,
              text: notificationText({ kind: row.kind, leadName: leadName(row.lead), company: row.lead.company, actorName: row.actor?.name ?? null }),
              leadId: row.lead.id,
              createdAt: row.createdAt.toISOString(),
              read: row.readAt !== null,
            },
          ]
        : [],
    ),
  };
}

export type NotificationList = Awaited<ReturnType<typeof notificationsFor>>;

/** Marks the user's notifications read: those of `ids`, or all when null. Another user's ids mark nothing. */
export function markNotificationsRead(userId: string, ids: readonly string[] | null, now: Date = new Date()): Promise<number> {
  return transaction((tx) => notificationStore.markRead(tx, userId, ids, now));
}
