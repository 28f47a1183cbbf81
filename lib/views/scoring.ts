/*
 * What the scoring pages show (rule sets and their versions, previews, re-scores, the lab's
 * backtests and models, a lead's probability): plain types shared by the services that build them
 * and the components that render them.
 */

import type { ProbabilityTarget } from "@/lib/core/probability";
import type { BacktestReport } from "@/lib/core/scoring-lab/backtest";
import type { Factor, ModelEvaluation, PredictiveModel } from "@/lib/core/scoring-lab/model";
import type { Target } from "@/lib/core/scoring-lab/outcomes";
import type { ScoringRules } from "@/lib/core/scoring/types";

// Built by lib/server/scoring/lab.ts.
export type BacktestAnswer = BacktestReport & { maturityDays: number; asOf: string };

// Built by lib/server/scoring/lead-probability.ts.
/**
 * The active model's chance that the lead reaches the model's target, as last scored, with the
 * factors that raised and lowered it most (effects in log-odds).
 */
export type LeadProbability = { probability: number; target: ProbabilityTarget; modelVersion: number; raising: Factor[]; lowering: Factor[] };

// Built by lib/server/scoring/lead-scoring.ts.
export type ActiveModel = { version: number; model: PredictiveModel };
/** What scores a lead: the active rule set (with the note it was saved with), and the active predictive model if there is one. */
export type ActiveRuleSet = { version: number; rules: ScoringRules; note: string | null; model: ActiveModel | null };

// Built by lib/server/scoring/models.ts.
export type ModelStatus = "training" | "ready" | "failed";
export type LearnedWeight = { label: string; weight: number };
export type ModelView = {
  id: string;
  version: number;
  target: Target;
  status: ModelStatus;
  active: boolean;
  createdAt: string;
  createdByName: string | null;
  jobId: string | null;
  error: string | null;
  evaluation: ModelEvaluation | null;
  /** What the model learned most strongly, in log-odds: the columns that raise and lower the chance most. */
  strongest: { raising: LearnedWeight[]; lowering: LearnedWeight[] } | null;
};

// Built by lib/server/scoring/preview-rules.ts.
export type PreviewContribution = { label: string; points: number };
export type PreviewExample = { id: string; name: string; company: string | null; totalBefore: number; totalAfter: number; topContributions: PreviewContribution[] };
export type RulesPreview = {
  activeVersion: number;
  leads: number;
  becomeMql: number;
  disqualified: number;
  scoresUp: number;
  scoresDown: number;
  averageBefore: number;
  averageAfter: number;
  examples: PreviewExample[];
};

// Built by lib/server/scoring/rescore-all.ts.
export type RescoreSummary = { leads: number; movedToMql: number; disqualified: number; ruleSetVersion: number };

// Built by lib/server/scoring/rule-sets.ts.
export type RuleSetVersion = { version: number; note: string | null; active: boolean; createdAt: string; createdByName: string | null };
