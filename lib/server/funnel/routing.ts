import "server-only";
import { routeLeads } from "@/lib/core/routing";
import type { RoutingRep } from "@/lib/views/funnel";
import { funnelStore } from "./funnel-store";
import { reads } from "../store/database";
import type { Tx } from "../store/transaction";
import { routingRules } from "../settings/workflow-settings";
import { notify } from "../notifications/notifications";

export type NewMql = { id: string; country: string | null; ownerId: string | null };

/** Every sales rep, active first, with the open SALs of those who get MQLs: what the routing settings pick from. */
export async function routingReps(): Promise<RoutingRep[]> {
  const q = reads();
  const [reps, loads] = await Promise.all([funnelStore.receivingReps(q), funnelStore.repLoads(q)]);
  const openSals = new Map(loads.map((load) => [load.id, load.openSals]));
  return reps.map((rep) => ({ ...rep, openSals: openSals.get(rep.id) ?? 0 }));
}

/**
 * Gives leads that just became MQL an owner by the manager's routing rules (lib/core/routing.ts),
 * inside the caller's transaction, and records every assignment: whether a person marked them
 * MQL or the score did. Leads no rep can take keep their owner. Returns the chosen owner per lead id.
 */
export async function routeNewMqls(tx: Tx, leads: readonly NewMql[], now: Date): Promise<Map<string, string | null>> {
  const owners = new Map<string, string | null>();
  if (leads.length === 0) return owners;
  await funnelStore.lockRouting(tx);
  const [rules, reps] = await Promise.all([routingRules(tx), funnelStore.repLoads(tx)]);
  const { decisions, lastRoutedAt } = routeLeads(leads, rules, reps, now.getTime());

  const leadsByRep = new Map<string, string[]>();
  for (const { lead, decision } of decisions) {
    owners.set(lead.id, decision.repId ?? lead.ownerId);
    if (decision.repId && decision.repId !== lead.ownerId) leadsByRep.set(decision.repId, [...(leadsByRep.get(decision.repId) ?? []), lead.id]);
  }
  for (const [repId, leadIds] of leadsByRep) await funnelStore.setOwner(tx, leadIds, repId, { now: now.getTime(), bumpVersion: false });
  await notify(
    tx,
    [...leadsByRep].flatMap(([repId, leadIds]) => leadIds.map((leadId) => ({ userId: repId, kind: "routed" as const, leadId, actorId: null }))),
    now,
  );
  await funnelStore.setLastRoutedAt(tx, lastRoutedAt);
  await funnelStore.recordAssignments(
    tx,
    decisions
      // An unroutable lead keeps its owner; the record still says why nobody got it.
      .filter(({ lead, decision }) => decision.repId === null || decision.repId !== lead.ownerId)
      .map(({ lead, decision }) => ({ leadId: lead.id, fromOwnerId: lead.ownerId, toOwnerId: decision.repId ?? lead.ownerId, actorId: null, rule: decision.rule, createdAt: now })),
  );
  return owners;
}
