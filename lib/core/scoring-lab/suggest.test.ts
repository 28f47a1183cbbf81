import { describe, expect, test } from "vitest";
import { parseScoringRules } from "../scoring/rules-schema";
import type { DisqualifyRule, LeadAttributes, ScoringEvent, ScoringRules } from "../scoring/types";
import { backtestRules } from "./backtest";
import type { LabeledLead } from "./outcomes";
import { DAY_MS } from "../time";
import { labelHistory } from "./outcomes";
import { suggestRules } from "./suggest";
import { day, syntheticHistory } from "./test-history";

function labeled(i: number, attributes: Partial<LeadAttributes>, positive: boolean, eventTypes: Array<[type: string, daysBefore: number]> = []): LabeledLead {
  const at = day(100 + i);
  const events: ScoringEvent[] = eventTypes.map(([type, daysBefore], k) => ({ id: `${i}-${k}`, type, occurredAt: new Date(at - daysBefore * DAY_MS), properties: {} }));
  return { id: `l${i}`, attributes: { email: `l${i}@acme.example`, ...attributes }, createdAt: at - 60 * DAY_MS, transitions: [], events, outcome: { positive, at } };
}
const studentRule: DisqualifyRule = { id: "dq-student", label: "Student", field: "seniority", condition: { operator: "equals", value: "Student" }, action: "disqualify", reasonCode: "student" };
const rules = (overrides: Partial<ScoringRules>): ScoringRules => ({ fit: [], engagement: [], disqualify: [], threshold: { total: 10 }, ...overrides });
const backtest = (suggested: ScoringRules, leads: LabeledLead[]) => backtestRules({ rules: suggested, leads, target: "SQL", pending: 0 });

/*
 * 100 leads, 20 positive: a base rate of 0.2, and 10 leads needed behind a rule (minimumSupport(100)).
 * Points are round(10 · (logit(r) − logit(0.2))) with r = (positives + 10 · 0.2) / (leads + 10); logit(0.2) = −1.386294.
 *  Software (0–19, positives 0–9): r = 12/30 = 0.4,  logit −0.405465 → +9.81 → +10
 *  Retail (20–94, positives 20–29): r = 12/85 = 0.141176, logit −1.805553 → −4.19 → −4
 *  Aerospace (95–99): 5 leads, too few for a rule
 *  demo_request on 25 leads (0–8 positive, 10–19 and 30–35 not; 9 positive): r = 11/35, logit −0.780159 → +6.06 → +6
 *    three demos on 12 of them (0–7 positive, 10–13 not; 8 positive): r = 10/22, logit −0.182322 → +12.04: the cap, 12
 *  onboarding_call on every positive, a day after its outcome: never seen, so no rule.
 *  page_view on everyone, the e-mail domain the same for everyone: no lift, no rule.
 */
const handLeads: LabeledLead[] = Array.from({ length: 100 }, (_, i) => {
  const industry = i < 20 ? "Software" : i < 95 ? "Retail" : "Aerospace";
  const positive = i < 10 || (i >= 20 && i < 30);
  const demos = (i <= 7 || (i >= 10 && i <= 13) ? [1, 2, 3] : i === 8 || (i >= 14 && i <= 19) || (i >= 30 && i <= 35) ? [1] : []).map((days): [string, number] => ["demo_request", days]);
  return labeled(i, { industry }, positive, [...demos, ["page_view", 5], ...(positive ? [["onboarding_call", -1] as [string, number]] : [])]);
});

describe("suggestRules on a hand example", () => {
  // Active rules let Software (20) and any demo (the 6 Retail demos) through: 26 of 100.
  const active = rules({
    fit: [{ id: "sw", label: "Software", field: "industry", condition: { operator: "equals", value: "Software" }, points: 10 }],
    engagement: [{ id: "demo", label: "Demo", eventType: "demo_request", points: 10 }],
    disqualify: [studentRule],
  });
  const suggestion = suggestRules({ leads: handLeads, active });

  test("points from the shrunk log-odds lift of each value with enough leads", () => {
    expect(suggestion.baseRate).toBe(0.2);
    expect(suggestion.rules.fit).toEqual([
      { id: "fit-industry-retail", label: "Industry: Retail", field: "industry", condition: { operator: "equals", value: "Retail" }, points: -4 },
      { id: "fit-industry-software", label: "Industry: Software", field: "industry", condition: { operator: "equals", value: "Software" }, points: 10 },
    ]);
    expect(suggestion.rules.engagement).toEqual([
      { id: "eng-demo-request", label: "demo_request (learned)", eventType: "demo_request", points: 6, cap: { points: 12, windowDays: 365 }, halfLifeDays: 180 },
    ]);
    expect(suggestion.evidence).toEqual({
      "fit-industry-retail": { leads: 75, positives: 10, rate: 10 / 75 },
      "fit-industry-software": { leads: 20, positives: 10, rate: 0.5 },
      "eng-demo-request": { leads: 25, positives: 9, rate: 0.36 },
    });
  });

  test("the threshold lets through the same share as the active rules", () => {
    // Suggested totals at each outcome: Software with three demos 10 + 12 = 22 (12 leads), with one 16 (7),
    // without 10 (1); Retail with a demo −4 + 6 = 2 (6); Aerospace 0 (5); other Retail −4 (69).
    // The 26th highest total is 2, so a threshold of 2 lets exactly 26 through.
    expect(suggestion.rules.threshold).toEqual({ total: 2 });
    expect(backtest(active, handLeads).threshold.passed).toBe(26);
    expect(backtest(suggestion.rules, handLeads).threshold.passed).toBe(26);
  });

  test("disqualifying rules are the active ones, and the set is valid as it stands", () => {
    expect(suggestion.rules.disqualify).toEqual([studentRule]);
    const parsed = parseScoringRules(suggestion.rules);
    expect(parsed).toEqual({ ok: true, rules: suggestion.rules });
  });

  test("when the active rules pass everyone (or no one), a fifth of the leads pass", () => {
    // Share 0.2: the 20th highest total is 10 (12 at 22, 7 at 16, then Software lead 9 at 10): exactly 20 through.
    expect(suggestRules({ leads: handLeads, active: rules({ threshold: { total: -100 } }) }).rules.threshold).toEqual({ total: 10 });
    expect(suggestRules({ leads: handLeads, active: rules({ threshold: { total: 100 } }) }).rules.threshold).toEqual({ total: 10 });
  });

  test("an id a disqualifying rule already uses is not reused", () => {
    const taken = { ...studentRule, id: "fit-industry-software" };
    const suggestion = suggestRules({ leads: handLeads, active: rules({ disqualify: [taken] }) });
    expect(suggestion.rules.fit.map((rule) => rule.id)).toEqual(["fit-industry-retail", "fit-industry-software-2"]);
    expect(parseScoringRules(suggestion.rules).ok).toBe(true);
  });
});

describe("number bands", () => {
  // 50 leads of company size 1 … 50, the 10 largest positive (base rate 0.2, support 10). Cut at
  // sorted[10, 20, 30, 40] = 11, 21, 31, 41: five bands of 10 leads.
  //  1–40 (no positives): r = 2/20 = 0.1,  logit −2.197225 → −8.11 → −8
  //  41+ (all positive):  r = 12/20 = 0.6, logit  0.405465 → +17.92 → +18
  const leads = Array.from({ length: 50 }, (_, i) =>
    labeled(i, { companySize: i + 1, customFields: { seats: String(i + 1), ratio: (i + 1) / 4 }, annualRevenue: i >= 30 ? 5_000_000 : null }, i >= 40),
  );
  const suggestion = suggestRules({ leads, active: rules({}) });

  test("inclusive whole-number ranges, contiguous, one rule per band", () => {
    const size = suggestion.rules.fit.filter((rule) => rule.field === "companySize");
    expect(size.map((rule) => [rule.id, rule.label, rule.condition, rule.points])).toEqual([
      ["fit-companysize-up-to-10", "Company size up to 10", { operator: "range", max: 10 }, -8],
      ["fit-companysize-11-20", "Company size 11–20", { operator: "range", min: 11, max: 20 }, -8],
      ["fit-companysize-21-30", "Company size 21–30", { operator: "range", min: 21, max: 30 }, -8],
      ["fit-companysize-31-40", "Company size 31–40", { operator: "range", min: 31, max: 40 }, -8],
      ["fit-companysize-41", "Company size 41+", { operator: "range", min: 41 }, 18],
    ]);
  });

  test("a custom field of whole numbers (even as text) is banded too; fractions are left to the model", () => {
    const seats = suggestion.rules.fit.filter((rule) => rule.field === "custom.seats");
    expect(seats.map((rule) => [rule.label, rule.points])).toEqual([
      ["Custom field seats up to 10", -8],
      ["Custom field seats 11–20", -8],
      ["Custom field seats 21–30", -8],
      ["Custom field seats 31–40", -8],
      ["Custom field seats 41+", 18],
    ]);
    expect(suggestion.rules.fit.some((rule) => rule.field === "custom.ratio")).toBe(false);
  });

  test("a number with one value for everyone who has it gets no band (there is no range to state)", () => {
    // Revenue 5M on leads 30–49 (10 of 20 positive, r = 12/30 → +10): every quantile cut equals the smallest value.
    expect(suggestion.rules.fit.some((rule) => rule.field === "annualRevenue")).toBe(false);
    expect(parseScoringRules(suggestion.rules)).toEqual({ ok: true, rules: suggestion.rules });
  });
});

describe("suggestRules on a history with a planted signal", () => {
  const history = syntheticHistory(3000, 1);
  const { labeled: leads } = labelHistory(history.leads, "SQL", history.now, 90);
  const active = rules({ fit: [{ id: "sw", label: "Software", field: "industry", condition: { operator: "equals", value: "Software" }, points: 10 }], disqualify: [studentRule] });
  const suggestion = suggestRules({ leads, active });
  const pointsFor = (field: string, value: string) => suggestion.rules.fit.find((rule) => rule.field === field && rule.condition.operator === "equals" && rule.condition.value === value)?.points;

  test("values that raise the chance earn points, those that lower it lose points, rare ones get no rule", () => {
    expect(pointsFor("industry", "Software")).toBeGreaterThan(0);
    expect(pointsFor("industry", "Education")).toBeLessThan(0);
    expect(pointsFor("seniority", "VP")).toBeGreaterThan(0);
    expect(pointsFor("seniority", "Student")).toBeLessThan(0);
    // Aerospace: at most 7 leads (every 400th), short of the 15 needed (⌈0.5 % of 2,920⌉).
    expect(suggestion.rules.fit.some((rule) => rule.condition.operator === "equals" && rule.condition.value === "Aerospace")).toBe(false);
  });

  test("an event type that predicts the target earns capped, fading points; one seen only after outcomes earns none", () => {
    const demo = suggestion.rules.engagement.find((rule) => rule.eventType === "demo_request");
    expect(demo?.points).toBeGreaterThan(0);
    expect(demo?.cap?.points).toBeGreaterThanOrEqual(demo!.points);
    expect(demo).toMatchObject({ cap: { windowDays: 365 }, halfLifeDays: 180 });
    expect(suggestion.rules.engagement.some((rule) => rule.eventType === "onboarding_call")).toBe(false);
  });

  test("valid as they stand, with the active disqualifying rules", () => {
    expect(parseScoringRules(suggestion.rules)).toEqual({ ok: true, rules: suggestion.rules });
    expect(suggestion.rules.disqualify).toEqual(active.disqualify);
  });

  test("about the same share passes as under the active rules", () => {
    const activeShare = backtest(active, leads).threshold.passedShare;
    const suggestedShare = backtest(suggestion.rules, leads).threshold.passedShare;
    // Software is about 30 % of leads; ties at the threshold may let a few more through, never fewer.
    expect(activeShare).toBeGreaterThan(0.25);
    expect(suggestedShare).toBeGreaterThanOrEqual(activeShare);
    expect(suggestedShare - activeShare).toBeLessThan(0.03);
  });

  test("on fresh leads from the same process they rank far better than rules that reward the wrong things", () => {
    const fresh = labelHistory(syntheticHistory(3000, 2).leads, "SQL", history.now, 90).labeled;
    const wrong = rules({
      fit: [
        { id: "edu", label: "Education", field: "industry", condition: { operator: "equals", value: "Education" }, points: 20 },
        { id: "student", label: "Student", field: "seniority", condition: { operator: "equals", value: "Student" }, points: 20 },
      ],
      engagement: [{ id: "views", label: "Page views", eventType: "page_view", points: 5 }],
    });
    const suggestedAuc = backtest(suggestion.rules, fresh).auc!;
    expect(suggestedAuc).toBeGreaterThan(0.7);
    expect(suggestedAuc).toBeGreaterThan(backtest(wrong, fresh).auc! + 0.2);
  });
});
