import { automaticMove } from "../../lib/core/scoring/decision";
import { DEFAULT_SCORING_RULES } from "../../lib/core/scoring/default-rules";
import { scoreWithoutExplanation } from "../../lib/core/scoring/engine";
import type { LeadAttributes, ScoringEvent, ScoringRules } from "../../lib/core/scoring/types";
import type { Dataset, GeneratedEvent, GeneratedLead, GeneratedTransition } from "./generate";
import { HOUR, SEND_BACK_REASONS } from "./generate";

/** How long an MQL the seed settles may have waited at the anchor before its rep answered it. */
const OPEN_MQL_MAX_WAIT_MS = 24 * HOUR;

type RuleSet = { rules: ScoringRules; version: number };
type Score = (at: number) => ReturnType<typeof scoreWithoutExplanation>;
type Context = RuleSet & { end: number };

/**
 * Makes the demo's automatic moves what the scoring rules (the default ones, version 1, which the
 * seed installs) really do, so that scoring the seeded leads at set-up moves nothing:
 * - a lead a disqualifying rule catches (a student) is disqualified by the system when it is
 *   created, as the server would, whatever the generator drew for it;
 * - a move the generators gave to the system stays automatic only where the rules make it at that
 *   moment, with the reason the server writes (rule, score, rule set version); otherwise it was a
 *   marketer's decision;
 * - a lead the rules would still promote is promoted when it happened — at its last stage change or
 *   the first event after it that took it over the threshold — not the day the demo is set up.
 *   One that would have waited past the response SLA since was sent back by its rep.
 */
export function settleAutomaticMoves(dataset: Dataset, options: { anchor: Date; ruleSet?: RuleSet }): void {
  const context: Context = { ...(options.ruleSet ?? { rules: DEFAULT_SCORING_RULES, version: 1 }), end: options.anchor.getTime() };
  const eventsOf = groupBy(dataset.events);
  const transitionsOf = groupBy(dataset.transitions);
  const rewritten = new Set<string>();
  const added: Pick<Dataset, "transitions" | "assignments"> = { transitions: [], assignments: [] };
  dataset.leads.forEach((lead, index) => {
    const score = scorer(lead, eventsOf.get(lead.id) ?? [], context.rules);
    const transitions = transitionsOf.get(lead.id) ?? [];
    if (disqualifiedAtCreation(lead, transitions, score, context, added)) {
      rewritten.add(lead.id);
      return;
    }
    for (const transition of transitions) if (transition.actor === "system") explainOrHandToMarketer(transition, score, context);
    promoteWhenItHappened(lead, index, eventsOf.get(lead.id) ?? [], score, context, added);
  });
  dataset.transitions = [...dataset.transitions.filter((transition) => !rewritten.has(transition.leadId)), ...added.transitions];
  dataset.assignments = [...dataset.assignments.filter((assignment) => !rewritten.has(assignment.leadId)), ...added.assignments];
}

function disqualifiedAtCreation(lead: GeneratedLead, transitions: readonly GeneratedTransition[], score: Score, context: Context, added: Pick<Dataset, "transitions">): boolean {
  const created = lead.createdAt.getTime();
  const decided = automaticMove({ stage: "LEAD", result: score(created), threshold: context.rules.threshold });
  // The generators already disqualify some at once; those keep their story (and get the reason below).
  if (decided?.move !== "disqualify" || transitions[0]?.move === "disqualify") return false;
  lead.stage = "LEAD";
  const at = created + 1_000;
  added.transitions.push(transition(lead, { to: "DISQUALIFIED", move: "disqualify", actor: "system", reason: reasonOf(decided, context), reasonCode: decided.reasonCode ?? null, at }));
  Object.assign(lead, { stage: "DISQUALIFIED", stageEnteredAt: new Date(at), ownerIndex: null, returnedAt: null });
  return true;
}

function explainOrHandToMarketer(transition: GeneratedTransition, score: Score, context: Context): void {
  const decided = automaticMove({ stage: transition.fromStage, result: score(transition.createdAt.getTime()), threshold: context.rules.threshold });
  if (decided?.move === transition.move) {
    transition.reason = reasonOf(decided, context);
    transition.reasonCode = decided.reasonCode ?? transition.reasonCode;
  } else {
    transition.actor = "marketer";
  }
}

function promoteWhenItHappened(lead: GeneratedLead, index: number, events: readonly GeneratedEvent[], score: Score, context: Context, added: Pick<Dataset, "transitions" | "assignments">): void {
  if (lead.stage !== "LEAD" || lead.returnedAt !== null) return;
  const since = lead.stageEnteredAt.getTime();
  const moments = [since, ...events.map((event) => event.occurredAt.getTime()).filter((at) => at > since).sort((a, b) => a - b)];
  for (const moment of moments) {
    const decided = automaticMove({ stage: "LEAD", result: score(moment), threshold: context.rules.threshold });
    if (decided?.move !== "markMql") continue;
    // A second after what set it off.
    const at = Math.min(moment + 1_000, context.end - 1);
    const answeredAt = at + (2 + (index % 20)) * HOUR;
    const sentBack = context.end - at > OPEN_MQL_MAX_WAIT_MS && answeredAt < context.end;
    added.transitions.push(transition(lead, { to: "MQL", move: "markMql", actor: "system", reason: reasonOf(decided, context), reasonCode: null, at }));
    // The seed writes a rep's move on a lead without an owner as the first rep's: route it there too.
    lead.ownerIndex = sentBack ? 0 : index % 2;
    added.assignments.push({ leadId: lead.id, ownerIndex: lead.ownerIndex, createdAt: new Date(at) });
    Object.assign(lead, { stage: "MQL", stageEnteredAt: new Date(at) });
    if (sentBack) {
      const { code, reason } = SEND_BACK_REASONS[index % SEND_BACK_REASONS.length];
      added.transitions.push(transition(lead, { to: "LEAD", move: "reject", actor: "owner", reason, reasonCode: code, at: answeredAt }));
      // Back with marketing: it has no owner, and only a person makes it an MQL again.
      Object.assign(lead, { stage: "LEAD", stageEnteredAt: new Date(answeredAt), returnedAt: new Date(answeredAt), ownerIndex: null });
    }
    return;
  }
}

function reasonOf(decided: { reason: string }, context: Context): string {
  return `${decided.reason} (scoring rules v${context.version})`;
}

function transition(
  lead: GeneratedLead,
  move: { to: GeneratedTransition["toStage"]; move: GeneratedTransition["move"]; actor: GeneratedTransition["actor"]; reason: string | null; reasonCode: string | null; at: number },
): GeneratedTransition {
  return { leadId: lead.id, fromStage: lead.stage, toStage: move.to, move: move.move, actor: move.actor, reason: move.reason, reasonCode: move.reasonCode, checklist: null, createdAt: new Date(move.at) };
}

/** The lead's score as the server would have computed it at a moment: from the events known by then. */
function scorer(lead: GeneratedLead, events: readonly GeneratedEvent[], rules: ScoringRules): Score {
  const attributes: LeadAttributes = { ...lead, customFields: JSON.parse(lead.customFields) };
  const scoringEvents: ScoringEvent[] = events.map((event, index) => ({ id: String(index), type: event.type, occurredAt: event.occurredAt, properties: JSON.parse(event.properties) }));
  return (at) => scoreWithoutExplanation({ lead: attributes, events: scoringEvents.filter((event) => event.occurredAt.getTime() <= at), rules, now: new Date(at) });
}

function groupBy<T extends { leadId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(row.leadId);
    if (list) list.push(row);
    else groups.set(row.leadId, [row]);
  }
  return groups;
}
