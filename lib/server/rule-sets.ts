import "server-only";
import { DEFAULT_SCORING_RULES } from "@/lib/core/scoring/default-rules";
import { parseScoringRules } from "@/lib/core/scoring/rules-schema";
import type { RuleError } from "@/lib/core/scoring/rules-schema";
import type { ScoringRules } from "@/lib/core/scoring/types";
import { Prisma } from "./generated/prisma/client";
import type { PrismaClient } from "./generated/prisma/client";
import type { Tx } from "./db";
import { db } from "./db";
import type { FieldErrors } from "./errors";
import { AppError } from "./errors";
import { activeDisqualificationReasons } from "./reference-data";

export const VERSION_NOTE_MAX_LENGTH = 200;

export type RuleSetVersion = { version: number; note: string | null; active: boolean; createdAt: string; createdByName: string | null };

/** Installs the default scoring rules as version 1 when no rule set exists yet. */
export async function ensureActiveRuleSet(client: PrismaClient | Tx = db): Promise<void> {
  if ((await client.ruleSet.count()) > 0) return;
  await client.ruleSet.create({ data: { version: 1, rules: JSON.stringify(DEFAULT_SCORING_RULES), note: "Default rules for a B2B software seller", active: true } });
}

/** Every version, newest first: the history a restore picks from. */
export async function listRuleSetVersions(): Promise<RuleSetVersion[]> {
  const rows = await db.ruleSet.findMany({
    orderBy: { version: "desc" },
    select: { version: true, note: true, active: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  return rows.map((row) => ({ version: row.version, note: row.note, active: row.active, createdAt: row.createdAt.toISOString(), createdByName: row.createdBy?.name ?? null }));
}

/**
 * Checks rules a person wrote; a disqualifying rule may only name an active reason. Problems
 * come back keyed by the setting they concern ("engagement.2.points"), as the form shows them.
 */
export async function validateRules(raw: unknown): Promise<ScoringRules> {
  const reasonCodes = (await activeDisqualificationReasons()).map((reason) => reason.code);
  const parsed = parseScoringRules(raw, { reasonCodes });
  if (parsed.ok) return parsed.rules;
  const count = parsed.errors.length;
  throw new AppError("VALIDATION", `${count} ${count === 1 ? "setting needs" : "settings need"} fixing before the rules can be used; see the marked fields.`, byPath(parsed.errors));
}

export async function saveRuleSet(input: { rules: unknown; note?: string; userId: string | null; activate?: boolean }): Promise<{ version: number }> {
  const rules = await validateRules(input.rules);
  return createVersion({ rules, note: input.note?.trim() || null, userId: input.userId, activate: input.activate ?? true });
}

/** Makes an old version current again as a new version, so the history is never rewritten. */
export async function restoreRuleSet(input: { version: number; userId: string }): Promise<{ version: number }> {
  const row = await db.ruleSet.findUnique({ where: { version: input.version }, select: { rules: true, active: true } });
  if (!row) throw new AppError("NOT_FOUND", `Version ${input.version} of the scoring rules doesn't exist.`);
  if (row.active) throw new AppError("CONFLICT", `v${input.version} is already the active version.`);
  const reasonCodes = (await activeDisqualificationReasons()).map((reason) => reason.code);
  const parsed = parseScoringRules(JSON.parse(row.rules), { reasonCodes });
  if (!parsed.ok) {
    // Typically a disqualification reason retired since: the old version can't run as it was.
    throw new AppError("VALIDATION", `v${input.version} can't be restored as it was: ${describe(parsed.errors)}. Edit the current rules instead.`);
  }
  return createVersion({ rules: parsed.rules, note: `Restored from v${input.version}`, userId: input.userId, activate: true });
}

/** Saves the next version; an active one replaces the current rules, an inactive one waits in the history. */
async function createVersion(input: { rules: ScoringRules; note: string | null; userId: string | null; activate: boolean }): Promise<{ version: number }> {
  try {
    return await db.$transaction(async (tx) => {
      const latest = await tx.ruleSet.aggregate({ _max: { version: true } });
      const version = (latest._max.version ?? 0) + 1;
      if (input.activate) await tx.ruleSet.updateMany({ where: { active: true }, data: { active: false } });
      await tx.ruleSet.create({ data: { version, rules: JSON.stringify(input.rules), note: input.note, active: input.activate, createdById: input.userId } });
      return { version };
    });
  } catch (error) {
    // Two saves at the same moment both chose the next number; the later one must not win silently.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "Someone saved a new version of the rules at the same moment. Reload the page to see it, then save again.");
    }
    throw error;
  }
}

function byPath(errors: readonly RuleError[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const error of errors) fields[error.path || "rules"] ??= error.message;
  return fields;
}

function describe(errors: readonly RuleError[]): string {
  return errors.map((error) => (error.path ? `${error.path}: ${error.message}` : error.message)).join("; ");
}
