import { percentToProbability, probabilityToPercentText } from "../probability";
import type { MqlThreshold } from "./types";

/*
 * The MQL threshold as the rules editor holds it while a marketer types: what decides (points, or
 * the predictive model's chance) and every input as its text. The points stay in the draft while
 * the chance decides, because the rules always carry them and switching back should find them.
 */

export type ThresholdBasis = "points" | "probability";
export type ThresholdDraft = { thresholdBasis: ThresholdBasis; thresholdTotal: string; thresholdFit: string; thresholdProbability: string };

const text = (value: number | undefined) => (value === undefined ? "" : String(value));

export function toThresholdDraft(threshold: MqlThreshold): ThresholdDraft {
  return {
    thresholdBasis: threshold.probability === undefined ? "points" : "probability",
    thresholdTotal: String(threshold.total),
    thresholdFit: text(threshold.fit),
    thresholdProbability: threshold.probability === undefined ? "" : probabilityToPercentText(threshold.probability),
  };
}

// Not a number becomes null rather than NaN, so the schema names the setting instead of the value vanishing.
function wholeOrNull(value: string): number | null {
  const number = value.trim() === "" ? Number.NaN : Number(value);
  return Number.isFinite(number) ? number : null;
}

/**
 * The threshold as the rules schema expects it; what isn't valid is left for the schema to name
 * (at `threshold.total`, `threshold.fit`, `threshold.probability`). The percent becomes 0–1.
 */
export function fromThresholdDraft(draft: ThresholdDraft): Record<keyof MqlThreshold, unknown> {
  return {
    total: wholeOrNull(draft.thresholdTotal),
    fit: draft.thresholdFit.trim() === "" ? undefined : wholeOrNull(draft.thresholdFit),
    probability: draft.thresholdBasis === "probability" ? percentToProbability(draft.thresholdProbability) : undefined,
  };
}
