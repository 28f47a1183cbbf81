import { compileCondition, describeMatch, fieldLabel, formatNumber, readField, readProperty } from "./conditions";
import type {
  Contribution,
  DisqualifyRule,
  EngagementRule,
  FitRule,
  LeadAttributes,
  MqlThreshold,
  RuleFlag,
  ScoreResult,
  ScoringEvent,
  ScoringRules,
} from "./types";
import { DAY_MS } from "../time";


export type ScoreInput = { lead: LeadAttributes; events: readonly ScoringEvent[]; rules: ScoringRules; now: Date };

/**
 * Scores one lead against a rule set. Pure: the result depends only on the input, never on
 * the clock or on the order the events are given in, so re-scoring after every new event
 * and re-scoring everything at once always agree. Contributions list the fit rules in rule
 * order, then each engagement rule's events oldest first (the order caps are applied in).
 */
export function scoreLead(input: ScoreInput): ScoreResult {
  const { lead, rules, now } = input;
  const scored = scoreWithoutExplanation(input);
  const fit = fitMatches(lead, rules.fit).map(({ rule, value }) => fitContribution(rule, value));
  const chronological = inChronologicalOrder(input.events);
  const engagement = rules.engagement.flatMap((rule) => engagementAwards(rule, chronological, now).map((award) => engagementContribution(rule, award, now)));
  return { ...scored, contributions: [...fit, ...engagement] };
}

/**
 * The same scores and flags as scoreLead, without building the explanation: what ingestion and
 * re-scoring store. The explanation is rebuilt from the same inputs when someone reads it.
 */
export function scoreWithoutExplanation(input: ScoreInput): Omit<ScoreResult, "contributions"> {
  const { lead, events, rules, now } = input;
  const chronological = inChronologicalOrder(events);
  const fitScore = wholePoints(sum(fitMatches(lead, rules.fit).map(({ rule }) => rule.points)));
  // Summed before rounding: thirty page views decayed to 0.04 each still add up to a point.
  const engagementScore = wholePoints(sum(rules.engagement.flatMap((rule) => engagementAwards(rule, chronological, now).map((award) => award.exactPoints))));
  const total = fitScore + engagementScore;
  return {
    fit: fitScore,
    engagement: engagementScore,
    total,
    flags: rules.disqualify.flatMap((rule) => flagFor(lead, rule)),
    meetsThreshold: meetsThreshold(rules.threshold, fitScore, total),
  };
}

export function meetsThreshold(threshold: MqlThreshold, fit: number, total: number): boolean {
  return total >= threshold.total && (threshold.fit === undefined || fit >= threshold.fit);
}

function fitMatches(lead: LeadAttributes, rules: readonly FitRule[]): Array<{ rule: FitRule; value: unknown }> {
  return rules.map((rule) => ({ rule, value: readField(lead, rule.field) })).filter(({ rule, value }) => compileCondition(rule.condition)(value));
}

function fitContribution(rule: FitRule, value: unknown): Contribution {
  return { ruleId: rule.id, ruleLabel: rule.label, kind: "fit", points: rule.points, reason: describeMatch(fieldLabel(rule.field), value, rule.condition) };
}

function flagFor(lead: LeadAttributes, rule: DisqualifyRule): RuleFlag[] {
  const value = readField(lead, rule.field);
  if (!compileCondition(rule.condition)(value)) return [];
  const reason = describeMatch(fieldLabel(rule.field), value, rule.condition);
  return [{ ruleId: rule.id, label: rule.label, action: rule.action, reasonCode: rule.reasonCode, reason }];
}

type TimedEvent = { event: ScoringEvent; time: number };

// Events without a valid date cannot be placed in time (caps and decay need one) and would make
// the sort order depend on arrival order, so they are left out.
function inChronologicalOrder(events: readonly ScoringEvent[]): TimedEvent[] {
  return events
    .map((event) => ({ event, time: event.occurredAt.getTime() }))
    .filter((item) => Number.isFinite(item.time))
    .sort((a, b) => a.time - b.time || compareText(a.event.id, b.event.id) || compareText(a.event.type, b.event.type));
}

// Not localeCompare: its order can differ between ICU versions, and the result must not.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Award = { event: ScoringEvent; time: number; awarded: number; exactPoints: number };

function engagementAwards(rule: EngagementRule, events: readonly TimedEvent[], now: Date): Award[] {
  const matchesProperty = rule.property ? compileCondition(rule.property.condition) : () => true;
  const matching = events.filter(
    ({ event }) => event.type === rule.eventType && (!rule.property || matchesProperty(readProperty(event.properties, rule.property.key))),
  );
  const capped = rule.cap && rule.points > 0 ? capAwards(matching, rule.points, rule.cap) : matching.map(() => rule.points);
  return matching.map(({ event, time }, index) => {
    const awarded = capped[index];
    const ageDays = Math.max(0, now.getTime() - time) / DAY_MS;
    return { event, time, awarded, exactPoints: rule.halfLifeDays ? awarded * 0.5 ** (ageDays / rule.halfLifeDays) : awarded };
  });
}

function engagementContribution(rule: EngagementRule, award: Award, now: Date): Contribution {
  const points = oneDecimal(award.exactPoints);
  return {
    ruleId: rule.id,
    ruleLabel: rule.label,
    kind: "engagement",
    points,
    eventId: award.event.id,
    reason: engagementReason(rule, award.event, now.getTime() - award.time, award.awarded, points),
  };
}

/**
 * What each event earns under a cap: at most `cap.points` from this rule within any window of
 * `windowDays` ending at the event, i.e. counting the awards of events in (t − window, t].
 * Events arrive sorted, so a sliding window keeps this linear.
 */
function capAwards(events: readonly TimedEvent[], points: number, cap: NonNullable<EngagementRule["cap"]>): number[] {
  const windowMs = cap.windowDays * DAY_MS;
  const awards: number[] = [];
  let windowStart = 0;
  let inWindow = 0;
  events.forEach(({ time }, index) => {
    while (windowStart < index && events[windowStart].time <= time - windowMs) {
      inWindow -= awards[windowStart];
      windowStart++;
    }
    const award = Math.max(0, Math.min(points, cap.points - inWindow));
    awards.push(award);
    inWindow += award;
  });
  return awards;
}

function engagementReason(rule: EngagementRule, event: ScoringEvent, ageMs: number, awarded: number, points: number): string {
  const what = [event.type, eventDetail(rule, event)].filter(Boolean).join(" ");
  const head = `${what} ${describeAge(ageMs)}`;
  const cap = rule.cap ? `cap of ${count(rule.cap.points, "point")} per ${count(rule.cap.windowDays, "day")} reached` : "";
  if (awarded === 0 && rule.points > 0) return `${head}: 0 points, ${cap}`;
  const earned = awarded < rule.points ? `${formatNumber(awarded)} of ${count(rule.points, "point")} (${cap})` : count(rule.points, "point");
  if (!rule.halfLifeDays) return `${head}: ${earned}`;
  return `${head}: ${earned}, halved every ${count(rule.halfLifeDays, "day")} → ${formatNumber(points)}`;
}

// The property that tells one event of a type from another: the one the rule filters on,
// otherwise the first of the usual descriptive ones the event carries.
const DESCRIPTIVE_PROPERTIES = ["content", "url", "page", "title", "name", "campaign"];

function eventDetail(rule: EngagementRule, event: ScoringEvent): string {
  const keys = rule.property ? [rule.property.key] : DESCRIPTIVE_PROPERTIES;
  for (const key of keys) {
    const value = readProperty(event.properties, key);
    if (typeof value === "string" && value.trim() !== "") return `"${value}"`;
    if (typeof value === "number" || typeof value === "boolean") return `"${String(value)}"`;
  }
  return "";
}

function count(value: number, unit: "point" | "day"): string {
  return `${formatNumber(value)} ${Math.abs(value) === 1 ? unit : `${unit}s`}`;
}

function describeAge(ageMs: number): string {
  if (ageMs < 0) return "dated in the future";
  const days = Math.floor(ageMs / DAY_MS);
  if (days === 0) return "today";
  return `${count(days, "day")} ago`;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

// `+ 0` turns -0 into 0 so a score never prints or compares as "-0".
function wholePoints(value: number): number {
  return Math.round(value) + 0;
}

function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10 + 0;
}
