import { describe, expect, test } from "vitest";
import { DEFAULT_SCORING_RULES } from "../scoring/default-rules";
import type { PredictiveModel } from "./model";
import { HOLDOUT_SHARE, predictLead, trainModel } from "./model";
import type { LabeledLead } from "./outcomes";
import { DAY_MS } from "../time";
import { eventsBefore, labelHistory } from "./outcomes";
import { PROBABILITY_EDGES, bandRates, rocAuc } from "./ranking";
import { day, syntheticHistory } from "./test-history";

const history = syntheticHistory(3000, 1);
const { labeled, pending } = labelHistory(history.leads, "SQL", history.now, 90);
const trained = trainModel({ leads: labeled, pending, target: "SQL", rules: DEFAULT_SCORING_RULES });
if (!trained.ok) throw new Error(trained.error);
const { model, evaluation } = trained;

const weightOf = (key: string) => model.weights[model.columns.findIndex((column) => column.key === key)];
const positivesIn = (leads: readonly LabeledLead[]) => leads.filter((lead) => lead.outcome.positive).length;

// The held-out leads worked out independently: the latest 20 % by outcome time, ties by id.
const byOutcome = [...labeled].sort((a, b) => a.outcome.at - b.outcome.at || (a.id < b.id ? -1 : 1));
const holdoutCount = labeled.length - Math.round(labeled.length * (1 - HOLDOUT_SHARE));
const holdout = byOutcome.slice(byOutcome.length - holdoutCount);
// Each described as it stood just before its outcome, as the evaluation did.
const probabilityOf = (lead: LabeledLead) => predictLead(model, { attributes: lead.attributes, events: eventsBefore(lead.events, lead.outcome.at) }, lead.outcome.at).probability;

describe("trainModel on a history with a planted signal", () => {
  test("ranks held-out leads well above chance", () => {
    // Chance is 0.5; the true chances the leads were drawn with rank them at about 0.8, and a model
    // learned from the older leads should come close to that.
    const truth = rocAuc(holdout.map((lead) => ({ score: history.chance.get(lead.id)!, positive: lead.outcome.positive })))!;
    expect(truth).toBeGreaterThan(0.75);
    expect(evaluation.holdout.auc).toBeGreaterThan(0.7);
    expect(Math.abs(evaluation.holdout.auc! - truth)).toBeLessThan(0.05);
    expect(evaluation.rulesAuc).toEqual(expect.any(Number));
  });

  test("learns the planted effects in the right direction", () => {
    expect(weightOf("industry=software")).toBeGreaterThan(0.5); // planted +1.2
    expect(weightOf("industry=education")).toBeLessThan(-0.5); // planted −1.2
    expect(weightOf("seniority=vp")).toBeGreaterThan(0.2); // planted +0.6
    expect(weightOf("seniority=student")).toBeLessThan(-0.4); // planted −1.0
    // A demo spreads over three columns (count, recency, seats): judge its whole effect, planted +1.5.
    const lead = { attributes: { email: "a@acme.example", industry: "Retail" }, events: [] };
    const demo = { id: "d", type: "demo_request", occurredAt: new Date(history.now - 5 * DAY_MS), properties: { seats: 30 } };
    const logOdds = (p: number) => Math.log(p / (1 - p));
    const withDemo = predictLead(model, { ...lead, events: [demo] }, history.now).probability;
    expect(logOdds(withDemo) - logOdds(predictLead(model, lead, history.now).probability)).toBeGreaterThan(0.75);
  });

  test("never sees what happened after an outcome, nor a level too rare to learn", () => {
    // onboarding_call happens only after SQL: a perfect predictor, if it leaked.
    expect(model.columns.some((column) => column.key.includes("onboarding_call"))).toBe(false);
    // Aerospace: every 400th lead, about 6 in training, short of the 12 needed (⌈0.5 % of 2,336⌉).
    expect(model.columns.some((column) => column.key === "industry=aerospace")).toBe(false);
  });

  test("held-out probabilities are calibrated: each well-filled band's rate is near its mean probability", () => {
    // Within three binomial standard errors of what the band's leads were expected to do.
    const filled = evaluation.holdout.bands.filter((band) => band.leads >= 50);
    expect(filled.length).toBeGreaterThanOrEqual(4);
    for (const band of filled) {
      const expected = band.meanScore!;
      expect(Math.abs(band.rate! - expected)).toBeLessThan(3 * Math.sqrt((expected * (1 - expected)) / band.leads));
    }
    const meanProbability = evaluation.holdout.bands.reduce((total, band) => total + (band.meanScore ?? 0) * band.leads, 0) / evaluation.holdout.leads.scored;
    expect(Math.abs(meanProbability - positivesIn(holdout) / holdout.length)).toBeLessThan(0.05);
  });

  test("the holdout is the latest outcomes, and none of them is learned from", () => {
    expect(evaluation.training.leads + evaluation.holdout.leads.scored).toBe(labeled.length);
    expect(evaluation.holdout.leads.scored).toBe(holdoutCount);
    expect(evaluation.training.positives + evaluation.holdout.leads.positives).toBe(positivesIn(labeled));
    expect(evaluation.holdout.leads.positives).toBe(positivesIn(holdout));
    expect(evaluation.holdoutFrom).toBe(holdout[0].outcome.at);
    expect(evaluation.holdoutTo).toBe(byOutcome[byOutcome.length - 1].outcome.at);
    expect(evaluation.holdout.leads.pending).toBe(pending);
  });

  test("changing the held-out leads changes the evaluation, never the model", () => {
    const heldOut = new Set(holdout.map((lead) => lead.id));
    // Every held-out lead becomes a Software VP with three demos: a new level, and more of everything.
    const changed = labeled.map((lead) =>
      heldOut.has(lead.id)
        ? {
            ...lead,
            attributes: { ...lead.attributes, industry: "Newcomer", seniority: "VP" },
            events: [1, 2, 3].map((n) => ({ id: `${lead.id}-x${n}`, type: "demo_request", occurredAt: new Date(lead.outcome.at - n * DAY_MS), properties: {} })),
          }
        : lead,
    );
    const retrained = trainModel({ leads: changed, pending, target: "SQL", rules: DEFAULT_SCORING_RULES });
    if (!retrained.ok) throw new Error(retrained.error);
    expect(retrained.model).toEqual(model);
    expect(retrained.evaluation.holdout.auc).not.toBe(evaluation.holdout.auc);
  });

  test("events at or after an outcome change nothing", () => {
    // Demos and page views (types the model has columns for) at each positive's outcome and a day later.
    const later = labeled.map((lead) => {
      if (!lead.outcome.positive) return lead;
      const at = (type: string, time: number) => ({ id: `${lead.id}-${type}-${time}`, type, occurredAt: new Date(time), properties: { seats: 40 } });
      return { ...lead, events: [...lead.events, at("demo_request", lead.outcome.at), at("page_view", lead.outcome.at + DAY_MS)] };
    });
    expect(trainModel({ leads: later, pending, target: "SQL", rules: DEFAULT_SCORING_RULES })).toEqual(trained);
  });
});

describe("predictLead", () => {
  test("gives each held-out lead the probability the evaluation scored it with", () => {
    const scored = holdout.map((lead) => ({ score: probabilityOf(lead), positive: lead.outcome.positive }));
    expect(rocAuc(scored)).toBeCloseTo(evaluation.holdout.auc!, 12);
    const bands = bandRates(scored, PROBABILITY_EDGES);
    expect(bands.map((band) => band.leads)).toEqual(evaluation.holdout.bands.map((band) => band.leads));
    bands.forEach((band, index) => {
      const expected = evaluation.holdout.bands[index].meanScore;
      if (expected === null) expect(band.meanScore).toBeNull();
      else expect(band.meanScore).toBeCloseTo(expected, 12);
    });
    const brier = scored.reduce((total, item) => total + (item.score - (item.positive ? 1 : 0)) ** 2, 0) / scored.length;
    expect(brier).toBeCloseTo(evaluation.brier, 12);
  });

  const now = history.now;
  const demo = (daysAgo: number) => ({ id: `demo-${daysAgo}`, type: "demo_request", occurredAt: new Date(now - daysAgo * DAY_MS), properties: {} });

  test("lists what raised and what lowered the chance, with the signs of their effects", () => {
    const good = predictLead(model, { attributes: { email: "a@acme.example", industry: "Software", seniority: "VP" }, events: [] }, now);
    const bad = predictLead(model, { attributes: { email: "b@acme.example", industry: "Education", seniority: "Student" }, events: [] }, now);
    expect(good.probability).toBeGreaterThan(bad.probability);
    // Each effect is the column's weight × its value, here 1 for a level.
    expect(good.raising).toContainEqual({ label: "Industry is software", effect: Math.round(weightOf("industry=software") * 100) / 100 });
    expect(good.raising.map((factor) => factor.label)).toContain("Seniority is vp");
    // Events are named by what happened: a lead with nothing else going for it shows its demo both ways.
    const demoOnly = predictLead(model, { attributes: { email: "c@acme.example" }, events: [demo(1)] }, now);
    expect(demoOnly.raising.map((factor) => factor.label).sort()).toEqual(["1 demo_request events", "latest demo_request 1 day ago"]);
    expect(bad.lowering).toContainEqual({ label: "Industry is education", effect: Math.round(weightOf("industry=education") * 100) / 100 });
    expect(bad.lowering.map((factor) => factor.label)).toContain("Seniority is student");
    for (const prediction of [good, bad]) {
      expect(prediction.raising.length).toBeLessThanOrEqual(3);
      expect(prediction.lowering.length).toBeLessThanOrEqual(3);
      // Strongest first, and nothing under 0.05 in log-odds.
      const raising = prediction.raising.map((factor) => factor.effect);
      const lowering = prediction.lowering.map((factor) => factor.effect);
      expect(raising).toEqual([...raising].sort((a, b) => b - a));
      expect(lowering).toEqual([...lowering].sort((a, b) => a - b));
      expect(raising.every((effect) => effect >= 0.05) && lowering.every((effect) => effect <= -0.05)).toBe(true);
    }
  });

  test("the probability is the logistic of intercept + weight × value over the lead's columns", () => {
    // One demo a day ago: count ln 2, recency e^(−1/30); a Software VP; size missing; acme.example.
    const value: Record<string, number> = {
      "industry=software": 1,
      "seniority=vp": 1,
      "emailDomain=acme.example": 1,
      "companySize:missing": 1,
      "event:demo_request:count": Math.log(2),
      "event:demo_request:recency": Math.exp(-1 / 30),
    };
    const z = Object.entries(value).reduce((total, [key, x]) => total + weightOf(key) * x, model.intercept);
    const prediction = predictLead(model, { attributes: { email: "a@acme.example", industry: "Software", seniority: "VP" }, events: [demo(1)] }, now);
    expect(prediction.probability).toBeCloseTo(1 / (1 + Math.exp(-z)), 12);
  });

  test("events dated more than a day after now are not counted yet", () => {
    const lead = { attributes: { email: "a@acme.example", industry: "Retail" }, events: [] };
    expect(predictLead(model, { ...lead, events: [demo(-2)] }, now)).toEqual(predictLead(model, lead, now));
  });

  test("a model with no weights says the intercept's probability and no factors", () => {
    const empty: PredictiveModel = { target: "WON", spec: { features: [] }, columns: [], weights: [], intercept: 0, lambda: 0.01 };
    expect(predictLead(empty, { attributes: { email: "a@acme.example" }, events: [] }, now)).toEqual({ probability: 0.5, raising: [], lowering: [] });
  });
});

describe("trainModel refuses histories it can't learn from", () => {
  // n leads with outcomes on days 0 … n−1; `positive` says which reached the target.
  const leads = (n: number, positive: (index: number) => boolean): LabeledLead[] =>
    Array.from({ length: n }, (_, i) => ({
      id: `l${String(i).padStart(4, "0")}`,
      attributes: { email: `l${i}@acme.example`, industry: i % 2 ? "Software" : "Retail" },
      createdAt: day(i) - 30 * DAY_MS,
      transitions: [],
      events: [],
      outcome: { positive: positive(i), at: day(i) },
    }));
  const train = (history: LabeledLead[]) => trainModel({ leads: history, pending: 0, target: "WON" });

  test.each([
    // 40 leads: 32 to learn from, under 50.
    { name: "too few leads", history: leads(40, (i) => i % 3 === 0), message: "this history has 32 to learn from, 11 reaching it" },
    // 500 leads, positives on days 0–4 only: 400 to learn from, 5 of them positive (10 needed).
    { name: "too few positives", history: leads(500, (i) => i < 5), message: "this history has 400 to learn from, 5 reaching it" },
    { name: "nothing but positives", history: leads(200, () => true), message: "this history has 160 to learn from, 160 reaching it" },
  ])("$name", ({ history, message }) => {
    const result = train(history);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });

  test("no positive among the newest leads: nothing to check the model on", () => {
    // 200 leads, positives on days 0–99 only every other day: the newest 40 (days 160–199) are all negative.
    const result = train(leads(200, (i) => i < 100 && i % 2 === 0));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^None of the newest 40 leads with outcomes reached WON/) });
  });

  test("a learnable small history is accepted", () => {
    expect(train(leads(200, (i) => i % 4 === 0)).ok).toBe(true);
  });
});
