import "server-only";
import type { DigestLead } from "@/lib/core/email-notices";
import { DIGEST_HOUR_UTC, DIGEST_LISTED, digestEmail } from "@/lib/core/email-notices";
import { leadName } from "@/lib/core/lead-search";
import { rolesWith } from "@/lib/core/permissions";
import { overdueCutoff } from "@/lib/core/sla";
import { HOUR_MS } from "@/lib/core/time";
import { appUrl } from "@/lib/env";
import { slaSettings } from "../settings/workflow-settings";
import type { DigestLeadRow } from "./email-store";
import { emailStore } from "./email-store";
import { mailEnabled } from "./mailer";

/**
 * Queues the morning digest for each manager who chose it: MQLs past the response SLA and MQLs
 * waiting, oldest first. Runs with the minute's SLA checks and acts from 07:00 UTC, once a day per
 * manager (a key per manager and day makes a second run, or a second instance, queue nothing).
 * Returns how many it queued.
 */
export async function queueDigests(now: Date = new Date()): Promise<number> {
  if (!mailEnabled() || now.getUTCHours() < DIGEST_HOUR_UTC) return 0;
  const day = now.toISOString().slice(0, 10);
  const managers = await emailStore.choosers(rolesWith("queue.viewAllReps"), "digest");
  const keyOf = (userId: string) => `digest:${userId}:${day}`;
  const queued = await emailStore.queuedKeys(managers.map((manager) => keyOf(manager.id)));
  const due = managers.filter((manager) => !queued.has(keyOf(manager.id)));
  if (due.length === 0) return 0;
  const { mqlResponseHours } = await slaSettings();
  const leads = await emailStore.digestLeads(overdueCutoff(mqlResponseHours, now), DIGEST_LISTED);
  const ageHours = (lead: DigestLeadRow) => (now.getTime() - lead.stageEnteredAt.getTime()) / HOUR_MS;
  const digestLead = (lead: DigestLeadRow, hours: number): DigestLead => ({ id: lead.id, name: leadName(lead), company: lead.company, ownerName: lead.owner?.name ?? null, hours });
  const email = digestEmail(
    {
      day,
      overdue: leads.overdue.map((lead) => digestLead(lead, Math.floor(ageHours(lead) - mqlResponseHours))),
      overdueTotal: leads.overdueTotal,
      waiting: leads.waiting.map((lead) => digestLead(lead, Math.ceil(mqlResponseHours - ageHours(lead)))),
      waitingTotal: leads.waitingTotal,
    },
    appUrl(),
  );
  await emailStore.queue(due.map((manager) => ({ userId: manager.id, kind: "digest", dedupeKey: keyOf(manager.id), ...email, createdAt: now })));
  return due.length;
}
