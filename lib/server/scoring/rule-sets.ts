import "server-only";
import { DEFAULT_SCORING_RULES } from "@/lib/core/scoring/default-rules";
import { parseScoringRules } from "@/lib/core/scoring/rules-schema";
import type { RuleError } from "@/lib/core/scoring/rules-schema";
import type { ScoringRules } from "@/lib/core/scoring/types";
import type { RuleSetVersion } from "@/lib/views/scoring";
import type { FieldErrors } from "../errors";
import { AppError } from "../errors";
import { activeDisqualificationReasons } from "../settings/reference-data";
import { ruleSetStore } from "./rule-set-store";
import { reads, transaction } from "../store/database";

export const VERSION_NOTE_MAX_LENGTH = 200;

/** Installs the default scoring rules as version 1 when no rule set exists yet, in a transaction of its own. */
export async function ensureActiveRuleSet(): Promise<void> {
  await transaction(async (tx) => {
    if ((await ruleSetStore.count(tx)) > 0) return;
    await ruleSetStore.insert(tx, { version: 1, rules: JSON.stringify(DEFAULT_SCORING_RULES), note: "Default rules for a B2B software seller", active: true, createdById: null });
  });
}

/** Every version, newest first: the history a restore picks from. */
export async function listRuleSetVersions(): Promise<RuleSetVersion[]> {
  const rows = await ruleSetStore.versions(reads());
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
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
  const [row, active] = await Promise.all([ruleSetStore.byVersion(reads(), input.version), ruleSetStore.active(reads())]);
  if (!row) throw new AppError("NOT_FOUND", `Version ${input.version} of the scoring rules doesn't exist.`);
  if (active?.version === row.version) throw new AppError("CONFLICT", `v${input.version} is already the active version.`);
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
  return transaction(async (tx) => {
    const version = ((await ruleSetStore.latestVersion(tx)) ?? 0) + 1;
    if (input.activate) await ruleSetStore.deactivateAll(tx);
    const saved = await ruleSetStore.insert(tx, { version, rules: JSON.stringify(input.rules), note: input.note, active: input.activate, createdById: input.userId });
    // Two saves at the same moment both chose the next number; the later one must not win silently.
    if (!saved) throw new AppError("CONFLICT", "Someone saved a new version of the rules at the same moment. Reload the page to see it, then save again.");
    return { version };
  });
}

function byPath(errors: readonly RuleError[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const error of errors) fields[error.path || "rules"] ??= error.message;
  return fields;
}

function describe(errors: readonly RuleError[]): string {
  return errors.map((error) => (error.path ? `${error.path}: ${error.message}` : error.message)).join("; ");
}
