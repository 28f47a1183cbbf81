import "server-only";
import { leadName } from "@/lib/core/lead-search";
import { setImmediate as yieldToServer } from "node:timers/promises";
import { automaticMove } from "@/lib/core/scoring/decision";
import { scoreLead, scoreWithoutExplanation } from "@/lib/core/scoring/engine";
import type { ScoreInput } from "@/lib/core/scoring/engine";
import type { Contribution, ScoringEvent, ScoringRules } from "@/lib/core/scoring/types";
import { predictProbability } from "@/lib/core/scoring-lab/model";
import { isStage } from "@/lib/core/stages";
import type { PreviewContribution, PreviewExample, RulesPreview } from "@/lib/views/scoring";
import { activeRuleSet, leadAttributes, scoringEvent } from "./lead-scoring";
import type { LeadRow } from "../ingest/ingest-store";
import { reads } from "../store/database";
import { ingestStore } from "../ingest/ingest-store";

// Small enough that a chunk blocks the server for well under a tenth of a second.
const CHUNK = 500;
const EXAMPLES = 5;
const TOP_CONTRIBUTIONS = 3;

/**
 * What saving `rules` would do, without writing anything: every lead is scored with the
 * active rules and with the candidate rules, both as of now, so the difference is the rule
 * change alone and not the decay since a lead was last scored. The moves counted are the
 * ones the re-score after saving would make.
 */
export async function previewRules(rules: ScoringRules): Promise<RulesPreview> {
  const active = await activeRuleSet();
  const now = new Date();
  const scoreBefore = beforeScorer(active.rules, rules);
  const tally = { leads: 0, becomeMql: 0, disqualified: 0, scoresUp: 0, scoresDown: 0, sumBefore: 0, sumAfter: 0 };
  let examples: PreviewExample[] = [];
  let afterId = "";
  // Only a threshold on the model's chance needs it, as the re-score would compute it; without a model nobody is promoted.
  const model = rules.threshold.probability === undefined ? null : active.model;
  const chanceOf = (input: Omit<ScoreInput, "rules">) => (model ? predictProbability(model.model, { attributes: input.lead, events: input.events }, now.getTime()) : null);
  for (;;) {
    const leads = await ingestStore.leadsAfter(reads(), afterId, CHUNK);
    if (leads.length === 0) break;
    const history = await ingestStore.eventsByLead(reads(), leads.map((lead) => lead.id));
    for (const lead of leads) {
      const input = { lead: leadAttributes(lead), events: (history.get(lead.id) ?? []).map(scoringEvent), now };
      const after = scoreWithoutExplanation({ ...input, rules });
      const totalBefore = scoreBefore(input, after);
      const move = isStage(lead.stage)
        ? automaticMove({ stage: lead.stage, result: after, threshold: rules.threshold, returnedByPerson: lead.returnedAt !== null, probability: chanceOf(input) })
        : null;
      tally.leads += 1;
      tally.sumBefore += totalBefore;
      tally.sumAfter += after.total;
      if (after.total > totalBefore) tally.scoresUp += 1;
      if (after.total < totalBefore) tally.scoresDown += 1;
      if (move?.move === "disqualify") tally.disqualified += 1;
      if (move?.move === "markMql") {
        tally.becomeMql += 1;
        examples = keepHighest(examples, { lead, events: input.events, totalBefore, totalAfter: after.total }, rules, now);
      }
    }
    afterId = leads[leads.length - 1].id;
    // Scoring 100,000 leads takes seconds: let other requests in between chunks.
    await yieldToServer();
  }
  const { sumBefore, sumAfter, ...counts } = tally;
  return { activeVersion: active.version, ...counts, averageBefore: average(sumBefore, counts.leads), averageAfter: average(sumAfter, counts.leads), examples };
}

/**
 * The total under the active rules. A section (fit or engagement) the edit left alone scores
 * the same under both rule sets, so only the changed ones are scored again: a threshold
 * change costs one scoring per lead, not two.
 */
function beforeScorer(active: ScoringRules, candidate: ScoringRules): (input: Omit<ScoreInput, "rules">, after: { fit: number; engagement: number }) => number {
  const sameFit = JSON.stringify(active.fit) === JSON.stringify(candidate.fit);
  const sameEngagement = JSON.stringify(active.engagement) === JSON.stringify(candidate.engagement);
  const changed: ScoringRules = { fit: sameFit ? [] : active.fit, engagement: sameEngagement ? [] : active.engagement, disqualify: [], threshold: active.threshold };
  return (input, after) => {
    if (sameFit && sameEngagement) return after.fit + after.engagement;
    const rescored = scoreWithoutExplanation({ ...input, events: sameEngagement ? [] : input.events, rules: changed });
    return (sameFit ? after.fit : rescored.fit) + (sameEngagement ? after.engagement : rescored.engagement);
  };
}

type Candidate = { lead: LeadRow; events: ScoringEvent[]; totalBefore: number; totalAfter: number };

// The strongest new MQLs make the clearest examples; ties go by id so the preview is stable.
// Only a lead that makes the list is explained, which is what keeps 100,000 leads fast.
function keepHighest(examples: PreviewExample[], candidate: Candidate, rules: ScoringRules, now: Date): PreviewExample[] {
  const weakest = examples[EXAMPLES - 1];
  if (weakest && (weakest.totalAfter > candidate.totalAfter || (weakest.totalAfter === candidate.totalAfter && weakest.id < candidate.lead.id))) return examples;
  return [...examples, example(candidate, rules, now)].sort((a, b) => b.totalAfter - a.totalAfter || (a.id < b.id ? -1 : 1)).slice(0, EXAMPLES);
}

function example({ lead, events, totalBefore, totalAfter }: Candidate, rules: ScoringRules, now: Date): PreviewExample {
  const { contributions } = scoreLead({ lead: leadAttributes(lead), events, rules, now });
  return { id: lead.id, name: leadName(lead), company: lead.company, totalBefore, totalAfter, topContributions: topContributions(contributions) };
}

/** Per rule rather than per event: "Page view +8" reads better than eight lines of +1. */
function topContributions(contributions: readonly Contribution[]): PreviewContribution[] {
  const byRule = new Map<string, PreviewContribution>();
  for (const contribution of contributions) {
    const entry = byRule.get(contribution.ruleId) ?? { label: contribution.ruleLabel, points: 0 };
    entry.points += contribution.points;
    byRule.set(contribution.ruleId, entry);
  }
  return [...byRule.values()]
    .map((entry) => ({ ...entry, points: Math.round(entry.points * 10) / 10 }))
    .filter((entry) => entry.points > 0)
    .sort((a, b) => b.points - a.points || (a.label < b.label ? -1 : 1))
    .slice(0, TOP_CONTRIBUTIONS);
}

function average(total: number, count: number): number {
  return count === 0 ? 0 : Math.round((total / count) * 10) / 10;
}
