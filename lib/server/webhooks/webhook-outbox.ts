import "server-only";
import type { WebhookEventType } from "@/lib/core/webhooks";
import { parseEventTypes } from "@/lib/core/webhooks";
import type { Tx } from "../store/transaction";
import { timeOrderedId } from "../store/time-ordered-id";
import type { LeadSummaryRow, NewDelivery } from "./webhook-store";
import { webhookStore } from "./webhook-store";

/** Something that happened to a lead, with what the event's `data` says beside the lead itself. */
export type LeadEvent = { type: WebhookEventType; leadId: string; at: Date; data: Record<string, unknown> };

/** The lead as every event shows it, as it stands once the change is made. */
function leadPayload(lead: LeadSummaryRow) {
  return { id: lead.id, email: lead.email, firstName: lead.firstName, lastName: lead.lastName, company: lead.company, stage: lead.stage, score: lead.totalScore, ownerId: lead.ownerId };
}

/** A Standard Webhooks message id: sortable by time, unique across instances. */
function messageId(at: Date): string {
  return `msg_${timeOrderedId(at.getTime()).replaceAll("-", "")}`;
}

/**
 * Queues a delivery of each event to every enabled endpoint that asked for its type, inside the
 * transaction that made the change: the deliveries exist exactly when the change does, so a
 * crash loses none and a rolled-back change sends none (the outbox). Costs nothing when no
 * endpoint listens. Returns how many deliveries it queued.
 */
export async function queueLeadEvents(tx: Tx, events: readonly LeadEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const subscribers = (await webhookStore.subscribers(tx)).map((endpoint) => ({ id: endpoint.id, types: parseEventTypes(endpoint.events) }));
  const wanted = events.filter((event) => subscribers.some((endpoint) => endpoint.types.includes(event.type)));
  if (wanted.length === 0) return 0;
  const leads = new Map((await webhookStore.leadSummaries(tx, [...new Set(wanted.map((event) => event.leadId))])).map((lead) => [lead.id, lead]));
  const deliveries: NewDelivery[] = [];
  for (const event of wanted) {
    const lead = leads.get(event.leadId);
    if (!lead) continue;
    const payload = JSON.stringify({ type: event.type, timestamp: event.at.toISOString(), data: { lead: leadPayload(lead), ...event.data } });
    for (const endpoint of subscribers) {
      if (endpoint.types.includes(event.type)) {
        deliveries.push({ id: messageId(event.at), endpointId: endpoint.id, eventType: event.type, leadId: event.leadId, payload, createdAt: event.at });
      }
    }
  }
  await webhookStore.insertDeliveries(tx, deliveries);
  return deliveries.length;
}

/** A stage move as events: `lead.stage_changed`, and `lead.mql` too when it makes an MQL. */
export function moveEvents(move: { leadId: string; fromStage: string; toStage: string; move: string; actorId: string | null; reason: string | null; createdAt: Date }): LeadEvent[] {
  const data = { from: move.fromStage, to: move.toStage, move: move.move, actorId: move.actorId, reason: move.reason };
  const changed: LeadEvent = { type: "lead.stage_changed", leadId: move.leadId, at: move.createdAt, data };
  return move.toStage === "MQL" ? [changed, { type: "lead.mql", leadId: move.leadId, at: move.createdAt, data }] : [changed];
}
