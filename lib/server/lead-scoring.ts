import "server-only";
import { timeOrderedId } from "./time-ordered-id";
import { firstTouchCampaign } from "@/lib/core/metrics/campaign";
import { automaticMove } from "@/lib/core/scoring/decision";
import { scoreLead, scoreWithoutExplanation } from "@/lib/core/scoring/engine";
import { parseScoringRules } from "@/lib/core/scoring/rules-schema";
import type { Contribution, LeadAttributes, ScoreResult, ScoringEvent, ScoringRules } from "@/lib/core/scoring/types";
import { isStage } from "@/lib/core/stages";
import type { EventRow, LeadRow } from "./sql/sqlite-store";
import { routeLeads } from "@/lib/core/routing";
import { DEFAULT_ROUTING_RULES, SETTING_KEYS, readSetting, routingRulesSchema } from "@/lib/core/workflow-settings";
import {
  activeRuleSetRow,
  eventsForLeads,
  findLeadById,
  insertTransition,
  moveLeadIfUnchanged,
  repLoadRows,
  ruleSetRowByVersion,
  settingValue,
  storeRouting,
  updateLeadScore,
} from "./sql/sqlite-store";

export type ActiveRuleSet = { version: number; rules: ScoringRules };

// A rule set version never changes once saved, so its parsed rules can be kept for good.
const rulesByVersion = new Map<number, ScoringRules>();

export function activeRuleSet(): ActiveRuleSet {
  const row = activeRuleSetRow();
  if (!row) throw new Error("No active scoring rule set. Run `npm run db:setup` to install the default rules.");
  return { version: row.version, rules: parsedRules(row) };
}

function parsedRules(row: { version: number; rules: string }): ScoringRules {
  let rules = rulesByVersion.get(row.version);
  if (!rules) {
    const parsed = parseScoringRules(JSON.parse(row.rules));
    if (!parsed.ok) throw new Error(`Scoring rule set v${row.version} is invalid: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
    rules = parsed.rules;
    rulesByVersion.set(row.version, rules);
  }
  return rules;
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

export type ScoredLead = { result: Omit<ScoreResult, "contributions">; stage: string; version: number; moved: { to: string; reason: string } | null };

/**
 * Why a lead has the score it has: the engine is deterministic, so scoring the lead's events
 * again with the rule set and moment of its last scoring gives exactly the stored score, now
 * with every contribution spelled out. Storing only the numbers keeps ingestion fast.
 */
export function explainScore(leadId: string): { contributions: Contribution[]; eventTimes: Map<string, Date>; scoredAt: Date; ruleSetVersion: number } | null {
  const lead = findLeadById(leadId);
  if (!lead || lead.scoredAt === null || lead.ruleSetVersion === null) return null;
  const row = ruleSetRowByVersion(lead.ruleSetVersion);
  if (!row) return null;
  const scoredAt = new Date(lead.scoredAt);
  const events = eventsForLeads([leadId]).map(scoringEvent);
  const result = scoreLead({ lead: leadAttributes(lead), events, rules: parsedRules(row), now: scoredAt });
  return { contributions: result.contributions, eventTimes: new Map(events.map((event) => [event.id, event.occurredAt])), scoredAt, ruleSetVersion: lead.ruleSetVersion };
}

/**
 * Scores a lead from all its events and stores the score with what the same events decide
 * (last activity, first event, first-touch campaign), so every scoring keeps those right; then
 * makes the move the rules call for (LEAD → MQL on the threshold, auto-disqualification) as a
 * system transition. Runs inside the caller's write transaction.
 */
export function scoreAndStore(lead: LeadRow, events: readonly EventRow[], ruleSet: ActiveRuleSet, now: number): ScoredLead {
  const scoringEvents = events.map(scoringEvent);
  const result = scoreWithoutExplanation({ lead: leadAttributes(lead), events: scoringEvents, rules: ruleSet.rules, now: new Date(now) });
  let lastActivity: number | null = null;
  let firstEvent: number | null = null;
  for (const { occurredAt } of events) {
    if (lastActivity === null || occurredAt > lastActivity) lastActivity = occurredAt;
    if (firstEvent === null || occurredAt < firstEvent) firstEvent = occurredAt;
  }
  updateLeadScore({
    id: lead.id,
    fitScore: result.fit,
    engagementScore: result.engagement,
    totalScore: result.total,
    scoreFlags: JSON.stringify(result.flags),
    ruleSetVersion: ruleSet.version,
    lastActivityAt: lastActivity,
    firstEventAt: firstEvent,
    campaign: firstTouchCampaign(scoringEvents),
    now,
  });
  const move = isStage(lead.stage) ? automaticMove({ stage: lead.stage, result, threshold: ruleSet.rules.threshold, returnedByPerson: lead.returnedAt !== null }) : null;
  if (!move) return { result, stage: lead.stage, version: lead.version, moved: null };

  const to = move.move === "markMql" ? "MQL" : "DISQUALIFIED";
  if (!moveLeadIfUnchanged({ id: lead.id, version: lead.version, toStage: to, now })) {
    return { result, stage: lead.stage, version: lead.version, moved: null };
  }
  const reason = `${move.reason} (scoring rules v${ruleSet.version})`;
  insertTransition({ id: timeOrderedId(now), leadId: lead.id, fromStage: lead.stage, toStage: to, move: move.move, reason, reasonCode: move.reasonCode ?? null, now });
  if (to === "MQL") routeNewMql(lead, now);
  return { result, stage: to, version: lead.version + 1, moved: { to, reason } };
}

/** Hands a lead the score just made an MQL to a rep, by the manager's routing rules (lib/core/routing.ts). */
function routeNewMql(lead: LeadRow, now: number): void {
  const rules = readSetting(routingRulesSchema, settingValue(SETTING_KEYS.routing), DEFAULT_ROUTING_RULES);
  const { decisions, lastRoutedAt } = routeLeads([lead], rules, repLoadRows(), now);
  const [{ decision }] = decisions;
  const toOwnerId = decision.repId ?? lead.ownerId;
  storeRouting({ id: timeOrderedId(now), leadId: lead.id, fromOwnerId: lead.ownerId, toOwnerId, rule: decision.rule, now, routedAt: decision.repId ? (lastRoutedAt.get(decision.repId) ?? null) : null });
}
