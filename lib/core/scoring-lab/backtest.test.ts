import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { DEFAULT_SCORING_RULES } from "../scoring/default-rules";
import type { LeadAttributes, ScoringEvent, ScoringRules } from "../scoring/types";
import { MIN_POSITIVES, backtestRules } from "./backtest";
import type { LabeledLead } from "./outcomes";
import { DAY_MS } from "../time";
import { day } from "./test-history";

const HOUR = 3_600_000;

function labeled(id: string, attributes: Partial<LeadAttributes>, positive: boolean, at: number, events: ScoringEvent[] = []): LabeledLead {
  return { id, attributes: { email: `${id}@acme.example`, ...attributes }, createdAt: at - 60 * DAY_MS, transitions: [], events, outcome: { positive, at } };
}
const event = (id: string, type: string, at: number, properties: Record<string, unknown> = {}): ScoringEvent => ({ id, type, occurredAt: new Date(at), properties });

// Software 50 points, Retail 20, anything else 0; MQL at 40.
const industryRules: ScoringRules = {
  fit: [
    { id: "software", label: "Software", field: "industry", condition: { operator: "equals", value: "Software" }, points: 50 },
    { id: "retail", label: "Retail", field: "industry", condition: { operator: "equals", value: "Retail" }, points: 20 },
  ],
  engagement: [],
  disqualify: [],
  threshold: { total: 40 },
};
const backtest = (leads: LabeledLead[], rules = industryRules) => backtestRules({ rules, leads, target: "WON", pending: 4 });

describe("backtestRules on a hand example", () => {
  // a, b, f: Software (50) · c, d: Retail (20) · e: Education (0). Positives: a, c, f.
  const leads = [
    labeled("a", { industry: "Software" }, true, day(10)),
    labeled("b", { industry: "Software" }, false, day(11)),
    labeled("c", { industry: "Retail" }, true, day(12)),
    labeled("d", { industry: "Retail" }, false, day(13)),
    labeled("e", { industry: "Education" }, false, day(14)),
    labeled("f", { industry: "Software" }, true, day(15)),
  ];
  const report = backtest(leads);

  test("counts, and AUC counted pair by pair", () => {
    expect(report.leads).toEqual({ scored: 6, positives: 3, negatives: 3, pending: 4 });
    // Positives 50, 20, 50 against negatives 50, 20, 0:
    //   50: tie, beats 20, beats 0 = 2.5 (twice) · 20: loses to 50, tie, beats 0 = 1.5 → 6.5 of 9.
    expect(report.auc).toBeCloseTo(6.5 / 9, 12);
  });

  test("threshold: who would have passed 40 points, and how many of them reached the target", () => {
    // Passed: a, b, f (50 ≥ 40) = 3 of 6. Of them a and f positive: precision 2/3, and 2 of the 3 positives captured.
    expect(report.threshold).toEqual({ passed: 3, passedShare: 0.5, passedPositives: 2, positivesCaptured: 2 / 3, precision: 2 / 3 });
  });

  test("bands: 5 points wide (0 … 50 over about ten bands), rates where there are leads", () => {
    // Range 50 → width 5 → edges 0, 5, …, 55: eleven bands. e in [0,5), c and d in [20,25), a, b, f in [50,55).
    expect(report.bands).toHaveLength(11);
    const filled = report.bands.filter((band) => band.leads > 0).map((band) => [band.from, band.leads, band.rate]);
    expect(filled).toEqual([
      [0, 1, 0],
      [20, 2, 0.5],
      [50, 3, 2 / 3],
    ]);
  });

  test("deciles keep the three tied 50s together", () => {
    expect(report.deciles.map((d) => [d.leads, d.positives, d.maxScore])).toEqual([
      [3, 2, 50],
      [2, 1, 20],
      [1, 0, 0],
    ]);
  });

  test("few positives are called out", () => {
    expect(report.warnings).toEqual([`Only 3 leads reached the target: the figures will move a lot with each new outcome. Treat them as a first hint.`]);
  });

  test("no one passing: precision is unknown, not zero", () => {
    expect(backtest(leads, { ...industryRules, threshold: { total: 1000 } }).threshold).toEqual({ passed: 0, passedShare: 0, passedPositives: 0, positivesCaptured: 0, precision: null });
  });
});

describe("each lead is scored as it stood just before its outcome", () => {
  const demoRules: ScoringRules = { ...industryRules, fit: [], engagement: [{ id: "demo", label: "Demo", eventType: "demo_request", points: 40, halfLifeDays: 30 }], threshold: { total: 15 } };

  test("decay is measured at the outcome, not today", () => {
    // 40 points halving every 30 days: a demo 30 days before the outcome is worth 20 at the outcome,
    // one 60 days before is worth 10 — however long ago the outcomes were.
    const leads = [
      labeled("early", {}, true, day(100), [event("d1", "demo_request", day(70))]),
      labeled("late", {}, false, day(400), [event("d2", "demo_request", day(340))]),
    ];
    const report = backtest(leads, demoRules);
    expect(report.deciles.map((d) => d.maxScore)).toEqual([20, 10]);
    expect(report.threshold.passed).toBe(1);
  });

  test("an event before the outcome counts, at or after it does not", () => {
    const base = [labeled("x", {}, true, day(100)), labeled("y", {}, false, day(100))];
    const withEvent = (at: number) => backtest([{ ...base[0], events: [event("d", "demo_request", at)] }, base[1]], demoRules);
    // Just before: 40 points (under a second old) put x above y — a perfect ranking.
    expect(withEvent(day(100) - 1).auc).toBe(1);
    expect(withEvent(day(100) - 1)).not.toEqual(backtest(base, demoRules));
    // At the outcome, or after it: as if it never happened (both score 0, AUC ½).
    expect(withEvent(day(100))).toEqual(backtest(base, demoRules));
    expect(withEvent(day(130))).toEqual(backtest(base, demoRules));
    expect(withEvent(day(130)).auc).toBe(0.5);
  });

  test("no leakage: adding any event dated at or after a lead's outcome never changes the report", () => {
    const eventTypes = [...new Set(DEFAULT_SCORING_RULES.engagement.map((rule) => rule.eventType))];
    const draftEvent = fc.record({ type: fc.constantFrom(...eventTypes), hours: fc.integer({ min: -2400, max: 2400 }), url: fc.constantFrom("/pricing", "/blog") });
    const draftLead = fc.record({
      industry: fc.constantFrom("Software", "Retail", null),
      seniority: fc.constantFrom("VP", "Manager", "Student", null),
      companySize: fc.option(fc.integer({ min: 1, max: 5000 })),
      positive: fc.boolean(),
      outcomeDay: fc.integer({ min: 0, max: 300 }),
      events: fc.array(draftEvent, { maxLength: 12 }),
    });
    // hours ≥ 0 after the chosen lead's outcome; 0 is exactly at it.
    const added = fc.array(fc.record({ lead: fc.nat(), type: fc.constantFrom(...eventTypes), hours: fc.integer({ min: 0, max: 2400 }), url: fc.constantFrom("/pricing", "/blog") }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(draftLead, { minLength: 1, maxLength: 25 }), added, (drafts, extras) => {
        const leads = drafts.map((draft, i) => {
          const at = day(draft.outcomeDay);
          const events = draft.events.map((e, k) => event(`${i}-${k}`, e.type, at + e.hours * HOUR, { url: e.url }));
          return labeled(`l${i}`, { industry: draft.industry, seniority: draft.seniority, companySize: draft.companySize }, draft.positive, at, events);
        });
        const later = leads.map((lead) => ({ ...lead, events: [...lead.events] }));
        extras.forEach((extra, k) => {
          const lead = later[extra.lead % later.length];
          lead.events.push(event(`extra-${k}`, extra.type, lead.outcome.at + extra.hours * HOUR, { url: extra.url }));
        });
        expect(backtest(later, DEFAULT_SCORING_RULES)).toEqual(backtest(leads, DEFAULT_SCORING_RULES));
      }),
    );
  });
});

describe("warnings", () => {
  // n positives scoring `positiveScore` (Software 50 or Retail 20) and 20 negatives scoring 0.
  const history = (positives: number, options: { badPositives?: number } = {}) => [
    ...Array.from({ length: positives }, (_, i) => labeled(`p${i}`, { industry: "Software" }, true, day(i))),
    ...Array.from({ length: options.badPositives ?? 0 }, (_, i) => labeled(`q${i}`, { industry: null }, true, day(i))),
    ...Array.from({ length: 20 }, (_, i) => labeled(`n${i}`, { industry: "Retail" }, false, day(i))),
  ];

  test("a suspiciously good AUC points at leakage", () => {
    // 20 positives all above 20 negatives: AUC 1, and enough positives for no "only" warning.
    const report = backtest(history(MIN_POSITIVES));
    expect(report.auc).toBe(1);
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatch(/^An AUC of 1\.00 is rarely real/);
  });

  test("0.95 is already suspicious, 0.9 is not", () => {
    // 19 positives beat all 20 negatives (380 pairs), 1 positive scores 0 < 20 and wins none: 380/400 = 0.95.
    expect(backtest(history(19, { badPositives: 1 })).warnings).toEqual([expect.stringMatching(/^An AUC of 0\.95/)]);
    // 18 and 2: 360/400 = 0.9.
    expect(backtest(history(18, { badPositives: 2 })).warnings).toEqual([]);
  });

  test("both warnings when there are few positives and they rank perfectly", () => {
    expect(backtest(history(MIN_POSITIVES - 1)).warnings.map((warning) => warning.slice(0, 12))).toEqual(["Only 19 lead", "An AUC of 1."]);
  });

  test("nothing to rank", () => {
    expect(backtest(history(0)).warnings).toEqual([expect.stringMatching(/^No lead in this history reached the target/)]);
    expect(backtest(history(0)).auc).toBeNull();
    const allPositive = history(5).filter((lead) => lead.outcome.positive);
    expect(backtest(allPositive).warnings).toEqual([expect.stringMatching(/^Every lead in this history reached the target/)]);
  });
});
