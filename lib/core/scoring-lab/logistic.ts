/*
 * L2-regularized logistic regression on sparse rows, fitted with L-BFGS. Written here rather
 * than taken from a library: the JavaScript ones we found fit dense matrices by plain gradient
 * descent (too slow at 100,000 leads) or are unmaintained; this is about a hundred lines of
 * textbook numerics (Nocedal & Wright, algorithm 7.4), checked by the unit tests against
 * known solutions.
 */

/** Rows in compressed form: row r's entries are at offsets[r] … offsets[r + 1] − 1. */
export type SparseRows = { count: number; columns: number; offsets: Int32Array; indices: Int32Array; values: Float64Array };

export function sparseRows(rows: ReadonlyArray<{ indices: readonly number[]; values: readonly number[] }>, columns: number): SparseRows {
  const offsets = new Int32Array(rows.length + 1);
  rows.forEach((row, index) => (offsets[index + 1] = offsets[index] + row.indices.length));
  const indices = new Int32Array(offsets[rows.length]);
  const values = new Float64Array(offsets[rows.length]);
  rows.forEach((row, index) => {
    indices.set(row.indices, offsets[index]);
    values.set(row.values, offsets[index]);
  });
  return { count: rows.length, columns, offsets, indices, values };
}

export type LogisticModel = { weights: ArrayLike<number>; intercept: number };

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

// log(1 + e^z) without overflow.
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

export function linearPredictor(model: LogisticModel, indices: ArrayLike<number>, values: ArrayLike<number>, from = 0, to = indices.length): number {
  let z = model.intercept;
  for (let k = from; k < to; k++) z += model.weights[indices[k]] * values[k];
  return z;
}

/** Mean log loss plus λ/2 ‖w‖² (the intercept is not penalized), and its gradient into `gradient`. */
function objective(rows: SparseRows, labels: Uint8Array, lambda: number, theta: Float64Array, gradient: Float64Array): number {
  const columns = rows.columns;
  const model = { weights: theta.subarray(0, columns), intercept: theta[columns] };
  gradient.fill(0);
  let loss = 0;
  for (let r = 0; r < rows.count; r++) {
    const from = rows.offsets[r];
    const to = rows.offsets[r + 1];
    const z = linearPredictor(model, rows.indices, rows.values, from, to);
    const y = labels[r];
    loss += softplus(z) - y * z;
    const residual = sigmoid(z) - y;
    for (let k = from; k < to; k++) gradient[rows.indices[k]] += residual * rows.values[k];
    gradient[columns] += residual;
  }
  const n = Math.max(1, rows.count);
  let penalty = 0;
  for (let j = 0; j <= columns; j++) {
    gradient[j] /= n;
    if (j < columns) {
      penalty += theta[j] * theta[j];
      gradient[j] += lambda * theta[j];
    }
  }
  return loss / n + (lambda / 2) * penalty;
}

function dot(a: Float64Array, b: Float64Array): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += a[i] * b[i];
  return total;
}

export type FitOptions = { lambda: number; maxIterations?: number; tolerance?: number; history?: number };

/** Fits weights and intercept minimizing the regularized log loss; stops when the gradient is flat. */
export function fitLogistic(rows: SparseRows, labels: Uint8Array, options: FitOptions): { weights: Float64Array; intercept: number; iterations: number; loss: number } {
  const { lambda, maxIterations = 300, tolerance = 1e-7, history = 10 } = options;
  const size = rows.columns + 1;
  const theta = new Float64Array(size);
  // Start at the base rate, so an uninformative model is already right on average.
  const positives = labels.reduce((total, label) => total + label, 0);
  const rate = Math.min(1 - 1e-6, Math.max(1e-6, positives / Math.max(1, rows.count)));
  theta[rows.columns] = Math.log(rate / (1 - rate));
  let gradient = new Float64Array(size);
  let loss = objective(rows, labels, lambda, theta, gradient);
  const steps: Float64Array[] = [];
  const gradientChanges: Float64Array[] = [];
  const rhos: number[] = [];
  const direction = new Float64Array(size);
  const candidate = new Float64Array(size);
  const candidateGradient = new Float64Array(size);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    if (Math.sqrt(dot(gradient, gradient)) < tolerance) break;
    // Two-loop recursion: direction = −H·gradient with H the L-BFGS inverse-Hessian estimate.
    direction.set(gradient);
    const alphas: number[] = [];
    for (let i = steps.length - 1; i >= 0; i--) {
      const alpha = rhos[i] * dot(steps[i], direction);
      alphas[i] = alpha;
      for (let j = 0; j < size; j++) direction[j] -= alpha * gradientChanges[i][j];
    }
    if (steps.length > 0) {
      const last = steps.length - 1;
      const scale = dot(steps[last], gradientChanges[last]) / dot(gradientChanges[last], gradientChanges[last]);
      for (let j = 0; j < size; j++) direction[j] *= scale;
    }
    for (let i = 0; i < steps.length; i++) {
      const beta = rhos[i] * dot(gradientChanges[i], direction);
      for (let j = 0; j < size; j++) direction[j] += steps[i][j] * (alphas[i] - beta);
    }
    for (let j = 0; j < size; j++) direction[j] = -direction[j];
    let slope = dot(gradient, direction);
    if (slope >= 0) {
      // Not a descent direction (curvature went wrong): fall back to steepest descent.
      for (let j = 0; j < size; j++) direction[j] = -gradient[j];
      slope = -dot(gradient, gradient);
      steps.length = 0;
      gradientChanges.length = 0;
      rhos.length = 0;
    }
    let step = 1;
    let candidateLoss = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let j = 0; j < size; j++) candidate[j] = theta[j] + step * direction[j];
      candidateLoss = objective(rows, labels, lambda, candidate, candidateGradient);
      if (candidateLoss <= loss + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(candidateLoss < loss)) break;
    const s = new Float64Array(size);
    const y = new Float64Array(size);
    for (let j = 0; j < size; j++) {
      s[j] = candidate[j] - theta[j];
      y[j] = candidateGradient[j] - gradient[j];
    }
    const curvature = dot(s, y);
    if (curvature > 1e-12) {
      steps.push(s);
      gradientChanges.push(y);
      rhos.push(1 / curvature);
      if (steps.length > history) {
        steps.shift();
        gradientChanges.shift();
        rhos.shift();
      }
    }
    const improvement = loss - candidateLoss;
    theta.set(candidate);
    gradient = Float64Array.from(candidateGradient);
    loss = candidateLoss;
    if (improvement < tolerance * Math.max(1, Math.abs(loss))) {
      iterations++;
      break;
    }
  }
  return { weights: theta.slice(0, rows.columns), intercept: theta[rows.columns], iterations, loss };
}

export function predictRows(model: LogisticModel, rows: SparseRows): Float64Array {
  const probabilities = new Float64Array(rows.count);
  for (let r = 0; r < rows.count; r++) probabilities[r] = sigmoid(linearPredictor(model, rows.indices, rows.values, rows.offsets[r], rows.offsets[r + 1]));
  return probabilities;
}

/** Mean log loss of probabilities against labels (clipped, so one confident miss is finite). */
export function logLoss(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, probabilities[i]));
    total -= labels[i] ? Math.log(p) : Math.log(1 - p);
  }
  return labels.length > 0 ? total / labels.length : 0;
}
