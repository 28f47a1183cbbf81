import { asNumber, fieldLabel, formatNumber, readField } from "../scoring/conditions";
import { scoreWithoutExplanation } from "../scoring/engine";
import type { EngagementRule, FitField, FitRule, ScoringRules } from "../scoring/types";
import type { FeatureSource } from "./features";
import { STANDARD_CATEGORY_FIELDS, STANDARD_NUMBER_FIELDS, levelOf, minimumSupport, quantileEdges } from "./features";
import type { LabeledLead } from "./outcomes";
import { eventsBefore } from "./outcomes";

/*
 * Points a marketer can read and edit, learned from history: each field value, number band and
 * event type with enough leads behind it earns about 10 × its log-odds lift — how much more (or
 * less) likely leads with it were to reach the target than leads overall. Lifts are shrunk toward
 * zero for small groups, so a value seen on twelve leads can't earn a big number by luck.
 */

export const POINTS_PER_LOG_ODDS = 10;
/** Pseudo-leads at the base rate added to every group before its rate is compared. */
const SHRINKAGE = 10;
const MAX_SUGGESTED_POINTS = 100;
const CAP_WINDOW_DAYS = 365;
const HALF_LIFE_DAYS = 180;
const MAX_TEXT = 100;

/** Why a suggested rule got its points: its leads, how many reached the target, their rate. */
export type Evidence = { leads: number; positives: number; rate: number };
export type Suggestion = { rules: ScoringRules; evidence: Record<string, Evidence>; baseRate: number };

type Group = { leads: number; positives: number };

function logit(p: number): number {
  return Math.log(p / (1 - p));
}

function pointsFor(group: Group, baseRate: number): number {
  const rate = (group.positives + SHRINKAGE * baseRate) / (group.leads + SHRINKAGE);
  const points = Math.round(POINTS_PER_LOG_ODDS * (logit(rate) - logit(baseRate)));
  return Math.max(-MAX_SUGGESTED_POINTS, Math.min(MAX_SUGGESTED_POINTS, points)) + 0;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "value";
}

function clip(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 1)}…`;
}

type Sample = FeatureSource & { positive: boolean };

class RuleIds {
  private readonly used: Set<string>;
  /** `taken`: ids the rule set already holds, which a new rule must not reuse. */
  constructor(taken: Iterable<string>) {
    this.used = new Set(taken);
  }
  next(base: string): string {
    let id = base.slice(0, 90);
    for (let n = 2; this.used.has(id); n++) id = `${base.slice(0, 90)}-${n}`;
    this.used.add(id);
    return id;
  }
}

function tally(samples: readonly Sample[], keyOf: (sample: Sample, index: number) => string | null): Map<string, Group & { shown: string }> {
  const groups = new Map<string, Group & { shown: string }>();
  for (const [index, sample] of samples.entries()) {
    const key = keyOf(sample, index);
    if (key === null) continue;
    const group = groups.get(key) ?? { leads: 0, positives: 0, shown: key };
    group.leads += 1;
    if (sample.positive) group.positives += 1;
    groups.set(key, group);
  }
  return groups;
}

function categoryRules(samples: readonly Sample[], field: FitField, context: RuleContext): FitRule[] {
  const spelled = new Map<string, string>();
  const groups = tally(samples, (sample) => {
    const value = readField(sample.attributes, field);
    const level = levelOf(value);
    if (level === null) return "";
    if (!spelled.has(level)) spelled.set(level, String(value).trim());
    return level;
  });
  const rules: FitRule[] = [];
  for (const [level, group] of [...groups].sort((a, b) => b[1].leads - a[1].leads)) {
    if (group.leads < context.support) continue;
    const points = pointsFor(group, context.baseRate);
    if (points === 0) continue;
    const label = fieldLabel(field);
    const id = context.ids.next(`fit-${slug(field)}-${level === "" ? "empty" : slug(level)}`);
    const value = spelled.get(level) ?? level;
    rules.push(
      level === ""
        ? { id, label: clip(`${label} empty`), field, condition: { operator: "isEmpty" }, points }
        : { id, label: clip(`${label}: ${value}`), field, condition: { operator: "equals", value: value.slice(0, 200) }, points },
    );
    context.evidence[id] = { leads: group.leads, positives: group.positives, rate: group.positives / group.leads };
  }
  return rules;
}

function bandRules(samples: readonly Sample[], field: FitField, context: RuleContext): FitRule[] {
  const values = samples.map((sample) => asNumber(readField(sample.attributes, field)));
  const present = values.filter((value): value is number => value !== null);
  // Bands are inclusive ranges between whole numbers; fractional values are left to the model.
  if (present.length < context.support || present.some((value) => !Number.isInteger(value))) return [];
  const edges = quantileEdges(present, 5);
  // No cut means one band holding every value: a range with no bound, which the rules can't state.
  if (edges.length === 0) return [];
  const bandOf = (value: number) => edges.filter((edge) => value >= edge).length;
  const groups = tally(samples, (sample) => {
    const value = asNumber(readField(sample.attributes, field));
    return value === null ? null : String(bandOf(value));
  });
  const rules: FitRule[] = [];
  for (let band = 0; band <= edges.length; band++) {
    const group = groups.get(String(band));
    if (!group || group.leads < context.support) continue;
    const points = pointsFor(group, context.baseRate);
    if (points === 0) continue;
    const min = band === 0 ? undefined : edges[band - 1];
    const max = band === edges.length ? undefined : edges[band] - 1;
    const range = min === undefined ? `up to ${formatNumber(max!)}` : max === undefined ? `${formatNumber(min)}+` : `${formatNumber(min)}–${formatNumber(max)}`;
    const id = context.ids.next(`fit-${slug(field)}-${slug(range)}`);
    rules.push({ id, label: clip(`${fieldLabel(field)} ${range}`), field, condition: { operator: "range", ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) }, points });
    context.evidence[id] = { leads: group.leads, positives: group.positives, rate: group.positives / group.leads };
  }
  return rules;
}

function engagementRules(samples: readonly Sample[], context: RuleContext): EngagementRule[] {
  const counts = samples.map((sample) => {
    const byType = new Map<string, number>();
    for (const event of sample.events) byType.set(event.type, (byType.get(event.type) ?? 0) + 1);
    return byType;
  });
  const types = [...new Set(counts.flatMap((byType) => [...byType.keys()]))].sort();
  const rules: EngagementRule[] = [];
  for (const eventType of types) {
    const any = tally(samples, (_, index) => ((counts[index].get(eventType) ?? 0) > 0 ? "yes" : null)).get("yes");
    if (!any || any.leads < context.support) continue;
    const points = pointsFor(any, context.baseRate);
    if (points === 0) continue;
    const id = context.ids.next(`eng-${slug(eventType)}`);
    context.evidence[id] = { leads: any.leads, positives: any.positives, rate: any.positives / any.leads };
    if (points < 0) {
      rules.push({ id, label: clip(`${eventType} (learned)`), eventType, points });
      continue;
    }
    // Repeated events may add up to what leads with three or more of them earned, and fade.
    const many = tally(samples, (_, index) => ((counts[index].get(eventType) ?? 0) >= 3 ? "yes" : null)).get("yes");
    const capPoints = many && many.leads >= context.support ? Math.max(points, pointsFor(many, context.baseRate)) : points;
    rules.push({ id, label: clip(`${eventType} (learned)`), eventType, points, cap: { points: capPoints, windowDays: CAP_WINDOW_DAYS }, halfLifeDays: HALF_LIFE_DAYS });
  }
  return rules;
}

type RuleContext = { support: number; baseRate: number; ids: RuleIds; evidence: Record<string, Evidence> };

/** The score every lead would have had under `rules` just before its outcome. */
function scoresAtOutcome(rules: ScoringRules, leads: readonly LabeledLead[]) {
  return leads.map((lead) => scoreWithoutExplanation({ lead: lead.attributes, events: eventsBefore(lead.events, lead.outcome.at), rules, now: new Date(lead.outcome.at) }));
}

/** The lowest total that lets `share` of the leads through (at least one lead). */
function thresholdFor(scores: readonly number[], share: number): number {
  const sorted = [...scores].sort((a, b) => b - a);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * share) - 1));
  return sorted[index] ?? 0;
}

/**
 * A rule set learned from `leads` (labeled, each seen only before its outcome). The active
 * rules' disqualifying rules are kept as they are (they state policy, not likelihood), and the
 * MQL threshold is set so the same share of these leads pass as under the active rules.
 */
export function suggestRules(input: { leads: readonly LabeledLead[]; active: ScoringRules }): Suggestion {
  const samples: Sample[] = input.leads.map((lead) => ({ attributes: lead.attributes, events: eventsBefore(lead.events, lead.outcome.at), positive: lead.outcome.positive }));
  const positives = samples.filter((sample) => sample.positive).length;
  const baseRate = Math.min(0.999, Math.max(0.001, positives / Math.max(1, samples.length)));
  // Ids must be unique across the whole set, and the disqualifying rules are copied in as they are.
  const ids = new RuleIds(input.active.disqualify.map((rule) => rule.id));
  const context: RuleContext = { support: minimumSupport(samples.length), baseRate, ids, evidence: {} };
  const customFields = [...new Set(samples.flatMap((sample) => Object.keys(sample.attributes.customFields ?? {})))].sort().map((name) => `custom.${name}` as FitField);
  const fit: FitRule[] = [];
  for (const field of [...STANDARD_CATEGORY_FIELDS, ...customFields]) {
    const numeric = samples.filter((sample) => asNumber(readField(sample.attributes, field)) !== null).length;
    const present = samples.filter((sample) => levelOf(readField(sample.attributes, field)) !== null).length;
    fit.push(...(field.startsWith("custom.") && present > 0 && numeric >= present * 0.9 ? bandRules(samples, field, context) : categoryRules(samples, field, context)));
  }
  for (const field of STANDARD_NUMBER_FIELDS) fit.push(...bandRules(samples, field, context));
  const engagement = engagementRules(samples, context);
  const draft: ScoringRules = { fit, engagement, disqualify: input.active.disqualify, threshold: { total: 0 } };
  const activePassing = scoresAtOutcome(input.active, input.leads).filter((result) => result.meetsThreshold).length / Math.max(1, input.leads.length);
  const share = activePassing > 0 && activePassing < 1 ? activePassing : 0.2;
  const draftTotals = scoresAtOutcome(draft, input.leads).map((result) => result.total);
  return { rules: { ...draft, threshold: { total: thresholdFor(draftTotals, share) } }, evidence: context.evidence, baseRate };
}
