import type { NotificationKind } from "./notifications";
import type { Permission } from "./permissions";
import { can } from "./permissions";
import type { Role } from "./roles";

/*
 * Which notifications also go by e-mail: each user ticks their own, none to start with. Managers
 * can have a daily digest of the SLA instead of (or beside) each notice.
 */

export const EMAIL_CHOICES = ["routed", "sent_back", "reopened", "sla_due_soon", "sla_overdue", "webhook_disabled", "digest"] as const satisfies ReadonlyArray<NotificationKind | "digest">;
export type EmailChoice = (typeof EMAIL_CHOICES)[number];

export const EMAIL_CHOICE_LABELS: Record<EmailChoice, string> = {
  routed: "An MQL is routed or assigned to me",
  sent_back: "Someone sends a lead of mine back to marketing",
  reopened: "Someone reopens a lead of mine",
  sla_due_soon: "An MQL of mine is close to the response SLA",
  sla_overdue: "An MQL of mine is past the response SLA",
  webhook_disabled: "A webhook endpoint is disabled for failing",
  digest: "Each morning: MQLs past the SLA and MQLs waiting, for the whole team",
};

// Who can get each: the notices a role is ever sent, and the digest for those who watch every rep's queue.
const CHOICE_PERMISSION: Record<EmailChoice, Permission> = {
  routed: "leads.own",
  sent_back: "leads.own",
  reopened: "leads.own",
  sla_due_soon: "leads.own",
  sla_overdue: "leads.own",
  webhook_disabled: "webhooks.manage",
  digest: "queue.viewAllReps",
};

/** The choices that mean something for a role, in the order the settings page lists them. */
export function emailChoicesFor(role: Role): EmailChoice[] {
  return EMAIL_CHOICES.filter((choice) => can(role, CHOICE_PERMISSION[choice]));
}

export function parseEmailChoices(stored: string): EmailChoice[] {
  const names = stored.split(",").map((name) => name.trim());
  return EMAIL_CHOICES.filter((choice) => names.includes(choice));
}

export function formatEmailChoices(choices: readonly EmailChoice[]): string {
  return EMAIL_CHOICES.filter((choice) => choices.includes(choice)).join(",");
}

export type Email = { subject: string; text: string };

const SETTINGS_PATH = "/settings/notifications";
const footer = (appUrl: string) => `\n\n--\nYou get this e-mail because you chose it in Leadgate: ${appUrl}${SETTINGS_PATH}`;

/** A notification as an e-mail: its sentence as the subject, with a link to what it is about. */
export function noticeEmail(notice: { text: string; path: string }, appUrl: string): Email {
  return { subject: notice.text.length > 150 ? `${notice.text.slice(0, 149)}…` : notice.text, text: `${notice.text}.\n\nOpen it: ${appUrl}${notice.path}${footer(appUrl)}` };
}

export type DigestLead = { id: string; name: string; company: string | null; ownerName: string | null; hours: number };

/** The hour (UTC) from which a day's digest is sent. */
export const DIGEST_HOUR_UTC = 7;
/** The most leads each part of a digest lists; the counts cover all. */
export const DIGEST_LISTED = 10;

function digestLines(leads: readonly DigestLead[], total: number, what: (lead: DigestLead) => string, appUrl: string): string {
  if (total === 0) return "None.";
  const lines = leads.map((lead) => `- ${lead.name}${lead.company ? ` (${lead.company})` : ""}, ${lead.ownerName ?? "unassigned"}: ${what(lead)}\n  ${appUrl}/leads/${lead.id}`);
  if (total > leads.length) lines.push(`…and ${total - leads.length} more: ${appUrl}/queue`);
  return lines.join("\n");
}

/** A manager's morning digest: MQLs past the response SLA, then those still within it, oldest first. */
export function digestEmail(digest: { day: string; overdue: readonly DigestLead[]; overdueTotal: number; waiting: readonly DigestLead[]; waitingTotal: number }, appUrl: string): Email {
  const subject = `Leadgate ${digest.day}: ${digest.overdueTotal} MQL${digest.overdueTotal === 1 ? "" : "s"} past the SLA, ${digest.waitingTotal} waiting`;
  const text = [
    `Past the response SLA (${digest.overdueTotal}):`,
    digestLines(digest.overdue, digest.overdueTotal, (lead) => `${lead.hours} h overdue`, appUrl),
    "",
    `Waiting, within the SLA (${digest.waitingTotal}):`,
    digestLines(digest.waiting, digest.waitingTotal, (lead) => `${lead.hours} h left`, appUrl),
  ].join("\n");
  return { subject, text: `${text}${footer(appUrl)}` };
}
