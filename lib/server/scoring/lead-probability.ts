import "server-only";
import type { ProbabilityTarget } from "@/lib/core/probability";
import type { Factor } from "@/lib/core/scoring-lab/model";
import { explainProbability } from "./lead-scoring";
import { modelStore } from "./model-store";
import { reads } from "../store/database";

/**
 * The active model's chance that the lead reaches the model's target, as last scored, with the
 * factors that raised and lowered it most (effects in log-odds).
 */
export type LeadProbability = { probability: number; target: ProbabilityTarget; modelVersion: number; raising: Factor[]; lowering: Factor[] };

/** The stored probability with its factors, rebuilt from the model that gave it; null when no model scored the lead. */
export async function leadProbability(lead: { id: string; probability: number | null; modelVersion: number | null }): Promise<LeadProbability | null> {
  if (lead.probability === null || lead.modelVersion === null) return null;
  const [explained, target] = await Promise.all([explainProbability(lead.id), modelStore.targetOf(reads(), lead.modelVersion)]);
  if (!explained || !target) return null;
  return {
    probability: lead.probability,
    target: target === "SQL" ? "SQL" : "WON",
    modelVersion: explained.modelVersion,
    raising: explained.raising,
    lowering: explained.lowering,
  };
}
