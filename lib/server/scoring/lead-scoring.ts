import "server-only";
import { firstTouchCampaign } from "@/lib/core/metrics/campaign";
import { automaticMove } from "@/lib/core/scoring/decision";
import { scoreLead, scoreWithoutExplanation } from "@/lib/core/scoring/engine";
import { parseScoringRules } from "@/lib/core/scoring/rules-schema";
import type { Contribution, LeadAttributes, ScoreResult, ScoringEvent, ScoringRules } from "@/lib/core/scoring/types";
import type { PredictiveModel, Prediction } from "@/lib/core/scoring-lab/model";
import { predictLead, predictProbability } from "@/lib/core/scoring-lab/model";
import { isStage } from "@/lib/core/stages";
import { parseStoredObject } from "@/lib/core/stored-json";
import type { ActiveRuleSet } from "@/lib/views/scoring";
import { AppError } from "../errors";
import type { EventRow, LeadRow, ScoreUpdate } from "../ingest/ingest-store";
import type { Queryable, Tx } from "../store/transaction";
import type { TransitionRecord } from "../funnel/funnel-store";
import { funnelStore } from "../funnel/funnel-store";
import { recordMoves } from "../funnel/record-moves";
import type { LeadEvent } from "../webhooks/webhook-outbox";
import { queueLeadEvents } from "../webhooks/webhook-outbox";
import { thresholdCrossing } from "@/lib/core/webhooks";
import { routeNewMqls } from "../funnel/routing";
import { ruleSetStore } from "./rule-set-store";
import { reads } from "../store/database";
import { ingestStore } from "../ingest/ingest-store";

// A rule set or model version never changes once saved, so its parsed form can be kept for good.
const rulesByVersion = new Map<number, ScoringRules>();
const modelsByVersion = new Map<number, PredictiveModel>();

/** The active rule set and model: as `tx` sees them inside a transaction, else as committed. */
export async function activeRuleSet(q: Queryable = reads()): Promise<ActiveRuleSet> {
  const row = await ruleSetStore.active(q);
  if (!row) throw new AppError("NOT_FOUND", "No scoring rules are active. Run `npm run db:setup` to install the default rules.");
  const modelRow = await ruleSetStore.activeModel(q);
  return { version: row.version, rules: parsedRules(row), note: row.note, model: modelRow ? { version: modelRow.version, model: parsedModel(modelRow) } : null };
}

function parsedModel(row: { version: number; model: string }): PredictiveModel {
  let model = modelsByVersion.get(row.version);
  if (!model) {
    model = JSON.parse(row.model) as PredictiveModel;
    modelsByVersion.set(row.version, model);
  }
  return model;
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

type AttributeColumns = Pick<LeadRow, "email" | "title" | "seniority" | "company" | "companySize" | "annualRevenue" | "industry" | "country" | "website" | "source" | "customFields">;

export function leadAttributes(lead: AttributeColumns): LeadAttributes {
  const { email, title, seniority, company, companySize, annualRevenue, industry, country, website, source } = lead;
  return { email, title, seniority, company, companySize, annualRevenue, industry, country, website, source, customFields: parseStoredObject(lead.customFields) as LeadAttributes["customFields"] };
}

export function scoringEvent(event: EventRow): ScoringEvent {
  return { id: event.id, type: event.type, occurredAt: new Date(event.occurredAt), properties: parseStoredObject(event.properties) };
}

export type ScoredLead = {
  result: Omit<ScoreResult, "contributions">;
  probability: number | null;
  stage: string;
  version: number;
  moved: { to: string; reason: string } | null;
};

/**
 * Why a lead has the score it has: the engine is deterministic, so scoring the lead's events
 * again with the rule set and moment of its last scoring gives exactly the stored score, now
 * with every contribution spelled out. Storing only the numbers keeps ingestion fast.
 */
/** The rules of one saved version, or null when there is no such version. */
export async function ruleSetVersion(version: number): Promise<ScoringRules | null> {
  const row = await ruleSetStore.byVersion(reads(), version);
  return row ? parsedRules(row) : null;
}

export async function explainScore(leadId: string): Promise<{ contributions: Contribution[]; eventTimes: Map<string, Date>; scoredAt: Date; ruleSetVersion: number } | null> {
  const lead = await ingestStore.findLeadById(reads(), leadId);
  if (!lead || lead.scoredAt === null || lead.ruleSetVersion === null) return null;
  const row = await ruleSetStore.byVersion(reads(), lead.ruleSetVersion);
  if (!row) return null;
  const scoredAt = new Date(lead.scoredAt);
  const events = (await ingestStore.eventsForLeads(reads(), [leadId])).map(scoringEvent);
  const result = scoreLead({ lead: leadAttributes(lead), events, rules: parsedRules(row), now: scoredAt });
  return { contributions: result.contributions, eventTimes: new Map(events.map((event) => [event.id, event.occurredAt])), scoredAt, ruleSetVersion: lead.ruleSetVersion };
}

/**
 * The active model's probability for a lead as last scored, with the factors that raised and
 * lowered it: rebuilt from its events, the model version and the moment of its last scoring.
 */
export async function explainProbability(leadId: string): Promise<(Prediction & { modelVersion: number }) | null> {
  const lead = await ingestStore.findLeadById(reads(), leadId);
  if (!lead || lead.scoredAt === null || lead.modelVersion === null) return null;
  const row = await ruleSetStore.modelByVersion(reads(), lead.modelVersion);
  if (!row) return null;
  const events = (await ingestStore.eventsForLeads(reads(), [leadId])).map(scoringEvent);
  return { ...predictLead(parsedModel(row), { attributes: leadAttributes(lead), events }, lead.scoredAt), modelVersion: lead.modelVersion };
}

/**
 * Scores leads from all their events — by the rules, and by the active model when there is one —
 * and stores each score with what the same events decide (last activity, first event, first-touch
 * campaign), so every scoring keeps those right; then makes the moves the rules call for (LEAD →
 * MQL on the threshold, auto-disqualification) as system transitions, unless the leads' past is
 * being imported (`automaticMoves: false`). The scores are written in one go; the answer is one
 * ScoredLead per lead, in order. Runs inside the caller's write transaction.
 */
export async function scoreAndStoreLeads(
  tx: Tx,
  leads: ReadonlyArray<{ lead: LeadRow; events: readonly EventRow[] }>,
  ruleSet: ActiveRuleSet,
  now: number,
  options: { automaticMoves?: boolean } = {},
): Promise<ScoredLead[]> {
  const scorings = leads.map(({ lead, events }) => scoreOne(lead, events, ruleSet, now));
  await ingestStore.updateLeadScores(
    tx,
    scorings.map((scoring) => scoring.update),
    now,
  );
  const moves = leads.map(({ lead }, index) => {
    if (options.automaticMoves === false || !isStage(lead.stage)) return null;
    const { result, probability } = scorings[index];
    const move = automaticMove({ stage: lead.stage, result, threshold: ruleSet.rules.threshold, returnedByPerson: lead.returnedAt !== null, probability });
    return move && { ...move, to: move.move === "markMql" ? "MQL" : "DISQUALIFIED" };
  });
  const moved = await funnelStore.movesIfUnchanged(
    tx,
    leads.flatMap(({ lead }, index) => (moves[index] ? [{ id: lead.id, version: lead.version, stage: moves[index].to, ownerId: lead.ownerId }] : [])),
    { returnedAt: "keep", now },
  );
  const scored: ScoredLead[] = [];
  const transitions: TransitionRecord[] = [];
  const newMqls: LeadRow[] = [];
  const at = new Date(now);
  for (const [index, { lead }] of leads.entries()) {
    const { result, probability } = scorings[index];
    const move = moves[index];
    if (!move || !moved.has(lead.id)) {
      scored.push({ result, probability, stage: lead.stage, version: lead.version, moved: null });
      continue;
    }
    const reason = `${move.reason} (scoring rules v${ruleSet.version})`;
    transitions.push({ leadId: lead.id, fromStage: lead.stage, toStage: move.to, move: move.move, actorId: null, reason, reasonCode: move.reasonCode ?? null, createdAt: at });
    if (move.to === "MQL") newMqls.push(lead);
    scored.push({ result, probability, stage: move.to, version: lead.version + 1, moved: { to: move.to, reason } });
  }
  await routeNewMqls(tx, newMqls, at);
  await recordMoves(tx, transitions);
  await queueLeadEvents(tx, scoreCrossings(leads, scorings, ruleSet, at));
  return scored;
}

/** `lead.score_changed` for each lead whose total crossed the MQL threshold, either way. */
function scoreCrossings(leads: ReadonlyArray<{ lead: LeadRow }>, scorings: ReadonlyArray<{ result: { total: number } }>, ruleSet: ActiveRuleSet, at: Date): LeadEvent[] {
  const threshold = ruleSet.rules.threshold.total;
  return leads.flatMap(({ lead }, index) => {
    const before = lead.scoredAt === null ? null : lead.totalScore;
    const after = scorings[index].result.total;
    const direction = thresholdCrossing(before, after, threshold);
    return direction ? [{ type: "lead.score_changed" as const, leadId: lead.id, at, data: { from: before, to: after, threshold, direction } }] : [];
  });
}

function scoreOne(lead: LeadRow, events: readonly EventRow[], ruleSet: ActiveRuleSet, now: number) {
  const scoringEvents = events.map(scoringEvent);
  const attributes = leadAttributes(lead);
  const result = scoreWithoutExplanation({ lead: attributes, events: scoringEvents, rules: ruleSet.rules, now: new Date(now) });
  const probability = ruleSet.model ? predictProbability(ruleSet.model.model, { attributes, events: scoringEvents }, now) : null;
  let lastActivity: number | null = null;
  let firstEvent: number | null = null;
  for (const { occurredAt } of events) {
    if (lastActivity === null || occurredAt > lastActivity) lastActivity = occurredAt;
    if (firstEvent === null || occurredAt < firstEvent) firstEvent = occurredAt;
  }
  const update: ScoreUpdate = {
    id: lead.id,
    fitScore: result.fit,
    engagementScore: result.engagement,
    totalScore: result.total,
    scoreFlags: JSON.stringify(result.flags),
    ruleSetVersion: ruleSet.version,
    lastActivityAt: lastActivity,
    firstEventAt: firstEvent,
    campaign: firstTouchCampaign(scoringEvents),
    probability,
    modelVersion: ruleSet.model?.version ?? null,
  };
  return { result, probability, update };
}
