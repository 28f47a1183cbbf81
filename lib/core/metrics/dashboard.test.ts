import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { MOVE_TABLE } from "../funnel";
import type { Stage } from "../stages";
import { computeDashboard } from "./dashboard";
import { rangeOf } from "./segment";
import type { LeadFixture, Step } from "./test-fixtures";
import { DAY, HOUR, T0, day, fixture, leadWith } from "./test-fixtures";
import type { DashboardMetrics, MetricsInput } from "./types";
import { FUNNEL_STAGES } from "./types";

/** Every number anywhere in the answer, to check that none is NaN or infinite. */
function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (value === null || typeof value !== "object") return [];
  return Object.values(value).flatMap(numbersIn);
}

describe("computeDashboard", () => {
  const range = rangeOf({ from: "2026-11-02", to: "2026-11-15" });

  test("the range as ISO instants: from the first day's start to the end of the last day", () => {
    const metrics = computeDashboard({ leads: [], transitions: [], range, now: day(20), slaHours: 24 });
    expect(metrics.range).toEqual({ from: "2026-11-02T00:00:00.000Z", to: "2026-11-16T00:00:00.000Z" });
  });

  test("no leads: zeros and nulls everywhere, never NaN", () => {
    const metrics = computeDashboard({ leads: [], transitions: [], range, now: day(20), slaHours: 24 });
    expect(metrics.funnel.map((step) => [step.stage, step.entered, step.conversion])).toEqual([
      ["LEAD", 0, null],
      ["MQL", 0, null],
      ["SAL", 0, null],
      ["SQL", 0, null],
      ["WON", 0, null],
    ]);
    expect(metrics.velocity.mqlToSql).toEqual({ count: 0, medianHours: null, p90Hours: null });
    expect(metrics.sla).toMatchObject({ mqls: 0, withinSlaShare: null, overdueNow: 0, byRep: [] });
    expect([metrics.sources, metrics.campaigns, metrics.reps, metrics.cohorts, metrics.calibration]).toEqual([[], [], [], [], []]);
    // 2 to 15 November: the weeks of 2 and 9 November, empty.
    expect(metrics.trend.map((row) => row.weekStart)).toEqual(["2026-11-02", "2026-11-09"]);
    expect(numbersIn(metrics).every(Number.isFinite)).toBe(true);
  });

  test("transitions of leads outside the segment are ignored", () => {
    const inside = leadWith("in", day(1), [["MQL", "markMql", day(2)]]);
    const outside = leadWith("out", day(1), [["MQL", "markMql", day(3)]]);
    const withStray = { ...fixture(inside), transitions: fixture(inside, outside).transitions };
    const input = (data: Pick<MetricsInput, "leads" | "transitions">) => computeDashboard({ ...data, range, now: day(20), slaHours: 24 });
    // One lead created in the range that became MQL: LEAD 1, MQL 1, one waiting MQL.
    expect(input(withStray)).toEqual(input(fixture(inside)));
    expect(input(withStray).funnel.map((step) => step.entered)).toEqual([1, 1, 0, 0, 0]);
  });
});

// Random histories that follow the move table (plus imports straight into SAL), over four months around T0.
const ACTORS = [null, "rep-a", "rep-b", "mgr"] as const;
const stepDraft = fc.record({ choice: fc.nat(), gapHours: fc.integer({ min: 0, max: 240 }), actor: fc.constantFrom(...ACTORS), reason: fc.constantFrom(null, "Price", "Student") });
const leadDraft = fc.record({
  createdHours: fc.integer({ min: -60 * 24, max: 60 * 24 }),
  score: fc.integer({ min: 0, max: 20 }),
  source: fc.constantFrom(null, "web", "ads"),
  campaign: fc.constantFrom(null, "spring", "fall"),
  ownerId: fc.constantFrom(null, "rep-a", "rep-b"),
  firstEventHours: fc.option(fc.integer({ min: -24 * 10, max: 24 * 10 })),
  steps: fc.array(stepDraft, { maxLength: 8 }),
});

type LeadDraft = typeof leadDraft extends fc.Arbitrary<infer Draft> ? Draft : never;

function walk(id: string, draft: LeadDraft): LeadFixture {
  const createdAt = T0 + draft.createdHours * HOUR;
  let stage: Stage = "LEAD";
  let at = createdAt;
  const steps: Step[] = [];
  for (const { choice, gapHours, actor, reason } of draft.steps) {
    const options: { move: string; to: Stage }[] = MOVE_TABLE.filter((rule) => rule.from === stage);
    if (stage === "LEAD") options.push({ move: "import", to: "SAL" });
    if (options.length === 0) break;
    const { move, to } = options[choice % options.length];
    at += gapHours * HOUR;
    steps.push([to, move, at, { actorId: actor, reason, reasonCode: to === "DISQUALIFIED" ? "no_budget" : null }]);
    stage = to;
  }
  const firstEventAt = draft.firstEventHours === null ? null : createdAt + draft.firstEventHours * HOUR;
  return leadWith(id, createdAt, steps, { totalScore: draft.score, source: draft.source, campaign: draft.campaign, ownerId: draft.ownerId, firstEventAt });
}

const inputArbitrary = fc
  .record({
    leads: fc.array(leadDraft, { maxLength: 40 }),
    fromDays: fc.integer({ min: -40, max: 40 }),
    lengthDays: fc.integer({ min: 1, max: 60 }),
    slaHours: fc.integer({ min: 1, max: 72 }),
  })
  .map(({ leads, fromDays, lengthDays, slaHours }): MetricsInput => {
    const data = fixture(...leads.map((draft, index) => walk(`lead-${index}`, draft)));
    const latest = Math.max(T0 + 200 * DAY, ...data.transitions.map((transition) => transition.at));
    return { ...data, range: { from: day(fromDays), to: day(fromDays + lengthDays) }, now: latest, slaHours };
  });

function createdInRange(input: MetricsInput): number {
  return input.leads.filter((lead) => lead.createdAt >= input.range.from && lead.createdAt < input.range.to).length;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe("computeDashboard, for any histories that follow the move table", () => {
  const check = (property: (input: MetricsInput, metrics: DashboardMetrics) => void) =>
    fc.assert(fc.property(inputArbitrary, (input) => property(input, computeDashboard(input))), { numRuns: 300 });

  test("no figure is NaN or infinite", () => {
    check((_, metrics) => {
      expect(numbersIn(metrics).every(Number.isFinite)).toBe(true);
    });
  });

  test("funnel: entered never exceeds the leads; advanced and each loss never exceed entered", () => {
    check((input, metrics) => {
      expect(metrics.funnel[0].entered).toBeGreaterThanOrEqual(createdInRange(input));
      for (const step of metrics.funnel) {
        expect(step.entered).toBeLessThanOrEqual(input.leads.length);
        if (step.advanced !== null) expect(step.advanced).toBeLessThanOrEqual(step.entered);
        for (const loss of Object.values(step.losses)) {
          expect(loss.count).toBeLessThanOrEqual(step.entered);
          expect(sum(loss.reasons.map((reason) => reason.count))).toBe(loss.count);
        }
      }
    });
  });

  test("MQL → SQL counts the funnel's MQLs, of which at most all reached SQL", () => {
    check((_, metrics) => {
      expect(metrics.mqlToSql.mqls).toBe(metrics.funnel[FUNNEL_STAGES.indexOf("MQL")].entered);
      expect(metrics.mqlToSql.sql).toBeLessThanOrEqual(metrics.mqlToSql.mqls);
    });
  });

  test("calibration bands partition the leads created in the range, in ascending, separate score ranges", () => {
    check((input, metrics) => {
      const bands = metrics.calibration;
      expect(sum(bands.map((band) => band.leads))).toBe(createdInRange(input));
      expect(bands.length).toBeLessThanOrEqual(10);
      for (const [index, band] of bands.entries()) {
        expect(band.leads).toBeGreaterThan(0);
        expect(band.minScore).toBeLessThanOrEqual(band.maxScore);
        expect(band.sql).toBeLessThanOrEqual(band.leads);
        if (index > 0) expect(bands[index - 1].maxScore).toBeLessThan(band.minScore);
      }
    });
  });

  test("sources, campaigns and cohorts each share out the leads created in the range", () => {
    check((input, metrics) => {
      const created = createdInRange(input);
      expect(sum(metrics.sources.map((row) => row.leads))).toBe(created);
      expect(sum(metrics.campaigns.map((row) => row.leads))).toBe(created);
      expect(sum(metrics.cohorts.map((row) => row.leads))).toBe(created);
      for (const row of metrics.cohorts) expect(row.reached.WON).toBeLessThanOrEqual(row.reached.SQL);
    });
  });

  test("SLA: every MQL is within, late or waiting, and the reps add up to the totals", () => {
    check((_, { sla }) => {
      expect(sla.withinSla + sla.late + sla.waiting).toBe(sla.mqls);
      expect(sum(sla.byRep.map((row) => row.mqls))).toBe(sla.mqls);
      expect(sum(sla.byRep.map((row) => row.overdueNow))).toBe(sla.overdueNow);
    });
  });

  test("trend: each week's entries are at most the range's, and all weeks together at least", () => {
    check((input, metrics) => {
      const weeks = metrics.trend;
      expect(Date.parse(weeks[0].weekStart)).toBeLessThanOrEqual(input.range.from);
      expect(Date.parse(weeks[weeks.length - 1].weekStart) + 7 * DAY).toBeGreaterThanOrEqual(input.range.to);
      for (const [index, stage] of FUNNEL_STAGES.entries()) {
        const entered = metrics.funnel[index].entered;
        for (const week of weeks) expect(week.entered[stage]).toBeLessThanOrEqual(entered);
        expect(sum(weeks.map((week) => week.entered[stage]))).toBeGreaterThanOrEqual(entered);
      }
    });
  });

  test("only each lead's own order of moves matters, not the order of leads or how their moves interleave", () => {
    check((input, metrics) => {
      const byLead = [...input.transitions].sort((a, b) => a.leadId.localeCompare(b.leadId));
      expect(computeDashboard({ ...input, leads: [...input.leads].reverse(), transitions: byLead })).toEqual(metrics);
    });
  });

  test("cycle times: a pair counts only leads that entered its later stage in the range, each once", () => {
    check((_, metrics) => {
      for (const time of metrics.velocity.cycleTimes) {
        expect(time.count).toBeLessThanOrEqual(metrics.funnel[FUNNEL_STAGES.indexOf(time.to)].entered);
      }
    });
  });

  test("sources and campaigns: a median time to WON exactly when some lead was won", () => {
    check((_, metrics) => {
      for (const row of [...metrics.sources, ...metrics.campaigns]) {
        expect(row.medianDaysToWon === null).toBe(row.won === 0);
        if (row.medianDaysToWon !== null) expect(row.medianDaysToWon).toBeGreaterThanOrEqual(0);
      }
    });
  });

  test("velocity: the median never exceeds the 90th percentile", () => {
    check((_, { velocity }) => {
      for (const stats of [...Object.values(velocity.timeInStage), velocity.firstEventToMql, velocity.mqlToSql, velocity.mqlToWon, ...velocity.cycleTimes]) {
        if (stats.count === 0) expect(stats).toMatchObject({ medianHours: null, p90Hours: null });
        else expect(stats.medianHours!).toBeLessThanOrEqual(stats.p90Hours!);
      }
    });
  });
});
