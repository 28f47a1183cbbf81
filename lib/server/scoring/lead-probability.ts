import "server-only";
import type { LeadProbability } from "@/lib/views/scoring";
import { explainProbability } from "./lead-scoring";
import { modelStore } from "./model-store";
import { reads } from "../store/database";

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
