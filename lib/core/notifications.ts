import type { SlaUrgency } from "./sla";

/*
 * What Leadgate tells a user under the bell: a lead routed to them, a lead of theirs that
 * someone else sent back to marketing or reopened, and an MQL of theirs whose response SLA is
 * about to run out or has; admins also hear of a webhook endpoint disabled for failing.
 */

export const NOTIFICATION_KINDS = ["routed", "sent_back", "reopened", "sla_due_soon", "sla_overdue", "webhook_disabled"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
type LeadNotificationKind = Exclude<NotificationKind, "webhook_disabled">;

/** What a notification's sentence names: a lead and who acted on it, or a disabled endpoint. */
export type NotificationSubject =
  | { kind: LeadNotificationKind; leadName: string; company: string | null; actorName: string | null }
  | { kind: "webhook_disabled"; webhookUrl: string };

/** The most notifications the bell lists; older ones stay stored but unlisted. */
export const NOTIFICATIONS_LISTED = 20;

/** Which notification a move of someone else's lead makes for its owner, if any. */
export function notificationForOwner(move: { returnsToMarketing: boolean; reopens: boolean }): NotificationKind | null {
  if (move.reopens) return "reopened";
  if (move.returnsToMarketing) return "sent_back";
  return null;
}

/** The sentence the bell shows, e.g. "Morgan Manager reopened Ada Lovelace (Analytical Engines)". */
export function notificationText(notification: NotificationSubject): string {
  if (notification.kind === "webhook_disabled") return `The webhook to ${notification.webhookUrl} was disabled: every attempt failed for a day`;
  const lead = notification.company ? `${notification.leadName} (${notification.company})` : notification.leadName;
  const actor = notification.actorName ?? "Leadgate";
  switch (notification.kind) {
    case "routed":
      return notification.actorName ? `${actor} assigned you ${lead}` : `New MQL routed to you: ${lead}`;
    case "sent_back":
      return `${actor} sent ${lead} back to marketing`;
    case "reopened":
      return `${actor} reopened ${lead}`;
    case "sla_due_soon":
      return `${lead} is waiting for your answer: the response SLA runs out soon`;
    case "sla_overdue":
      return `${lead} is past the response SLA`;
  }
}

/** The SLA notice an MQL's urgency calls for, told once per stay in MQL (due soon, then overdue). */
export function slaNoticeKind(urgency: SlaUrgency): NotificationKind | null {
  if (urgency === "overdue") return "sla_overdue";
  if (urgency === "dueSoon") return "sla_due_soon";
  return null;
}

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
