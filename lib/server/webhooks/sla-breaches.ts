import "server-only";
import { overdueCutoff } from "@/lib/core/sla";
import { DAY_MS, HOUR_MS } from "@/lib/core/time";
import { parseEventTypes } from "@/lib/core/webhooks";
import { slaSettings } from "../settings/workflow-settings";
import { reads, transaction } from "../store/database";
import { queueLeadEvents } from "./webhook-outbox";
import { webhookStore } from "./webhook-store";

// An MQL overdue for longer than this is old news: it was sent, or it predates the endpoint.
const LATE_EVENT_WINDOW_MS = DAY_MS;

/**
 * Queues `lead.sla_breached` for each MQL past the response SLA, once per stay in MQL (a lead that
 * leaves MQL and comes back can breach again), whoever owns it. Runs with the minute's SLA
 * notices; does nothing while no endpoint listens. Returns how many leads it queued.
 */
export async function queueSlaBreaches(now: Date = new Date()): Promise<number> {
  const listening = (await webhookStore.subscribers(reads())).some((endpoint) => parseEventTypes(endpoint.events).includes("lead.sla_breached"));
  if (!listening) return 0;
  const { mqlResponseHours } = await slaSettings();
  const cutoff = overdueCutoff(mqlResponseHours, now);
  return transaction(async (tx) => {
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
  });
}
