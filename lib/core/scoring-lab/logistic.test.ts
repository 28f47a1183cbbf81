import { describe, expect, test } from "vitest";
import { fitLogistic, linearPredictor, logLoss, predictRows, sigmoid, sparseRows } from "./logistic";
import { mulberry32 } from "./test-history";

type Row = { indices: number[]; values: number[] };

/** The same objective written densely and naively: mean −log-likelihood + λ/2 ‖w‖², intercept unpenalized. */
function denseObjective(dense: number[][], labels: ArrayLike<number>, lambda: number, weights: ArrayLike<number>, intercept: number): number {
  let loss = 0;
  dense.forEach((x, r) => {
    const p = 1 / (1 + Math.exp(-(intercept + x.reduce((z, value, j) => z + weights[j] * value, 0))));
    loss -= labels[r] ? Math.log(p) : Math.log(1 - p);
  });
  let penalty = 0;
  for (let j = 0; j < weights.length; j++) penalty += weights[j] ** 2;
  return loss / dense.length + (lambda / 2) * penalty;
}

// Three columns drawn from known distributions, labels drawn from a known logistic model:
// x0 ~ Bernoulli(0.5), x1 ~ Uniform(−1, 1), x2 ~ Bernoulli(0.3); log-odds −0.5 + 1.5·x0 − 2·x1 + 0.8·x2.
const TRUE_WEIGHTS = [1.5, -2, 0.8];
const TRUE_INTERCEPT = -0.5;

function synthetic(count: number, seed: number) {
  const random = mulberry32(seed);
  const dense: number[][] = [];
  const labels = new Uint8Array(count);
  for (let r = 0; r < count; r++) {
    const x = [random() < 0.5 ? 1 : 0, 2 * random() - 1, random() < 0.3 ? 1 : 0];
    const z = TRUE_INTERCEPT + x.reduce((total, value, j) => total + TRUE_WEIGHTS[j] * value, 0);
    labels[r] = random() < sigmoid(z) ? 1 : 0;
    dense.push(x);
  }
  const rows = sparseRows(
    dense.map((x): Row => ({ indices: x.flatMap((value, j) => (value !== 0 ? [j] : [])), values: x.filter((value) => value !== 0) })),
    3,
  );
  return { dense, rows, labels };
}

describe("sparseRows", () => {
  test("packs rows end to end, with offsets marking where each starts", () => {
    const rows = sparseRows([{ indices: [0, 2], values: [1, 0.5] }, { indices: [], values: [] }, { indices: [1], values: [-3] }], 3);
    expect(rows.count).toBe(3);
    expect(rows.columns).toBe(3);
    expect(Array.from(rows.offsets)).toEqual([0, 2, 2, 3]);
    expect(Array.from(rows.indices)).toEqual([0, 2, 1]);
    expect(Array.from(rows.values)).toEqual([1, 0.5, -3]);
  });
});

describe("sigmoid and the linear predictor", () => {
  test("values, and no overflow at the extremes", () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(Math.log(3))).toBeCloseTo(0.75, 12); // 3 / (1 + 3)
    expect(sigmoid(-Math.log(3))).toBeCloseTo(0.25, 12);
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
  });

  test("intercept plus each listed weight × value", () => {
    // 0.5 + 2·1 + (−1)·3 = −0.5, using only the entries from 1 to 3 (exclusive).
    expect(linearPredictor({ weights: [2, -1, 10], intercept: 0.5 }, [2, 0, 1, 2], [99, 1, 3, 99], 1, 3)).toBe(-0.5);
  });
});

describe("logLoss", () => {
  test("hand values", () => {
    expect(logLoss([0.5], [1])).toBeCloseTo(Math.LN2, 12);
    // −(ln 0.9 + ln 0.8) / 2 = (0.105361 + 0.223144) / 2 = 0.164252
    expect(logLoss([0.9, 0.2], [1, 0])).toBeCloseTo(0.164252, 6);
    // A certain miss is clipped at 1e-12: −ln(1e-12) = 27.631.
    expect(logLoss([0], [1])).toBeCloseTo(27.631021, 6);
    // Clipping at 1 − 1e-12 leaves 1 − p a few ulps off 1e-12 (doubles near 1 are 1.1e-16 apart), hence 4 digits.
    expect(logLoss([1, 0], [0, 1])).toBeCloseTo(27.631021, 4);
    expect(logLoss([], [])).toBe(0);
  });
});

describe("fitLogistic", () => {
  test("with no columns, the intercept is the log-odds of the base rate", () => {
    // 3 positives of 10: ln(0.3 / 0.7) = −0.847298.
    const rows = sparseRows(Array.from({ length: 10 }, () => ({ indices: [], values: [] })), 0);
    const fit = fitLogistic(rows, Uint8Array.from([1, 1, 1, 0, 0, 0, 0, 0, 0, 0]), { lambda: 0.1 });
    expect(fit.intercept).toBeCloseTo(-0.847298, 6);
    expect(fit.weights).toHaveLength(0);
  });

  test("one yes/no column without a penalty: the exact maximum-likelihood solution", () => {
    // x = 1: 30 rows, 20 positive (2/3); x = 0: 40 rows, 10 positive (1/4). The fit reproduces both rates:
    // intercept = logit(1/4) = ln(1/3) = −1.098612; weight = logit(2/3) − logit(1/4) = ln 2 + ln 3 = ln 6 = 1.791759.
    const rows: Row[] = [...Array.from({ length: 30 }, () => ({ indices: [0], values: [1] })), ...Array.from({ length: 40 }, () => ({ indices: [], values: [] }))];
    const labels = Array.from({ length: 70 }, (_, i) => (i < 20 || (i >= 30 && i < 40) ? 1 : 0));
    const fit = fitLogistic(sparseRows(rows, 1), Uint8Array.from(labels), { lambda: 0 });
    expect(fit.intercept).toBeCloseTo(Math.log(1 / 3), 4);
    expect(fit.weights[0]).toBeCloseTo(Math.log(6), 4);
  });

  const data = synthetic(20_000, 7);

  test("recovers the weights the data was drawn from", () => {
    // With 20,000 rows the standard errors are about 0.03–0.04 (n·p(1−p)·Var(x) ≈ 1,000 per column),
    // so 0.15 is about four of them.
    const fit = fitLogistic(data.rows, data.labels, { lambda: 1e-6 });
    Array.from(fit.weights).forEach((weight, j) => expect(Math.abs(weight - TRUE_WEIGHTS[j])).toBeLessThan(0.15));
    expect(Math.abs(fit.intercept - TRUE_INTERCEPT)).toBeLessThan(0.15);
  });

  test("a larger penalty shrinks every weight toward zero", () => {
    const loose = fitLogistic(data.rows, data.labels, { lambda: 1e-6 });
    const tight = fitLogistic(data.rows, data.labels, { lambda: 0.1 });
    for (let j = 0; j < 3; j++) {
      expect(Math.abs(tight.weights[j])).toBeLessThan(Math.abs(loose.weights[j]) * 0.8);
      expect(Math.sign(tight.weights[j])).toBe(Math.sign(loose.weights[j]));
    }
  });

  test("at the optimum the gradient is zero: checked by finite differences on a dense, naive objective", () => {
    const lambda = 0.01;
    const fit = fitLogistic(data.rows, data.labels, { lambda });
    const params = [...fit.weights, fit.intercept];
    const at = (values: number[]) => denseObjective(data.dense, data.labels, lambda, values.slice(0, 3), values[3]);
    // The loss it reports is the objective at the weights it returns.
    expect(fit.loss).toBeCloseTo(at(params), 9);
    const h = 1e-5;
    params.forEach((_, k) => {
      const up = params.map((value, i) => (i === k ? value + h : value));
      const down = params.map((value, i) => (i === k ? value - h : value));
      expect(Math.abs((at(up) - at(down)) / (2 * h))).toBeLessThan(1e-4);
    });
    // And moving any way from it costs: it is a minimum, not just a flat point.
    for (let k = 0; k < params.length; k++) expect(at(params.map((value, i) => (i === k ? value + 0.05 : value)))).toBeGreaterThan(fit.loss);
  });

  test("calibrated: the mean prediction is the base rate (the intercept is not penalized)", () => {
    const fit = fitLogistic(data.rows, data.labels, { lambda: 0.01 });
    const predictions = predictRows(fit, data.rows);
    const mean = predictions.reduce((total, p) => total + p, 0) / predictions.length;
    const baseRate = data.labels.reduce((total, label) => total + label, 0) / data.labels.length;
    expect(Math.abs(mean - baseRate)).toBeLessThan(1e-4);
  });

  test("predictRows is the sigmoid of each row's linear predictor", () => {
    const model = { weights: [1, -2, 0.5], intercept: 0.25 };
    const predictions = predictRows(model, data.rows);
    for (let r = 0; r < 20; r++) {
      const z = model.intercept + data.dense[r].reduce((total, value, j) => total + model.weights[j] * value, 0);
      expect(predictions[r]).toBeCloseTo(sigmoid(z), 12);
    }
  });

  test("separable data stays finite with a penalty", () => {
    // x = 1 always positive, x = 0 never: without a penalty the weight would run off to infinity.
    const rows = sparseRows([...Array.from({ length: 20 }, () => ({ indices: [0], values: [1] })), ...Array.from({ length: 20 }, () => ({ indices: [], values: [] }))], 1);
    const labels = Uint8Array.from({ length: 40 }, (_, index) => (index < 20 ? 1 : 0));
    const fit = fitLogistic(rows, labels, { lambda: 0.01 });
    expect(Number.isFinite(fit.weights[0]) && Number.isFinite(fit.intercept)).toBe(true);
    expect(fit.weights[0]).toBeGreaterThan(3);
    expect(logLoss(predictRows(fit, rows), labels)).toBeLessThan(0.1);
  });
});
