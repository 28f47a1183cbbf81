import "server-only";
import { parseScoringRules } from "@/lib/core/scoring/rules-schema";
import { checklistKey, uniqueKey } from "@/lib/core/workflow-settings";
import type { Tx } from "./db";
import { db } from "./db";
import { AppError } from "./errors";
import { Prisma } from "./generated/prisma/client";

/** A reason as managers see it: `uses` counts the disqualifications that name it. */
export type ReasonRow = { id: string; code: string; label: string; active: boolean; uses: number };

const reasonSelect = { id: true, code: true, label: true, active: true } as const;

/** Every reason, deactivated ones included, in the order people pick from. */
export async function listDisqualificationReasons(): Promise<ReasonRow[]> {
  const [reasons, uses] = await Promise.all([
    db.disqualificationReason.findMany({ orderBy: [{ sortOrder: "asc" }, { label: "asc" }], select: reasonSelect }),
    db.stageTransition.groupBy({ by: ["reasonCode"], where: { toStage: "DISQUALIFIED", reasonCode: { not: null } }, _count: { _all: true } }),
  ]);
  const usesByCode = new Map(uses.map((row) => [row.reasonCode, row._count._all]));
  return reasons.map((reason) => ({ ...reason, uses: usesByCode.get(reason.code) ?? 0 }));
}

async function findReason(tx: Tx, id: string) {
  const reason = await tx.disqualificationReason.findUnique({ where: { id }, select: reasonSelect });
  if (!reason) throw new AppError("NOT_FOUND", "This reason no longer exists. Reload the page to see the current list.");
  return reason;
}

// Two reasons reading the same would be impossible to tell apart in the disqualify dialog.
async function refuseDuplicateLabel(tx: Tx, label: string, exceptId?: string) {
  const reasons = await tx.disqualificationReason.findMany({ select: { id: true, label: true, active: true } });
  const same = reasons.find((reason) => reason.id !== exceptId && reason.label.toLowerCase() === label.toLowerCase());
  if (!same) return;
  const message = same.active ? `There is already a reason called "${same.label}".` : `A deactivated reason is called "${same.label}"; reactivate it instead.`;
  throw new AppError("CONFLICT", message, { label: message });
}

/** Adds a reason at the end of the list; its code comes from the label and never changes. */
export async function createReason(label: string): Promise<ReasonRow> {
  try {
    return await db.$transaction(async (tx) => {
      await refuseDuplicateLabel(tx, label);
      const existing = await tx.disqualificationReason.findMany({ select: { code: true, sortOrder: true } });
      // Same shape as checklist keys: lower-case, digits and _, as scoring rules and the API name reasons.
      const code = uniqueKey(checklistKey(label), new Set(existing.map((reason) => reason.code)));
      const sortOrder = Math.max(-1, ...existing.map((reason) => reason.sortOrder)) + 1;
      const reason = await tx.disqualificationReason.create({ data: { code, label, sortOrder }, select: reasonSelect });
      return { ...reason, uses: 0 };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "Someone added a reason with the same code at the same moment. Reload the page and try again.");
    }
    throw error;
  }
}

/** Renames a reason; past disqualifications show the new label, as they refer to its code. */
export async function renameReason(id: string, label: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await findReason(tx, id);
    await refuseDuplicateLabel(tx, label, id);
    await tx.disqualificationReason.update({ where: { id }, data: { label } });
  });
}

async function activeRulesUsing(tx: Tx, code: string): Promise<number | null> {
  const ruleSet = await tx.ruleSet.findFirst({ where: { active: true }, select: { version: true, rules: true } });
  if (!ruleSet) return null;
  const parsed = parseScoringRules(JSON.parse(ruleSet.rules));
  return parsed.ok && parsed.rules.disqualify.some((rule) => rule.reasonCode === code) ? ruleSet.version : null;
}

/**
 * A deactivated reason stays on the disqualifications that used it but is no longer offered.
 * The last active reason stays, or nobody could disqualify; so does one the scoring rules use.
 */
export async function setReasonActive(id: string, active: boolean): Promise<void> {
  await db.$transaction(async (tx) => {
    const reason = await findReason(tx, id);
    if (!active && reason.active) {
      const others = await tx.disqualificationReason.count({ where: { active: true, id: { not: id } } });
      if (others === 0) throw new AppError("CONFLICT", "Keep at least one reason active: without one, nobody can disqualify a lead.");
      const version = await activeRulesUsing(tx, reason.code);
      if (version !== null) {
        throw new AppError("CONFLICT", `The active scoring rules (v${version}) disqualify leads with "${reason.label}". Change those rules on the Scoring page first.`);
      }
    }
    await tx.disqualificationReason.update({ where: { id }, data: { active } });
  });
}

/** Puts the reasons in the given order; `ids` must be every reason, as the page showed them. */
export async function reorderReasons(ids: readonly string[]): Promise<void> {
  await db.$transaction(async (tx) => {
    const reasons = await tx.disqualificationReason.findMany({ select: { id: true, sortOrder: true } });
    const current = new Map(reasons.map((reason) => [reason.id, reason.sortOrder]));
    if (ids.length !== current.size || new Set(ids).size !== ids.length || ids.some((id) => !current.has(id))) {
      throw new AppError("CONFLICT", "The list of reasons changed since this page loaded. Reload the page and move it again.");
    }
    for (const [sortOrder, id] of ids.entries()) {
      if (current.get(id) !== sortOrder) await tx.disqualificationReason.update({ where: { id }, data: { sortOrder } });
    }
  });
}
