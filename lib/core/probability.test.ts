import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { factorStrength, formatProbability, likelihoodLabel, parsePercent, percentRangeBounds, percentToProbability, probabilityPercent, probabilityToPercentText } from "./probability";

describe("probabilityPercent", () => {
  test.each([
    [0, 0],
    [0.001, 1],
    [0.004, 1],
    [0.005, 1],
    [0.194, 19],
    [0.195, 20],
    [0.34, 34],
    [0.996, 99],
    [0.9999, 99],
    [1, 100],
  ])("%d → %d %", (probability, percent) => {
    expect(probabilityPercent(probability)).toBe(percent);
  });

  test("reads as written with a space before the sign", () => {
    expect(formatProbability(0.3412)).toBe("34 %");
  });
});

describe("parsePercent", () => {
  test.each([
    ["0", 0],
    ["25", 25],
    ["100", 100],
    ["101", null],
    ["-5", null],
    ["2.5", null],
    ["", null],
    [null, null],
    [undefined, null],
  ])("%j → %j", (text, expected) => {
    expect(parsePercent(text)).toBe(expected);
  });
});

describe("likelihoodLabel", () => {
  test("names what the model predicts", () => {
    expect(likelihoodLabel("WON")).toBe("Likely to buy");
    expect(likelihoodLabel("SQL")).toBe("Likely to become sales qualified");
  });
});

describe("factorStrength", () => {
  test.each([
    [0.05, "slightly"],
    [-0.39, "slightly"],
    [0.4, "somewhat"],
    [-0.99, "somewhat"],
    [1, "strongly"],
    [-2.5, "strongly"],
  ] as const)("%d is %s", (effect, words) => {
    expect(factorStrength(effect)).toBe(words);
  });
});

describe("threshold percent text", () => {
  test.each([
    ["30", 0.3],
    [" 27.5 ", 0.275],
    ["33.3", 0.333],
    ["7", 0.07],
    ["0", 0],
    ["100", 1],
  ])("%s %% is %d", (text, probability) => {
    expect(percentToProbability(text)).toBe(probability);
  });

  test.each(["", "  ", "abc", "1e400", "-"])("%j is not a number", (text) => {
    expect(percentToProbability(text)).toBeNull();
  });

  test("a stored probability reads back as the same percent text", () => {
    expect(probabilityToPercentText(0.3)).toBe("30");
    expect(probabilityToPercentText(0.275)).toBe("27.5");
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999 }), (hundredths) => {
        const text = String(hundredths / 100);
        expect(probabilityToPercentText(percentToProbability(text)!)).toBe(text);
      }),
    );
  });
});

describe("percentRangeBounds", () => {
  const inside = (bounds: ReturnType<typeof percentRangeBounds>, p: number) =>
    bounds !== null &&
    (bounds.gte === undefined || p >= bounds.gte) &&
    (bounds.gt === undefined || p > bounds.gt) &&
    (bounds.lt === undefined || p < bounds.lt) &&
    (bounds.lte === undefined || p <= bounds.lte);

  test("an open range has no bounds", () => {
    expect(percentRangeBounds({ min: null, max: null })).toBeNull();
  });

  test.each([
    [{ min: 20, max: null }, { gte: 0.195 }],
    [{ min: null, max: 40 }, { lt: 0.405 }],
    [{ min: 0, max: 100 }, { gte: 0, lte: 1 }],
    [{ min: 1, max: 99 }, { gt: 0, lt: 1 }],
    [{ min: 100, max: null }, { gte: 1 }],
    [{ min: null, max: 0 }, { lte: 0 }],
  ])("%j → %j", (range, bounds) => {
    expect(percentRangeBounds(range)).toEqual(bounds);
  });

  test("holds exactly the probabilities whose shown percent is in the range", () => {
    const percent = fc.integer({ min: 0, max: 100 });
    fc.assert(
      fc.property(fc.option(percent, { nil: null }), fc.option(percent, { nil: null }), fc.double({ min: 0, max: 1, noNaN: true }), (min, max, p) => {
        fc.pre(min !== null || max !== null);
        const shown = probabilityPercent(p);
        const expected = (min === null || shown >= min) && (max === null || shown <= max);
        expect(inside(percentRangeBounds({ min, max }), p)).toBe(expected);
      }),
      { numRuns: 2_000 },
    );
  });
});
