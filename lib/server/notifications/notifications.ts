import "server-only";
import { leadName } from "@/lib/core/lead-search";
import type { NotificationKind } from "@/lib/core/notifications";
import { NOTIFICATIONS_LISTED, isNotificationKind, notificationText, slaNoticeKind } from "@/lib/core/notifications";
import { dueSoonCutoff, mqlSla, slaUrgency } from "@/lib/core/sla";
import { DAY_MS, HOUR_MS } from "@/lib/core/time";
import { slaSettings } from "../settings/workflow-settings";
import { reads, transaction } from "../store/database";
import type { Tx } from "../store/transaction";
import type { NotificationRow } from "./notification-store";
import { notificationStore } from "./notification-store";
import { noticeEmail, parseEmailChoices } from "@/lib/core/email-notices";
import { appUrl } from "@/lib/env";
import { emailStore } from "../email/email-store";
import { mailEnabled } from "../email/mailer";
import { queueSlaBreachesIn } from "../webhooks/sla-breaches";

/** A notice about a lead, or (webhook_disabled) about a webhook endpoint. */
export type Notice = { userId: string; kind: NotificationKind; leadId: string | null; webhookId?: string; actorId: string | null };

/**
 * Records notifications inside the transaction that made the change they tell of, so each exists
 * exactly when its change does; those their users chose to get by e-mail too are queued as
 * e-mails in the same transaction (sent by lib/server/email/email-dispatcher.ts).
 */
export async function notify(tx: Tx, notices: readonly Notice[], now: Date): Promise<void> {
  await notificationStore.insert(
    tx,
    notices.map((notice) => ({ ...notice, createdAt: now })),
  );
  await queueNoticeEmails(tx, notices, now);
}

async function queueNoticeEmails(tx: Tx, notices: readonly Notice[], now: Date): Promise<void> {
  if (notices.length === 0 || !mailEnabled()) return;
  const choices = await emailStore.choices(tx, [...new Set(notices.map((notice) => notice.userId))]);
  const wanted = notices.filter((notice) => parseEmailChoices(choices.get(notice.userId) ?? "").some((choice) => choice === notice.kind));
  if (wanted.length === 0) return;
  const subjects = await notificationStore.subjects(tx, wanted);
  const url = appUrl();
  await emailStore.insert(
    tx,
    wanted.flatMap((notice, index) => {
      const item = listedNotification({ kind: notice.kind, ...subjects[index] });
      return item ? [{ userId: notice.userId, kind: notice.kind, ...noticeEmail({ text: item.text, path: item.href }, url), createdAt: now }] : [];
    }),
  );
}

/** What the bell shows a user: how many are unread, and the latest, each as a sentence with a link to its lead. */
export async function notificationsFor(userId: string) {
  const q = reads();
  const [unread, rows] = await Promise.all([notificationStore.unreadCount(q, userId), notificationStore.latest(q, userId, NOTIFICATIONS_LISTED)]);
  return {
    unread,
    items: rows.flatMap((row) => {
      const item = listedNotification(row);
      return item ? [{ id: row.id, ...item, createdAt: row.createdAt.toISOString(), read: row.readAt !== null }] : [];
    }),
  };
}

/** A notification's sentence and where it leads: its lead's page, or the webhooks page. */
function listedNotification(row: Pick<NotificationRow, "kind" | "lead" | "actor" | "webhook">): { text: string; href: string } | null {
  if (!isNotificationKind(row.kind)) return null;
  if (row.kind === "webhook_disabled") return row.webhook && { text: notificationText({ kind: row.kind, webhookUrl: row.webhook.url }), href: "/admin/webhooks" };
  if (!row.lead) return null;
  return {
    text: notificationText({ kind: row.kind, leadName: leadName(row.lead), company: row.lead.company, actorName: row.actor?.name ?? null }),
    href: `/leads/${row.lead.id}`,
  };
}

export type NotificationList = Awaited<ReturnType<typeof notificationsFor>>;

/** Marks the user's notifications read: those of `ids`, or all when null. Another user's ids mark nothing. */
export function markNotificationsRead(userId: string, ids: readonly string[] | null, now: Date = new Date()): Promise<number> {
  return transaction((tx) => notificationStore.markRead(tx, userId, ids, now));
}

const SLA_KINDS: readonly NotificationKind[] = ["sla_due_soon", "sla_overdue"];
// An MQL overdue for longer than this gets no late notice: it was told of, or it is old news.
const LATE_NOTICE_WINDOW_MS = DAY_MS;
/** How often the server looks (server-start.ts on SQLite, the job queue's schedule on PostgreSQL). */
export const SLA_NOTICE_INTERVAL_MS = 60_000;

/**
 * Tells each rep of their MQLs whose response SLA is in its last fifth (due soon) or past
 * (overdue), once each per stay in MQL: a lead that leaves MQL and comes back is told of again.
 * Unassigned MQLs have nobody to tell; the sales queue and the dashboard show them. Returns how
 * many notices it wrote.
 */
export async function notifySlaDeadlines(now: Date = new Date()): Promise<number> {
  const { mqlResponseHours } = await slaSettings();
  return transaction(async (tx) => {
    await notificationStore.lockSlaNotices(tx);
    const window = { from: new Date(now.getTime() - mqlResponseHours * HOUR_MS - LATE_NOTICE_WINDOW_MS), to: dueSoonCutoff(mqlResponseHours, now) };
    const notices: Notice[] = [];
    for (const lead of await notificationStore.slaCandidates(tx, window, SLA_KINDS)) {
      const kind = slaNoticeKind(slaUrgency(mqlSla(lead.stageEnteredAt, mqlResponseHours, now), mqlResponseHours));
      const told = lead.notifications.some((notice) => notice.kind === kind && notice.createdAt >= lead.stageEnteredAt);
      if (kind && lead.ownerId && !told) notices.push({ userId: lead.ownerId, kind, leadId: lead.id, actorId: null });
    }
    await notify(tx, notices, now);
    return notices.length;
  });
}

/**
 * The minute's `lead.sla_breached` webhooks (webhooks/sla-breaches.ts), under the same lock as the
 * SLA notices, so two runs at once (two instances) queue each breach once. Returns how many.
 */
export async function queueSlaBreaches(now: Date = new Date()): Promise<number> {
  const { mqlResponseHours } = await slaSettings();
  return transaction(async (tx) => {
    await notificationStore.lockSlaNotices(tx);
    return queueSlaBreachesIn(tx, now, mqlResponseHours);
  });
}
