import "server-only";
import type { ReasonList } from "@/lib/core/reasons";
import { OTHER_REASON_CODE, OTHER_REASON_LABEL } from "@/lib/core/reasons";
import { parseScoringRules } from "@/lib/core/scoring/rules-schema";
import { checklistKey, uniqueKey } from "@/lib/core/workflow-settings";
import type { Tx } from "./db";
import { db } from "./db";
import { AppError } from "./errors";
import { Prisma } from "./generated/prisma/client";

// The managed reason lists (disqualification, reject): the same operations on two tables of the same shape.

/** A reason as managers see it: `uses` counts the moves that name it. */
export type ReasonRow = { id: string; code: string; label: string; active: boolean; uses: number };

const reasonSelect = { id: true, code: true, label: true, active: true } as const;

/**
 * The list's table. RejectReason has exactly DisqualificationReason's columns, so one delegate
 * type serves both; Prisma generates a distinct (but identical) type per model.
 */
export function reasonTable(client: Tx, list: ReasonList): Tx["disqualificationReason"] {
  return list === "disqualification" ? client.disqualificationReason : (client.rejectReason as unknown as Tx["disqualificationReason"]);
}

/** The transitions that count as uses of a list's reasons. */
const USES: Record<ReasonList, Prisma.StageTransitionWhereInput> = {
  disqualification: { toStage: "DISQUALIFIED" },
  reject: { move: "reject" },
};

/** What losing the last active reason would leave people unable to do. */
const LAST_ACTIVE: Record<ReasonList, string> = {
  disqualification: "Keep at least one reason active: without one, nobody can disqualify a lead.",
  reject: "Keep at least one reason active: without one, sales can only reject with Other.",
};

/** Every reason of the list, deactivated ones included, in the order people pick from. */
export async function listReasons(list: ReasonList): Promise<ReasonRow[]> {
  const [reasons, uses] = await Promise.all([
    reasonTable(db, list).findMany({ orderBy: [{ sortOrder: "asc" }, { label: "asc" }], select: reasonSelect }),
    db.stageTransition.groupBy({ by: ["reasonCode"], where: { ...USES[list], reasonCode: { not: null } }, _count: { _all: true } }),
  ]);
  const usesByCode = new Map(uses.map((row) => [row.reasonCode, row._count._all]));
  return reasons.map((reason) => ({ ...reason, uses: usesByCode.get(reason.code) ?? 0 }));
}

/** Code → label for the codes given, deactivated reasons included, and "Other". */
export async function reasonLabels(list: ReasonList, codes?: readonly string[]): Promise<Map<string, string>> {
  const where = codes ? { code: { in: [...new Set(codes)] } } : {};
  const reasons = codes?.length === 0 ? [] : await reasonTable(db, list).findMany({ where, select: { code: true, label: true } });
  return new Map([[OTHER_REASON_CODE, OTHER_REASON_LABEL], ...reasons.map((reason) => [reason.code, reason.label] as const)]);
}

async function findReason(tx: Tx, list: ReasonList, id: string) {
  const reason = await reasonTable(tx, list).findUnique({ where: { id }, select: reasonSelect });
  if (!reason) throw new AppError("NOT_FOUND", "This reason no longer exists. Reload the page to see the current list.");
  return reason;
}

// Two reasons reading the same would be impossible to tell apart where people pick one; "Other" is always offered.
async function refuseDuplicateLabel(tx: Tx, list: ReasonList, label: string, exceptId?: string) {
  if (label.toLowerCase() === OTHER_REASON_LABEL.toLowerCase()) {
    const message = `"${OTHER_REASON_LABEL}" is always offered, with a written reason; give this one a more specific label.`;
    throw new AppError("CONFLICT", message, { label: message });
  }
  const reasons = await reasonTable(tx, list).findMany({ select: { id: true, label: true, active: true } });
  const same = reasons.find((reason) => reason.id !== exceptId && reason.label.toLowerCase() === label.toLowerCase());
  if (!same) return;
  const message = same.active ? `There is already a reason called "${same.label}".` : `A deactivated reason is called "${same.label}"; reactivate it instead.`;
  throw new AppError("CONFLICT", message, { label: message });
}

/** Adds a reason at the end of the list; its code comes from the label and never changes. */
export async function createReason(list: ReasonList, label: string): Promise<ReasonRow> {
  try {
    return await db.$transaction(async (tx) => {
      await refuseDuplicateLabel(tx, list, label);
      const existing = await reasonTable(tx, list).findMany({ select: { code: true, sortOrder: true } });
      // Same shape as checklist keys: lower-case, digits and _, as scoring rules and the API name reasons.
      const code = uniqueKey(checklistKey(label), new Set([OTHER_REASON_CODE, ...existing.map((reason) => reason.code)]));
      const sortOrder = Math.max(-1, ...existing.map((reason) => reason.sortOrder)) + 1;
      const reason = await reasonTable(tx, list).create({ data: { code, label, sortOrder }, select: reasonSelect });
      return { ...reason, uses: 0 };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "Someone added a reason with the same code at the same moment. Reload the page and try again.");
    }
    throw error;
  }
}

/** Renames a reason; past moves show the new label, as they refer to its code. */
export async function renameReason(list: ReasonList, id: string, label: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await findReason(tx, list, id);
    await refuseDuplicateLabel(tx, list, label, id);
    await reasonTable(tx, list).update({ where: { id }, data: { label } });
  });
}

async function activeRulesUsing(tx: Tx, code: string): Promise<number | null> {
  const ruleSet = await tx.ruleSet.findFirst({ where: { active: true }, select: { version: true, rules: true } });
  if (!ruleSet) return null;
  const parsed = parseScoringRules(JSON.parse(ruleSet.rules));
  return parsed.ok && parsed.rules.disqualify.some((rule) => rule.reasonCode === code) ? ruleSet.version : null;
}

/**
 * A deactivated reason stays on the moves that used it but is no longer offered. The last
 * active reason stays; so does a disqualification reason the scoring rules use.
 */
export async function setReasonActive(list: ReasonList, id: string, active: boolean): Promise<void> {
  await db.$transaction(async (tx) => {
    const reason = await findReason(tx, list, id);
    if (!active && reason.active) {
      const others = await reasonTable(tx, list).count({ where: { active: true, id: { not: id } } });
      if (others === 0) throw new AppError("CONFLICT", LAST_ACTIVE[list]);
      const version = list === "disqualification" ? await activeRulesUsing(tx, reason.code) : null;
      if (version !== null) {
        throw new AppError("CONFLICT", `The active scoring rules (v${version}) disqualify leads with "${reason.label}". Change those rules on the Scoring page first.`);
      }
    }
    await reasonTable(tx, list).update({ where: { id }, data: { active } });
  });
}

/** Puts the reasons in the given order; `ids` must be every reason of the list, as the page showed them. */
export async function reorderReasons(list: ReasonList, ids: readonly string[]): Promise<void> {
  await db.$transaction(async (tx) => {
    const reasons = await reasonTable(tx, list).findMany({ select: { id: true, sortOrder: true } });
    const current = new Map(reasons.map((reason) => [reason.id, reason.sortOrder]));
    if (ids.length !== current.size || new Set(ids).size !== ids.length || ids.some((id) => !current.has(id))) {
      throw new AppError("CONFLICT", "The list of reasons changed since this page loaded. Reload the page and move it again.");
    }
    for (const [sortOrder, id] of ids.entries()) {
      if (current.get(id) !== sortOrder) await reasonTable(tx, list).update({ where: { id }, data: { sortOrder } });
    }
  });
}
