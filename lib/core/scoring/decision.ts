import type { Stage } from "../stages";
import type { MqlThreshold, ScoreResult } from "./types";

export type AutomaticMove = { move: "markMql" | "disqualify"; reason: string; reasonCode?: string };

/**
 * The move the system makes on its own after scoring, if any. Deliberately narrow: it only
 * promotes LEAD → MQL and auto-disqualifies LEAD/MQL. It never demotes an MQL whose score
 * dropped, never touches a lead sales has accepted, and never re-promotes a lead a person sent
 * back to marketing — those are people's decisions.
 *
 * `threshold` is the one the result was measured against (the rule set's); the result itself
 * only says whether it was met, and the reason has to name it.
 */
export function automaticMove(input: {
  stage: Stage;
  result: Omit<ScoreResult, "contributions">;
  threshold: MqlThreshold;
  /** A person sent the lead back to marketing: only a person makes it an MQL again. */
  returnedByPerson?: boolean;
  /** The active predictive model's chance for the lead; null or absent without one. */
  probability?: number | null;
}): AutomaticMove | null {
  const { stage, result, threshold } = input;
  const probability = input.probability ?? null;
  if (stage === "LEAD" || stage === "MQL") {
    const flag = result.flags.find((candidate) => candidate.action === "disqualify");
    if (flag) {
      // The score too, so the timeline shows where the lead stood when the rule took it out.
      return { move: "disqualify", reason: `Disqualified by the rule "${flag.label}": ${flag.reason}; ${describeScore(result).toLowerCase()}`, reasonCode: flag.reasonCode };
    }
  }
  if (stage !== "LEAD" || input.returnedByPerson) return null;
  if (threshold.probability !== undefined) {
    // Without a probability (no active model) nothing is promoted: points are not the rule here.
    if (probability === null || probability < threshold.probability) return null;
    return {
      move: "markMql",
      reason: `Likely to convert: ${percent(probability)} reached the MQL threshold of ${percent(threshold.probability)}; ${describeScore(result).toLowerCase()}`,
    };
  }
  if (result.meetsThreshold) {
    return { move: "markMql", reason: `${describeScore(result)} reached the MQL threshold of ${describeThreshold(threshold)}` };
  }
  return null;
}

function percent(probability: number): string {
  return `${Math.round(probability * 1000) / 10} %`;
}

function describeScore(result: Omit<ScoreResult, "contributions">): string {
  return `Score ${result.total} (fit ${result.fit}, engagement ${result.engagement})`;
}

function describeThreshold(threshold: MqlThreshold): string {
  return threshold.fit === undefined ? `${threshold.total}` : `${threshold.total} with fit at least ${threshold.fit}`;
}
