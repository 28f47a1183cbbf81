import "server-only";
import { randomUUID } from "node:crypto";
import { automaticMove } from "@/lib/core/scoring/decision";
import { scoreLead } from "@/lib/core/scoring/engine";
import { parseScoringRules } from "@/lib/core/scoring/rules-schema";
import type { LeadAttributes, ScoreResult, ScoringEvent, ScoringRules } from "@/lib/core/scoring/types";
import { isStage } from "@/lib/core/stages";
import type { EventRow, LeadRow } from "./sql/sqlite-store";
import { activeRuleSetRow, insertTransition, moveLeadIfUnchanged, updateLeadScore } from "./sql/sqlite-store";

export type ActiveRuleSet = { version: number; rules: ScoringRules };

// A rule set version never changes once saved, so its parsed rules can be kept for good.
const rulesByVersion = new Map<number, ScoringRules>();

export function activeRuleSet(): ActiveRuleSet {
  const row = activeRuleSetRow();
  if (!row) throw new Error("No active scoring rule set. Run `npm run db:setup` to install the default rules.");
  let rules = rulesByVersion.get(row.version);
  if (!rules) {
    const parsed = parseScoringRules(JSON.parse(row.rules));
    if (!parsed.ok) throw new Error(`Scoring rule set v${row.version} is invalid: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
    rules = parsed.rules;
    rulesByVersion.set(row.version, rules);
  }
  return { version: row.version, rules };
}

function parseJsonObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function leadAttributes(lead: LeadRow): LeadAttributes {
  return { ...lead, customFields: parseJsonObject(lead.customFields) as LeadAttributes["customFields"] };
}

export function scoringEvent(event: EventRow): ScoringEvent {
  return { id: event.id, type: event.type, occurredAt: new Date(event.occurredAt), properties: parseJsonObject(event.properties) };
}

export type ScoredLead = { result: ScoreResult; stage: string; version: number; moved: { to: string; reason: string } | null };

/**
 * Scores a lead from all its events, stores the score with its explanation, and makes the
 * move the rules call for (LEAD → MQL on the threshold, auto-disqualification) as a system
 * transition. Runs inside the caller's write transaction.
 */
export function scoreAndStore(lead: LeadRow, events: readonly EventRow[], ruleSet: ActiveRuleSet, now: number): ScoredLead {
  const result = scoreLead({ lead: leadAttributes(lead), events: events.map(scoringEvent), rules: ruleSet.rules, now: new Date(now) });
  const lastActivity = events.reduce<number | null>((latest, event) => (latest === null || event.occurredAt > latest ? event.occurredAt : latest), null);
  updateLeadScore({
    id: lead.id,
    fitScore: result.fit,
    engagementScore: result.engagement,
    totalScore: result.total,
    scoreExplanation: JSON.stringify(result.contributions),
    scoreFlags: JSON.stringify(result.flags),
    ruleSetVersion: ruleSet.version,
    lastActivityAt: lastActivity,
    now,
  });
  const move = isStage(lead.stage) ? automaticMove({ stage: lead.stage, result, threshold: ruleSet.rules.threshold }) : null;
  if (!move) return { result, stage: lead.stage, version: lead.version, moved: null };

  const to = move.move === "markMql" ? "MQL" : "DISQUALIFIED";
  if (!moveLeadIfUnchanged({ id: lead.id, version: lead.version, toStage: to, now })) {
    return { result, stage: lead.stage, version: lead.version, moved: null };
  }
  const reason = `${move.reason} (scoring rules v${ruleSet.version})`;
  insertTransition({ id: randomUUID(), leadId: lead.id, fromStage: lead.stage, toStage: to, move: move.move, reason, reasonCode: move.reasonCode ?? null, now });
  return { result, stage: to, version: lead.version + 1, moved: { to, reason } };
}
