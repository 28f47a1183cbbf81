import "server-only";
import type { ReasonList } from "@/lib/core/reasons";
import { OTHER_REASON_CODE, OTHER_REASON_LABEL } from "@/lib/core/reasons";
import { parseScoringRules } from "@/lib/core/scoring/rules-schema";
import { checklistKey, uniqueKey } from "@/lib/core/workflow-settings";
import type { ReasonRow } from "@/lib/views/settings";
import { AppError } from "../errors";
import { settingsStore } from "./settings-store";
import { ruleSetStore } from "../scoring/rule-set-store";
import { reads, transaction } from "../store/database";
import type { Queryable } from "../store/transaction";

// The managed reason lists (disqualification, reject): the same operations on two tables of the same shape.

/** What losing the last active reason would leave people unable to do. */
const LAST_ACTIVE: Record<ReasonList, string> = {
  disqualification: "Keep at least one reason active: without one, nobody can disqualify a lead.",
  reject: "Keep at least one reason active: without one, sales can only reject with Other.",
};

/** Every reason of the list, deactivated ones included, in the order people pick from. */
export async function listReasons(list: ReasonList): Promise<ReasonRow[]> {
  const q = reads();
  const [reasons, uses] = await Promise.all([settingsStore.reasons(q, list), settingsStore.reasonUses(q, list)]);
  return reasons.map(({ id, code, label, active }) => ({ id, code, label, active, uses: uses.get(code) ?? 0 }));
}

/** Code → label for the codes given, deactivated reasons included, and "Other". */
export async function reasonLabels(list: ReasonList, codes?: readonly string[]): Promise<Map<string, string>> {
  const reasons = codes?.length === 0 ? [] : await settingsStore.reasonsByCode(reads(), list, codes);
  return new Map([[OTHER_REASON_CODE, OTHER_REASON_LABEL], ...reasons.map((reason) => [reason.code, reason.label] as const)]);
}

async function findReason(q: Queryable, list: ReasonList, id: string) {
  const reason = await settingsStore.reason(q, list, id);
  if (!reason) throw new AppError("NOT_FOUND", "This reason no longer exists. Reload the page to see the current list.");
  return reason;
}

// Two reasons reading the same would be impossible to tell apart where people pick one; "Other" is always offered.
async function refuseDuplicateLabel(q: Queryable, list: ReasonList, label: string, exceptId?: string) {
  if (label.toLowerCase() === OTHER_REASON_LABEL.toLowerCase()) {
    const message = `"${OTHER_REASON_LABEL}" is always offered, with a written reason; give this one a more specific label.`;
    throw new AppError("CONFLICT", message, { label: message });
  }
  const reasons = await settingsStore.reasons(q, list);
  const same = reasons.find((reason) => reason.id !== exceptId && reason.label.toLowerCase() === label.toLowerCase());
  if (!same) return;
  const message = same.active ? `There is already a reason called "${same.label}".` : `A deactivated reason is called "${same.label}"; reactivate it instead.`;
  throw new AppError("CONFLICT", message, { label: message });
}

/** Adds a reason at the end of the list; its code comes from the label and never changes. */
export async function createReason(list: ReasonList, label: string): Promise<ReasonRow> {
  return transaction(async (tx) => {
    await refuseDuplicateLabel(tx, list, label);
    const existing = await settingsStore.reasons(tx, list);
    // Same shape as checklist keys: lower-case, digits and _, as scoring rules and the API name reasons.
    const code = uniqueKey(checklistKey(label), new Set([OTHER_REASON_CODE, ...existing.map((reason) => reason.code)]));
    const sortOrder = Math.max(-1, ...existing.map((reason) => reason.sortOrder)) + 1;
    const reason = await settingsStore.insertReason(tx, list, { code, label, sortOrder });
    if (!reason) throw new AppError("CONFLICT", "Someone added a reason with the same code at the same moment. Reload the page and try again.");
    return { id: reason.id, code: reason.code, label: reason.label, active: reason.active, uses: 0 };
  });
}

/** Renames a reason; past moves show the new label, as they refer to its code. */
export async function renameReason(list: ReasonList, id: string, label: string): Promise<void> {
  await transaction(async (tx) => {
    await findReason(tx, list, id);
    await refuseDuplicateLabel(tx, list, label, id);
    await settingsStore.updateReason(tx, list, id, { label });
  });
}

async function activeRulesUsing(q: Queryable, code: string): Promise<number | null> {
  const ruleSet = await ruleSetStore.active(q);
  if (!ruleSet) return null;
  const parsed = parseScoringRules(JSON.parse(ruleSet.rules));
  return parsed.ok && parsed.rules.disqualify.some((rule) => rule.reasonCode === code) ? ruleSet.version : null;
}

/**
 * A deactivated reason stays on the moves that used it but is no longer offered. The last
 * active reason stays; so does a disqualification reason the scoring rules use.
 */
export async function setReasonActive(list: ReasonList, id: string, active: boolean): Promise<void> {
  await transaction(async (tx) => {
    const reason = await findReason(tx, list, id);
    if (!active && reason.active) {
      const others = await settingsStore.countOtherActiveReasons(tx, list, id);
      if (others === 0) throw new AppError("CONFLICT", LAST_ACTIVE[list]);
      const version = list === "disqualification" ? await activeRulesUsing(tx, reason.code) : null;
      if (version !== null) {
        throw new AppError("CONFLICT", `The active scoring rules (v${version}) disqualify leads with "${reason.label}". Change those rules on the Scoring page first.`);
      }
    }
    await settingsStore.updateReason(tx, list, id, { active });
  });
}

/** Puts the reasons in the given order; `ids` must be every reason of the list, as the page showed them. */
export async function reorderReasons(list: ReasonList, ids: readonly string[]): Promise<void> {
  await transaction(async (tx) => {
    const reasons = await settingsStore.reasons(tx, list);
    const current = new Map(reasons.map((reason) => [reason.id, reason.sortOrder]));
    if (ids.length !== current.size || new Set(ids).size !== ids.length || ids.some((id) => !current.has(id))) {
      throw new AppError("CONFLICT", "The list of reasons changed since this page loaded. Reload the page and move it again.");
    }
    for (const [sortOrder, id] of ids.entries()) {
      if (current.get(id) !== sortOrder) await settingsStore.updateReason(tx, list, id, { sortOrder });
    }
  });
}
