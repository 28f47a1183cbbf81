import "server-only";
import { leadName } from "@/lib/core/lead-search";
import type { BulkLead, BulkMove, BulkOutcome } from "@/lib/core/bulk";
import { bulkOutcome, planBulkAssign, planBulkMove } from "@/lib/core/bulk";
import type { Actor } from "@/lib/core/funnel";
import { transitionRecord } from "@/lib/core/funnel";
import { can } from "@/lib/core/permissions";
import { isRole } from "@/lib/core/roles";
import { isStage } from "@/lib/core/stages";
import { AppError } from "../errors";
import { funnelStore } from "./funnel-store";
import { recordMoves } from "./record-moves";
import { activeDisqualificationReasons } from "../settings/reference-data";
import { routeNewMqls } from "./routing";
import { notify } from "../notifications/notifications";
import { transaction } from "../store/database";
import type { Tx } from "../store/transaction";

async function loadBulkLeads(tx: Tx, ids: readonly string[]): Promise<(BulkLead & { country: string | null })[]> {
  const rows = await funnelStore.movableLeads(tx, ids);
  return rows.flatMap((row) =>
    isStage(row.stage) ? [{ id: row.id, stage: row.stage, ownerId: row.ownerId, name: leadName(row), country: row.country }] : [],
  );
}

/**
 * Marks MQL or disqualifies a batch of leads in one transaction, each row under the same rules
 * as a single move; new MQLs are routed to reps like any other.
 */
export async function bulkMove(actor: Actor, input: { leadIds: readonly string[]; move: BulkMove; reasonCode?: string; reason?: string }, now: Date = new Date()): Promise<BulkOutcome> {
  return transaction(async (tx) => {
    const leads = await loadBulkLeads(tx, input.leadIds);
    const reasons = input.move === "disqualify" ? await activeDisqualificationReasons(tx) : [];
    const plan = planBulkMove({
      actor,
      leads,
      move: input.move,
      details: { reasonCode: input.reasonCode, reason: input.reason },
      context: { actor, reasonCodes: reasons.map((reason) => reason.code), checklist: [], assignableRepIds: [] },
    });
    if ("fieldErrors" in plan) {
      throw new AppError("VALIDATION", Object.values(plan.fieldErrors).join(" "), plan.fieldErrors as Record<string, string>);
    }
    const countryOf = new Map(leads.map((lead) => [lead.id, lead.country]));
    const moved = plan.allowed.map(({ lead }) => ({ ...lead, country: countryOf.get(lead.id) ?? null }));
    if (moved.length > 0) {
      const to = plan.allowed[0].rule.to;
      await funnelStore.moveMany(
        tx,
        moved.map((lead) => lead.id),
        { stage: to, returnedAt: input.move === "markMql" ? "clear" : "keep", now: now.getTime() },
      );
      if (input.move === "markMql") await routeNewMqls(tx, moved, now);
      await recordMoves(tx, plan.allowed.map(({ lead, rule }) => ({ leadId: lead.id, ...transitionRecord(rule, actor.id, input, now) })));
    }
    return bulkOutcome(input.leadIds, plan.results);
  });
}

/** A manager gives a batch of leads to one sales rep; every change of owner is recorded. */
export async function bulkAssign(actor: Actor, input: { leadIds: readonly string[]; assigneeId: string }, now: Date = new Date()): Promise<BulkOutcome> {
  return transaction(async (tx) => {
    const assignee = await funnelStore.person(tx, input.assigneeId);
    if (!assignee || !assignee.active || !isRole(assignee.role) || !can(assignee.role, "leads.receive")) {
      throw new AppError("VALIDATION", "Choose an active sales rep to assign the leads to.", { assigneeId: "Choose an active sales rep." });
    }
    const leads = await loadBulkLeads(tx, input.leadIds);
    const plan = planBulkAssign({ leads, assigneeId: assignee.id, assigneeName: assignee.name });
    if (plan.allowed.length > 0) {
      await funnelStore.setOwner(
        tx,
        plan.allowed.map((lead) => lead.id),
        assignee.id,
        { now: now.getTime(), bumpVersion: true },
      );
      await funnelStore.recordAssignments(
        tx,
        plan.allowed.map((lead) => ({ leadId: lead.id, fromOwnerId: lead.ownerId, toOwnerId: assignee.id, actorId: actor.id, rule: "Reassigned by a manager", createdAt: now })),
      );
      if (assignee.id !== actor.id) {
        await notify(
          tx,
          plan.allowed.map((lead) => ({ userId: assignee.id, kind: "routed" as const, leadId: lead.id, actorId: actor.id })),
          now,
        );
      }
    }
    return bulkOutcome(input.leadIds, plan.results);
  });
}
