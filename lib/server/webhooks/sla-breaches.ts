import "server-only";
import { overdueCutoff } from "@/lib/core/sla";
import { DAY_MS, HOUR_MS } from "@/lib/core/time";
import { parseEventTypes } from "@/lib/core/webhooks";
import type { Tx } from "../store/transaction";
import { queueLeadEvents } from "./webhook-outbox";
import { webhookStore } from "./webhook-store";

// An MQL overdue for longer than this is old news: it was sent, or it predates the endpoint.
const LATE_EVENT_WINDOW_MS = DAY_MS;

/**
 * Queues `lead.sla_breached` for each MQL past the response SLA, once per stay in MQL (a lead that
 * leaves MQL and comes back can breach again), whoever owns it, in the caller's transaction (the
 * minute's SLA check, under its lock: notifications.ts). Does nothing while no endpoint listens.
 * Returns how many leads it queued.
 */
export async function queueSlaBreachesIn(tx: Tx, now: Date, mqlResponseHours: number): Promise<number> {
  const listening = (await webhookStore.subscribers(tx)).some((endpoint) => parseEventTypes(endpoint.events).includes("lead.sla_breached"));
  if (!listening) return 0;
  const cutoff = overdueCutoff(mqlResponseHours, now);
  const overdue = await webhookStore.mqlsEnteredBetween(tx, { from: new Date(cutoff.getTime() - LATE_EVENT_WINDOW_MS), to: cutoff });
  const sent = await webhookStore.leadsWithEventSince(tx, "lead.sla_breached", new Map(overdue.map((lead) => [lead.id, lead.stageEnteredAt])));
  const breaches = overdue.filter((lead) => !sent.has(lead.id));
  await queueLeadEvents(
    tx,
    breaches.map((lead) => ({
      type: "lead.sla_breached" as const,
      leadId: lead.id,
      at: now,
      data: { mqlSince: lead.stageEnteredAt.toISOString(), slaHours: mqlResponseHours, overdueMinutes: Math.floor((now.getTime() - lead.stageEnteredAt.getTime() - mqlResponseHours * HOUR_MS) / 60_000) },
    })),
  );
  return breaches.length;
}
