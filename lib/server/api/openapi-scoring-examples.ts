import "server-only";
import { DEFAULT_SCORING_RULES } from "@/lib/core/scoring/default-rules";
import type { OperationExample } from "./openapi-examples";

/* Examples for the history import, the scoring lab and jobs (see openapi-examples.ts). */

const MODEL_ID = "cm4yb2v0k0003lg8zmodel001";
const RESCORE_JOB_ID = "cm4yb2v0k0004lg8zjob00001";
const TRAIN_JOB_ID = "cm4yb2v0k0005lg8zjob00002";

/** A short but complete rule set: two fit rules, two engagement rules, one disqualifying rule. */
const rules = {
  fit: DEFAULT_SCORING_RULES.fit.filter((rule) => ["size-200-999", "seniority-vp"].includes(rule.id)),
  engagement: DEFAULT_SCORING_RULES.engagement.slice(0, 2),
  disqualify: DEFAULT_SCORING_RULES.disqualify.slice(0, 1),
  threshold: DEFAULT_SCORING_RULES.threshold,
};

const report = {
  target: "WON",
  leads: { scored: 2721, positives: 470, negatives: 1472, pending: 779 },
  auc: 0.67,
  deciles: [
    { decile: 1, leads: 272, positives: 95, rate: 0.349, lift: 2.02, cumulativeCapture: 0.202, minScore: 96, maxScore: 141 },
    { decile: 2, leads: 272, positives: 71, rate: 0.261, lift: 1.51, cumulativeCapture: 0.353, minScore: 84, maxScore: 95 },
  ],
  bands: [
    { from: 0, to: 40, leads: 811, positives: 61, rate: 0.075, meanScore: 24.6 },
    { from: 40, to: 80, leads: 1302, positives: 214, rate: 0.164, meanScore: 61.2 },
    { from: 80, to: 141, leads: 608, positives: 195, rate: 0.321, meanScore: 97.8 },
  ],
  threshold: { passed: 612, passedShare: 0.225, passedPositives: 190, positivesCaptured: 0.404, precision: 0.31 },
  warnings: [],
};
const backtest = { ...report, maturityDays: 90, asOf: "2026-11-24T00:00:00.000Z" };

const job = (id: string, kind: "rescore" | "train", status: "queued" | "succeeded", result: unknown) => ({
  id,
  kind,
  status,
  progress: status === "succeeded" ? 1 : 0,
  processed: status === "succeeded" ? 3500 : 0,
  total: kind === "rescore" ? 3500 : 0,
  failed: 0,
  result,
  resumes: 0,
  resumedAt: null,
  createdAt: "2026-11-24T10:15:00.000Z",
  updatedAt: status === "succeeded" ? "2026-11-24T10:15:21.000Z" : "2026-11-24T10:15:00.000Z",
});
const queuedRescore = job(RESCORE_JOB_ID, "rescore", "queued", null);

const model = {
  id: MODEL_ID,
  version: 3,
  target: "WON",
  status: "ready",
  active: false,
  createdAt: "2026-11-24T10:20:00.000Z",
  createdByName: "Morgan Manager",
  jobId: TRAIN_JOB_ID,
  error: null,
  evaluation: {
    training: { leads: 2177, positives: 376 },
    holdout: { ...report, auc: 0.81 },
    logLoss: 0.41,
    brier: 0.12,
    rulesAuc: 0.66,
    probabilityThreshold: 0.3,
    holdoutFrom: 1759276800000,
    holdoutTo: 1763942400000,
  },
  strongest: {
    raising: [{ label: "plan_interest: enterprise", weight: 1.12 }, { label: "demo_request events", weight: 0.87 }],
    lowering: [{ label: "source: content_syndication", weight: -0.64 }],
  },
};
const training = { ...model, status: "training", evaluation: null, strongest: null };

export const SCORING_EXAMPLES: Record<string, OperationExample> = {
  "POST /history": {
    body: {
      records: [
        {
          lead: { email: "grace@oldco.example", company: "Oldco", industry: "Software", createdAt: "2025-01-10T09:00:00Z" },
          events: [{ type: "demo_request", occurredAt: "2025-01-20T10:00:00Z" }],
          stages: [
            { stage: "MQL", at: "2025-01-21T09:00:00Z" },
            { stage: "WON", at: "2025-03-02T12:00:00Z" },
          ],
        },
      ],
    },
    response: {
      status: "200",
      body: {
        results: [{ index: 0, status: "created", leadId: "cm4yb2v0k0006lg8zlead0002", events: { stored: 1, alreadyKnown: 0 }, stages: { stored: 2, alreadyKnown: 0 } }],
        summary: { created: 1, updated: 0, failed: 0 },
      },
    },
  },
  "POST /scoring/backtest": { body: { target: "WON" }, response: { status: "200", body: { backtest } } },
  "POST /scoring/suggestions": {
    body: { target: "WON" },
    response: {
      status: "200",
      body: {
        ruleSet: { note: "Suggested from 2,177 leads with an outcome (target WON)", rules },
        backtest: { ...backtest, auc: 0.82 },
        activeBacktest: { ...backtest, auc: 0.66 },
        evidence: { "size-200-999": { leads: 640, positives: 141, rate: 0.22 } },
        learnedFrom: { leads: 2177, positives: 376 },
      },
    },
  },
  "POST /scoring/rule-sets": {
    body: { rules, note: "Mid-size companies and VPs up", activate: true },
    response: { status: "201", body: { ruleSet: { version: 2, active: true }, job: queuedRescore } },
  },
  "POST /scoring/models": { body: { target: "WON" }, response: { status: "202", body: { model: training, job: job(TRAIN_JOB_ID, "train", "queued", null) } } },
  "GET /scoring/models": { response: { status: "200", body: { models: [model] } } },
  "GET /scoring/models/{id}": { parameters: { id: MODEL_ID }, response: { status: "200", body: { model } } },
  "POST /scoring/models/{id}/activate": { parameters: { id: MODEL_ID }, response: { status: "200", body: { model: { ...model, active: true }, job: queuedRescore } } },
  "GET /jobs/{id}": {
    parameters: { id: RESCORE_JOB_ID },
    response: { status: "200", body: { job: job(RESCORE_JOB_ID, "rescore", "succeeded", { leads: 3500, movedToMql: 12, disqualified: 0, ruleSetVersion: 2 }) } },
  },
};
