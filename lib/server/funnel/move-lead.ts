import "server-only";
import { formatDistanceStrict } from "date-fns";
import type { BoardCard } from "@/lib/core/board";
import type { Actor, Move, MoveDetails, MoveRule } from "@/lib/core/funnel";
import { notificationForOwner } from "@/lib/core/notifications";
import { todayUtc } from "@/lib/core/deal";
import { authorizeMove, checkRequirements, ownerAfterMove, returnsToMarketing, transitionRecord } from "@/lib/core/funnel";
import { reasonListOf } from "@/lib/core/reasons";
import { isStage } from "@/lib/core/stages";
import { toBoardCard } from "./board";
import { AppError } from "../errors";
import { boardStore } from "./board-store";
import { funnelStore } from "./funnel-store";
import { recordMoves } from "./record-moves";
import { activeReasons, activeSalesRepIds } from "../settings/reference-data";
import { routeNewMqls } from "./routing";
import { transaction } from "../store/database";
import type { Notice } from "../notifications/notifications";
import { notify } from "../notifications/notifications";
import type { Tx } from "../store/transaction";
import { qualificationChecklist } from "../settings/workflow-settings";

export type MoveLeadInput = { leadId: string; version: number; move: Move } & MoveDetails;

async function describeLatestChange(tx: Tx, leadId: string, now: Date): Promise<string> {
  const latest = await funnelStore.latestTransition(tx, leadId);
  if (!latest) return "Someone else changed this lead after your page loaded.";
  const who = latest.actorName ?? "Leadgate (automatic scoring)";
  return `${who} moved this lead to ${latest.toStage} ${formatDistanceStrict(latest.createdAt, now, { addSuffix: true })}.`;
}

async function conflict(tx: Tx, leadId: string, now: Date): Promise<never> {
  const lead = await boardStore.card(tx, leadId);
  if (!lead) throw new AppError("NOT_FOUND", "This lead no longer exists.");
  const what = await describeLatestChange(tx, leadId, now);
  throw new AppError("CONFLICT", `${what} Your page was out of date; it now shows where the lead is.`, undefined, { lead: toBoardCard(lead) });
}

function assignmentRule(move: Move, actor: Actor): string {
  if (move !== "accept") return "Returned to marketing";
  return actor.role === "SALES" ? "Accepted by the rep" : "Assigned by a manager on accept";
}

/** Who hears of a move someone else made: the rep it gave the lead to, and the owner whose lead it sent back or reopened. */
function ownersToTell(move: { actor: Actor; before: string | null; after: string | null; leadId: string; rule: MoveRule }): Notice[] {
  const { actor, before, after, leadId, rule } = move;
  const notices: Notice[] = [];
  if (after && after !== before && after !== actor.id) notices.push({ userId: after, kind: "routed", leadId, actorId: actor.id });
  const told = notificationForOwner({ returnsToMarketing: returnsToMarketing(rule), reopens: rule.move === "reopen" });
  if (told && before && before !== actor.id) notices.push({ userId: before, kind: told, leadId, actorId: actor.id });
  return notices;
}

/**
 * Moves a lead one step through the funnel: checks who may, what the move needs and that
 * nobody moved it since the caller looked (its version), then writes the lead and its
 * transition in one transaction. Exactly one of two concurrent moves wins.
 */
export async function moveLead(actor: Actor, input: MoveLeadInput, now: Date = new Date()): Promise<BoardCard> {
  return transaction(async (tx) => {
    const lead = await funnelStore.movableLead(tx, input.leadId);
    if (!lead || !isStage(lead.stage)) throw new AppError("NOT_FOUND", "This lead no longer exists.");
    if (lead.version !== input.version) return conflict(tx, lead.id, now);

    const position = { stage: lead.stage, ownerId: lead.ownerId };
    const decision = authorizeMove({ actor, lead: position, move: input.move });
    if (!decision.allowed) throw new AppError("FORBIDDEN", decision.message, undefined, { code: decision.code });
    const { rule } = decision;

    const [reasons, repIds, checklist] = await Promise.all([
      rule.requires.includes("listedReason") ? activeReasons(reasonListOf(rule.move) ?? "disqualification", tx) : [],
      rule.requires.includes("assignee") ? activeSalesRepIds(tx) : [],
      rule.requires.includes("checklist") ? qualificationChecklist(tx) : [],
    ]);
    const fieldErrors = checkRequirements(rule, input, {
      actor,
      reasonCodes: reasons.map((reason) => reason.code),
      checklist,
      assignableRepIds: repIds,
      today: todayUtc(now),
    });
    if (Object.keys(fieldErrors).length > 0) {
      throw new AppError("VALIDATION", Object.values(fieldErrors).join(" "), fieldErrors as Record<string, string>);
    }

    const ownerId = ownerAfterMove(rule, actor, position, input);
    const moved = await funnelStore.moveIfUnchanged(tx, {
      id: lead.id,
      version: input.version,
      stage: rule.to,
      ownerId,
      // Marking MQL by hand lifts the hold a return put on automatic promotion.
      returnedAt: returnsToMarketing(rule) ? "set" : rule.move === "markMql" ? "clear" : "keep",
      now: now.getTime(),
    });
    if (!moved) return conflict(tx, lead.id, now);
    if (ownerId !== lead.ownerId) {
      await funnelStore.recordAssignments(tx, [{ leadId: lead.id, fromOwnerId: lead.ownerId, toOwnerId: ownerId, actorId: actor.id, rule: assignmentRule(rule.move, actor), createdAt: now }]);
    }
    await notify(tx, ownersToTell({ actor, before: lead.ownerId, after: ownerId, leadId: lead.id, rule }), now);
    if (rule.to === "MQL") await routeNewMqls(tx, [{ id: lead.id, country: lead.country, ownerId }], now);

    await recordMoves(tx, [{ leadId: lead.id, ...transitionRecord(rule, actor.id, input, now) }]);
    const card = await boardStore.card(tx, lead.id);
    if (!card) throw new Error(`Lead ${lead.id} vanished inside its own move`);
    return toBoardCard(card);
  });
}
