import "server-only";
import type { RepLoad } from "@/lib/core/routing";
import { rolesWith } from "@/lib/core/permissions";
import { routeLeads } from "@/lib/core/routing";
import type { Tx } from "./db";
import { db } from "./db";
import { forIdChunks } from "./id-chunks";
import { routingRules } from "./workflow-settings";

export type NewMql = { id: string; country: string | null; ownerId: string | null };

/** Active sales reps with their open SALs and when each last got a routed MQL. */
export async function repLoads(tx: Tx): Promise<RepLoad[]> {
  const [reps, open] = await Promise.all([
    tx.user.findMany({ where: { role: { in: rolesWith("leads.receive") }, active: true }, select: { id: true, lastRoutedAt: true } }),
    tx.lead.groupBy({ by: ["ownerId"], where: { stage: "SAL", ownerId: { not: null } }, _count: { _all: true } }),
  ]);
  const openByRep = new Map(open.map((row) => [row.ownerId, row._count._all]));
  return reps.map((rep) => ({ id: rep.id, openSals: openByRep.get(rep.id) ?? 0, lastRoutedAt: rep.lastRoutedAt?.getTime() ?? null }));
}

export type RoutingRep = { id: string; name: string; active: boolean; openSals: number };

/** Every sales rep, active first, with the open SALs of those who get MQLs: what the routing settings pick from. */
export async function routingReps(): Promise<RoutingRep[]> {
  const [reps, loads] = await Promise.all([
    db.user.findMany({ where: { role: { in: rolesWith("leads.receive") } }, orderBy: [{ active: "desc" }, { name: "asc" }], select: { id: true, name: true, active: true } }),
    repLoads(db),
  ]);
  const openSals = new Map(loads.map((load) => [load.id, load.openSals]));
  return reps.map((rep) => ({ ...rep, openSals: openSals.get(rep.id) ?? 0 }));
}

/**
 * Gives leads that just became MQL an owner by the manager's routing rules, inside the caller's
 * transaction, and records every assignment. Leads no rep can take stay unassigned.
 * Returns the chosen owner per lead id.
 */
export async function routeNewMqls(tx: Tx, leads: readonly NewMql[], now: Date): Promise<Map<string, string | null>> {
  const owners = new Map<string, string | null>();
  if (leads.length === 0) return owners;
  const [rules, reps] = await Promise.all([routingRules(tx), repLoads(tx)]);
  const { decisions, lastRoutedAt } = routeLeads(leads, rules, reps, now.getTime());

  const leadsByRep = new Map<string, string[]>();
  for (const { lead, decision } of decisions) {
    owners.set(lead.id, decision.repId ?? lead.ownerId);
    if (decision.repId) leadsByRep.set(decision.repId, [...(leadsByRep.get(decision.repId) ?? []), lead.id]);
  }
  for (const [repId, leadIds] of leadsByRep) {
    await forIdChunks(leadIds, (ids) => tx.lead.updateMany({ where: { id: { in: ids } }, data: { ownerId: repId } }));
  }
  for (const [repId, at] of lastRoutedAt) {
    await tx.user.update({ where: { id: repId }, data: { lastRoutedAt: new Date(at) } });
  }
  await tx.leadAssignment.createMany({
    data: decisions
      // An unroutable lead keeps its owner; the record still says why nobody got it.
      .filter(({ lead, decision }) => decision.repId === null || decision.repId !== lead.ownerId)
      .map(({ lead, decision }) => ({ leadId: lead.id, fromOwnerId: lead.ownerId, toOwnerId: decision.repId ?? lead.ownerId, actorId: null, rule: decision.rule, createdAt: now })),
  });
  return owners;
}
