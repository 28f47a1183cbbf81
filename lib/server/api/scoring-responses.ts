import "server-only";
import { z } from "zod";
import type { BacktestReport } from "@/lib/core/scoring-lab/backtest";
import type { Factor, ModelEvaluation } from "@/lib/core/scoring-lab/model";
import { TARGETS } from "@/lib/core/scoring-lab/outcomes";
import type { Band, Decile } from "@/lib/core/scoring-lab/ranking";
import type { Evidence } from "@/lib/core/scoring-lab/suggest";
import { scoringRulesSchema } from "@/lib/core/scoring/rules-schema";
import type { BacktestAnswer, ModelView } from "@/lib/views/scoring";
import type { HistoryResult } from "../ingest/import-history";
import type { SuggestionAnswer } from "../scoring/lab";
import type { apiJob } from "./job-resource";
import type { apiLead } from "./lead-resource";

/*
 * What the scoring lab's endpoints answer, as zod schemas: each is checked against the type the
 * server returns (`satisfies`), the OpenAPI description is generated from them, and the
 * integration tests hold real answers against that description.
 */

const count = z.int().nonnegative();
const share = z.number().min(0).max(1);
const target = z.enum(TARGETS);
const dateTime = z.iso.datetime();

const decile = z.strictObject({
  decile: z.int().min(1).max(10).describe("1 holds the highest scores."),
  leads: count,
  positives: count,
  rate: share,
  lift: z.number().describe("The decile's rate over the overall rate: 2 means twice as likely as an average lead."),
  cumulativeCapture: share.describe("Share of all positives in this decile and those above it."),
  minScore: z.number(),
  maxScore: z.number(),
}) satisfies z.ZodType<Decile>;

const band = z.strictObject({
  from: z.number(),
  to: z.number().describe("Scores in [from, to); the last band includes its upper end."),
  leads: count,
  positives: count,
  rate: share.nullable().describe("Observed share positive; null for an empty band."),
  meanScore: z.number().nullable().describe("Mean score in the band: for a probability, what the model expected."),
}) satisfies z.ZodType<Band>;

const backtestReport = z.strictObject({
  target,
  leads: z.strictObject({ scored: count, positives: count, negatives: count, pending: count.describe("Open leads younger than the maturity window: neither yes nor no yet.") }),
  auc: share.nullable().describe("ROC AUC of the score: 0.5 is chance, 1 perfect; null without both positives and negatives."),
  deciles: z.array(decile),
  bands: z.array(band).describe("Observed outcome rate per score band."),
  threshold: z
    .strictObject({ passed: count, passedShare: share, passedPositives: count, positivesCaptured: share, precision: share.nullable() })
    .describe("Leads that would have met the MQL threshold just before their outcome, and how many of them reached the target."),
  warnings: z.array(z.string()).describe("Why the figures may mislead: too few outcomes, or an AUC too good to be true."),
}) satisfies z.ZodType<BacktestReport>;

export const backtestSchema = backtestReport
  .extend({ maturityDays: z.int().positive(), asOf: dateTime })
  .describe("How a rule set would have ranked the leads of the history, each scored just before its outcome.") satisfies z.ZodType<BacktestAnswer>;

const evidence = z.strictObject({ leads: count, positives: count, rate: share }) satisfies z.ZodType<Evidence>;

// Backtest and the rules stay undescribed here: describing copies a schema, and the copy would be
// written out in full instead of referring to the Backtest and ScoringRules components.
export const suggestionSchema = z
  .strictObject({
    ruleSet: z.strictObject({ note: z.string(), rules: scoringRulesSchema }).describe("Ready to post to /scoring/rule-sets as it is."),
    backtest: backtestSchema,
    activeBacktest: backtestSchema,
    evidence: z.record(z.string(), evidence).describe("Per suggested rule id: its leads, how many reached the target, their rate."),
    learnedFrom: z.strictObject({ leads: count, positives: count }).describe("The older leads the points were learned from."),
  })
  .describe(
    "Points learned from the older four fifths of the history; `backtest` judges them on the newest fifth, which they were not learned from, and `activeBacktest` the active rules on the same leads.",
  ) satisfies z.ZodType<SuggestionAnswer>;

const evaluation = z.strictObject({
  training: z.strictObject({ leads: count, positives: count }),
  holdout: backtestReport.describe("The model's probability backtested on the latest outcomes, never learned from."),
  logLoss: z.number(),
  brier: z.number().describe("Mean squared error of the probability: 0 is perfect."),
  rulesAuc: share.nullable().describe("The rule score's AUC on the same held-out leads, for comparison."),
  probabilityThreshold: share,
  holdoutFrom: z.number().nullable().describe("First outcome of the held-out leads, in ms since 1970."),
  holdoutTo: z.number().nullable(),
}) satisfies z.ZodType<ModelEvaluation>;

const learnedWeight = z.strictObject({ label: z.string(), weight: z.number().describe("In log-odds.") });

export const modelSchema = z.strictObject({
  id: z.string(),
  version: z.int().positive(),
  target,
  status: z.enum(["training", "ready", "failed"]),
  active: z.boolean().describe("Whether this model scores leads now."),
  createdAt: dateTime,
  createdByName: z.string().nullable(),
  jobId: z.string().nullable().describe("The training job."),
  error: z.string().nullable().describe("Why training failed."),
  evaluation: evaluation.nullable().describe("Null until trained."),
  strongest: z
    .strictObject({ raising: z.array(learnedWeight), lowering: z.array(learnedWeight) })
    .nullable()
    .describe("What the model learned most strongly: the columns that raise and lower the chance most."),
}) satisfies z.ZodType<ModelView>;

export const jobSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(["rescore", "import", "train"]),
  status: z.enum(["queued", "running", "succeeded", "failed"]),
  progress: share,
  processed: count,
  total: count,
  failed: count,
  error: z.string().optional().describe("Why it failed; only on failed jobs."),
  result: z.unknown().describe("Once succeeded: a training job gives { modelId, auc, rulesAuc }, a re-score { leads, movedToMql, disqualified, ruleSetVersion }, a CSV import its row counts."),
  resumes: count.describe("How often a server restart interrupted the job; it carried on from its last committed step each time (training starts over)."),
  resumedAt: dateTime.nullable().describe("When it last carried on after a restart; null if never interrupted."),
  createdAt: dateTime,
  updatedAt: dateTime,
}) satisfies z.ZodType<ReturnType<typeof apiJob>>;

const fieldError = z.strictObject({ field: z.string().describe('The field to fix, e.g. "stages.1.at".'), message: z.string() });
const stored = z.strictObject({ stored: count, alreadyKnown: count });

export const historyResultSchema = z.union([
  z.strictObject({ index: count, status: z.enum(["created", "updated"]), leadId: z.string(), events: stored, stages: stored }),
  z.strictObject({ index: count, status: z.literal("error"), errors: z.array(fieldError) }),
]) satisfies z.ZodType<HistoryResult>;

const factor = z.strictObject({ label: z.string(), effect: z.number().describe("In log-odds: how far this raised (positive) or lowered the chance.") }) satisfies z.ZodType<Factor>;

/** What a lead's `score` holds besides the rule points: the active model's probability and why. */
export const leadPredictionSchema = z.strictObject({
  probability: share.nullable().describe(`The active model's chance that the lead reaches the model's target (${TARGETS.join(" or ")}); null without an active model.`),
  modelVersion: z.int().nullable().describe("The model that gave the probability."),
  factors: z.strictObject({ raising: z.array(factor), lowering: z.array(factor) }).nullable().describe("What raised and lowered this lead's probability most."),
}) satisfies z.ZodType<Pick<Awaited<ReturnType<typeof apiLead>>["score"], "probability" | "modelVersion" | "factors">>;
