import Papa from "papaparse";
import type { Actor, LeadPosition, Move, MoveDetails, MoveRule, RequirementContext } from "./funnel";
import { authorizeMove, checkRequirements } from "./funnel";
import type { Stage } from "./stages";

/*
 * Bulk actions on the lead table apply the same rules as single moves, row by row: each row is
 * done, unchanged (already as asked) or refused with the reason a single move would give.
 */

export const BULK_MOVES = ["markMql", "disqualify"] as const satisfies readonly Move[];
export type BulkMove = (typeof BULK_MOVES)[number];

/** Rows per server action call; the browser sends "all matching" selections in batches of this size. */
export const BULK_BATCH_SIZE = 1_000;
/** The most rows one "all matching the filter" run may touch; beyond it, narrow the filter. */
export const BULK_MATCHING_LIMIT = 25_000;

export type BulkLead = LeadPosition & { id: string; name: string };
export type BulkRowResult = { id: string; name: string; status: "done" | "unchanged" | "refused"; message?: string };
export type BulkOutcome = { rows: BulkRowResult[]; done: number; unchanged: number; refused: number };

export type MovePlan = { allowed: { lead: BulkLead; rule: MoveRule }[]; results: BulkRowResult[] };

/**
 * Which rows a bulk move may change. Requirements (a listed reason, say) are the same for every
 * row, so a missing one fails the whole batch as a field error as soon as any row could move.
 */
export function planBulkMove(input: {
  actor: Actor;
  leads: readonly BulkLead[];
  move: BulkMove;
  details: MoveDetails;
  context: RequirementContext;
}): { fieldErrors: Partial<Record<keyof MoveDetails, string>> } | MovePlan {
  const { actor, leads, move, details, context } = input;
  const target: Stage = move === "markMql" ? "MQL" : "DISQUALIFIED";
  const allowed: MovePlan["allowed"] = [];
  const results: BulkRowResult[] = [];
  for (const lead of leads) {
    if (lead.stage === target) {
      results.push({ id: lead.id, name: lead.name, status: "unchanged", message: `Already ${target}.` });
      continue;
    }
    const decision = authorizeMove({ actor, lead, move });
    if (!decision.allowed) {
      results.push({ id: lead.id, name: lead.name, status: "refused", message: decision.message });
      continue;
    }
    const fieldErrors = checkRequirements(decision.rule, details, context);
    if (Object.keys(fieldErrors).length > 0) return { fieldErrors };
    allowed.push({ lead, rule: decision.rule });
    results.push({ id: lead.id, name: lead.name, status: "done" });
  }
  return { allowed, results };
}

/** Stages in which a lead is in sales' hands and so has an owner a manager can change. */
export const ASSIGNABLE_STAGES: readonly Stage[] = ["MQL", "SAL", "SQL"];

export function planBulkAssign(input: { leads: readonly BulkLead[]; assigneeId: string; assigneeName: string }): { allowed: BulkLead[]; results: BulkRowResult[] } {
  const allowed: BulkLead[] = [];
  const results: BulkRowResult[] = [];
  for (const lead of input.leads) {
    if (!ASSIGNABLE_STAGES.includes(lead.stage)) {
      results.push({
        id: lead.id,
        name: lead.name,
        status: "refused",
        message: `Only leads in MQL, SAL or SQL have a sales owner; this lead is ${lead.stage}.`,
      });
    } else if (lead.ownerId === input.assigneeId) {
      results.push({ id: lead.id, name: lead.name, status: "unchanged", message: `Already owned by ${input.assigneeName}.` });
    } else {
      allowed.push(lead);
      results.push({ id: lead.id, name: lead.name, status: "done" });
    }
  }
  return { allowed, results };
}

/** Results in the order the rows were asked for; ids that no longer exist are reported, not dropped. */
export function bulkOutcome(requestedIds: readonly string[], results: readonly BulkRowResult[]): BulkOutcome {
  const byId = new Map(results.map((row) => [row.id, row]));
  const rows = requestedIds.map((id) => byId.get(id) ?? { id, name: "(deleted lead)", status: "refused" as const, message: "This lead no longer exists." });
  return {
    rows,
    done: rows.filter((row) => row.status === "done").length,
    unchanged: rows.filter((row) => row.status === "unchanged").length,
    refused: rows.filter((row) => row.status === "refused").length,
  };
}

/**
 * A run's results as CSV, one row per lead. Names come from people's input and the file is made
 * for a spreadsheet, so a cell starting with = + - @ tab or CR gets a leading ' and can't run.
 */
export function bulkResultsCsv(rows: readonly BulkRowResult[]): string {
  return Papa.unparse(
    rows.map((row) => ({ lead_id: row.id, name: row.name, result: row.status, message: row.message ?? "" })),
    { escapeFormulae: true, newline: "\r\n" },
  );
}
