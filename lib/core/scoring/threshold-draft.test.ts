import { describe, expect, test } from "vitest";
import { parseScoringRules } from "./rules-schema";
import type { ThresholdDraft } from "./threshold-draft";
import { fromThresholdDraft, toThresholdDraft } from "./threshold-draft";
import type { MqlThreshold } from "./types";

const draft = (patch: Partial<ThresholdDraft>): ThresholdDraft => ({ thresholdBasis: "points", thresholdTotal: "60", thresholdFit: "", thresholdProbability: "", ...patch });
const rulesWith = (threshold: unknown) => ({ fit: [], engagement: [], disqualify: [], threshold });

describe("toThresholdDraft", () => {
  test.each<[MqlThreshold, ThresholdDraft]>([
    [{ total: 60 }, draft({})],
    [{ total: 60, fit: 20 }, draft({ thresholdFit: "20" })],
    [{ total: 60, probability: 0.3 }, draft({ thresholdBasis: "probability", thresholdProbability: "30" })],
    [{ total: -5, fit: 0, probability: 0.275 }, draft({ thresholdBasis: "probability", thresholdTotal: "-5", thresholdFit: "0", thresholdProbability: "27.5" })],
  ])("%j → %j", (threshold, expected) => {
    expect(toThresholdDraft(threshold)).toEqual(expected);
  });
});

describe("fromThresholdDraft", () => {
  test("on points, the chance is left out even if one was typed before switching", () => {
    expect(fromThresholdDraft(draft({ thresholdFit: "15", thresholdProbability: "40" }))).toEqual({ total: 60, fit: 15, probability: undefined });
  });

  test("on the chance, the percent becomes 0–1 and the points stay", () => {
    expect(fromThresholdDraft(draft({ thresholdBasis: "probability", thresholdFit: "15", thresholdProbability: " 33.3 " }))).toEqual({ total: 60, fit: 15, probability: 0.333 });
  });

  test.each<[MqlThreshold]>([[{ total: 60 }], [{ total: 60, fit: 20 }], [{ total: 60, probability: 0.3 }], [{ total: 0, fit: -10, probability: 0.05 }], [{ total: 1, probability: 0.999 }]])(
    "a saved threshold comes back unchanged: %j",
    (threshold) => {
      const back = fromThresholdDraft(toThresholdDraft(threshold));
      expect(parseScoringRules(rulesWith(back))).toMatchObject({ ok: true, rules: { threshold } });
    },
  );

  test.each([
    [draft({ thresholdBasis: "probability", thresholdProbability: "" }), "threshold.probability"],
    [draft({ thresholdBasis: "probability", thresholdProbability: "lots" }), "threshold.probability"],
    [draft({ thresholdBasis: "probability", thresholdProbability: "0" }), "threshold.probability"],
    [draft({ thresholdBasis: "probability", thresholdProbability: "100" }), "threshold.probability"],
    [draft({ thresholdTotal: "" }), "threshold.total"],
    [draft({ thresholdTotal: "12.5" }), "threshold.total"],
    [draft({ thresholdFit: "x" }), "threshold.fit"],
  ])("what isn't valid reaches the schema, which names the setting: %j", (input, path) => {
    const parsed = parseScoringRules(rulesWith(fromThresholdDraft(input)));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((error) => error.path)).toEqual([path]);
  });
});
