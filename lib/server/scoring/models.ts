import "server-only";
import { setImmediate as yieldToServer } from "node:timers/promises";
import type { ModelEvaluation, PredictiveModel } from "@/lib/core/scoring-lab/model";
import { trainModel } from "@/lib/core/scoring-lab/model";
import type { Target } from "@/lib/core/scoring-lab/outcomes";
import type { ModelStatus, ModelView } from "@/lib/views/scoring";
import type { JobWork } from "../jobs/background-jobs";
import { runningJob, startJob } from "../jobs/background-jobs";
import { AppError } from "../errors";
import { activeRuleSet } from "./lead-scoring";
import { startRescoreJob } from "../jobs/rescore-job";
import type { ModelRow } from "./model-store";
import { modelStore } from "./model-store";
import { reads, transaction } from "../store/database";
import { labSettings, labeledHistory } from "./lab";

const STRONGEST_SHOWN = 8;

function strongest(model: PredictiveModel): ModelView["strongest"] {
  const weights = model.columns.map((column, index) => ({ label: column.label, weight: Math.round(model.weights[index] * 100) / 100 }));
  return {
    raising: weights.filter((entry) => entry.weight > 0).sort((a, b) => b.weight - a.weight).slice(0, STRONGEST_SHOWN),
    lowering: weights.filter((entry) => entry.weight < 0).sort((a, b) => a.weight - b.weight).slice(0, STRONGEST_SHOWN),
  };
}

function view(row: ModelRow): ModelView {
  return {
    id: row.id,
    version: row.version,
    target: row.target as Target,
    status: row.status as ModelStatus,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
    jobId: row.jobId,
    error: row.error,
    evaluation: row.evaluation ? (JSON.parse(row.evaluation) as ModelEvaluation) : null,
    strongest: row.model ? strongest(JSON.parse(row.model) as PredictiveModel) : null,
  };
}

export async function listModels(): Promise<ModelView[]> {
  return (await modelStore.list(reads())).map(view);
}

export async function getModel(id: string): Promise<ModelView> {
  const row = await modelStore.byId(reads(), id);
  if (!row) throw new AppError("NOT_FOUND", `No model has the id "${id}".`);
  return view(row);
}

/**
 * Trains a model on the history as a background job: the model row exists at once (status
 * "training"), and the job fills it in, or marks it failed with the reason.
 */
export async function startModelTraining(input: { target?: Target; userId: string | null }): Promise<{ model: ModelView; jobId: string }> {
  if (await runningJob("train")) throw new AppError("CONFLICT", "A model is being trained already. Wait until it finishes, then train again.");
  const target = input.target ?? (await labSettings()).target;
  const row = await transaction(async (tx) => {
    const version = ((await modelStore.latestVersion(tx)) ?? 0) + 1;
    return modelStore.insert(tx, { version, target, createdById: input.userId });
  });
  if (!row) throw new AppError("CONFLICT", "Someone started training a model at the same moment. Try again.");
  const jobId = await startJob({ kind: "train", createdById: input.userId, payload: { modelId: row.id, target } satisfies TrainingPayload }, trainingWork);
  await transaction((tx) => modelStore.update(tx, row.id, { jobId }));
  return { model: { ...view(row), jobId }, jobId };
}

type TrainingPayload = { modelId: string; target: Target };

/**
 * Training as a job's work. It has no steps to carry on from: after a restart it trains the
 * same model row again from the start, on the history as it is then.
 */
export const trainingWork: JobWork = async ({ payload, progress }) => {
  const { modelId, target } = payload as TrainingPayload;
  try {
    return await train(modelId, target, progress);
  } catch (error) {
    const message = error instanceof AppError ? error.message : "Training stopped because of an unexpected error.";
    await transaction((tx) => modelStore.update(tx, modelId, { status: "failed", error: message }));
    throw error;
  }
};

async function train(modelId: string, target: Target, progress: (update: { processed: number; total: number }) => Promise<void>) {
  const settings = await labSettings();
  await progress({ processed: 0, total: 3 });
  const history = await labeledHistory({ target, maturityDays: settings.maturityDays, now: Date.now() });
  await progress({ processed: 1, total: 3 });
  await yieldToServer();
  const rules = await activeRuleSet();
  const result = trainModel({ leads: history.labeled, pending: history.pending, target, rules: rules.rules, probabilityThreshold: rules.rules.threshold.probability });
  if (!result.ok) throw new AppError("VALIDATION", result.error);
  await progress({ processed: 2, total: 3 });
  await transaction((tx) => modelStore.update(tx, modelId, { status: "ready", model: JSON.stringify(result.model), evaluation: JSON.stringify(result.evaluation) }));
  await progress({ processed: 3, total: 3 });
  return { modelId, auc: result.evaluation.holdout.auc, rulesAuc: result.evaluation.rulesAuc };
}

/**
 * Makes a trained model the one that scores leads, then re-scores every lead with it as a job.
 * Refused while a re-score runs: leads already done would keep the other model's probability.
 */
export async function activateModel(id: string): Promise<{ model: ModelView; jobId: string }> {
  const model = await getModel(id);
  if (model.status !== "ready") throw new AppError("CONFLICT", model.status === "training" ? "This model is still being trained." : "This model failed to train; train a new one.");
  if (await runningJob("rescore")) throw new AppError("CONFLICT", "Leads are being re-scored right now. Wait until that finishes, then activate the model.");
  await transaction(async (tx) => {
    await modelStore.deactivateAll(tx, id);
    await modelStore.activate(tx, id);
  });
  const jobId = await startRescoreJob(null);
  return { model: { ...model, active: true }, jobId };
}

/** Stops scoring with a model: probabilities are cleared, so no lead shows one from a model no longer in use. */
export async function deactivateModels(): Promise<void> {
  await transaction(async (tx) => {
    await modelStore.deactivateAll(tx);
    await modelStore.clearLeadProbabilities(tx);
  });
}

/** The version and target of the model scoring leads now, or null: what the rules editor and lead pages need of it. */
export async function activeModelSummary(): Promise<{ version: number; target: Target } | null> {
  const row = await modelStore.active(reads());
  return row && { version: row.version, target: row.target as Target };
}
