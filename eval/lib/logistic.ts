/**
 * L2-penalised logistic regression fitted by Newton's method (iteratively reweighted least
 * squares) on a small dense design: exact and deterministic, which gradient descent with a
 * step size and a stopping rule is not. The link calibration has under a hundred columns.
 */

export interface LogisticFit {
  /** One weight per column; column 0 is the unpenalised intercept. */
  weights: number[];
  iterations: number;
}

/** Solves A x = b in place by Gaussian elimination with partial pivoting (A is n x n). */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-12) throw new Error('singular system in logistic fit');
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    for (let r = col + 1; r < n; r++) {
      const f = a[r]![col]! / a[col]![col]!;
      if (f === 0) continue;
      for (let c = col; c < n; c++) a[r]![c]! -= f * a[col]![c]!;
      b[r]! -= f * b[col]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let c = r + 1; c < n; c++) s -= a[r]![c]! * x[c]!;
    x[r] = s / a[r]![r]!;
  }
  return x;
}

/**
 * Fits P(y = 1 | x) = sigmoid(w . x). `x[i][0]` must be 1 (the intercept, not penalised); `l2`
 * penalises every other weight, which also keeps columns that never vary (a signal kind no
 * fitted link carried) at 0.
 */
export function fitLogistic(
  x: readonly (readonly number[])[],
  y: readonly number[],
  l2: number,
  maxIterations = 50,
): LogisticFit {
  const d = x[0]?.length ?? 0;
  const w = new Array<number>(d).fill(0);
  let it = 0;
  for (; it < maxIterations; it++) {
    const h: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    const g = new Array<number>(d).fill(0);
    for (let i = 0; i < x.length; i++) {
      const row = x[i]!;
      let z = 0;
      for (let j = 0; j < d; j++) z += w[j]! * row[j]!;
      const p = sigmoid(z);
      const r = y[i]! - p;
      const s = p * (1 - p);
      for (let j = 0; j < d; j++) {
        const xj = row[j]!;
        if (xj === 0) continue;
        g[j]! += r * xj;
        const hj = h[j]!;
        for (let k = j; k < d; k++) hj[k]! += s * xj * row[k]!;
      }
    }
    for (let j = 0; j < d; j++) {
      for (let k = 0; k < j; k++) h[j]![k] = h[k]![j]!;
      if (j > 0) {
        h[j]![j]! += l2;
        g[j]! -= l2 * w[j]!;
      } else h[j]![j]! += 1e-9;
    }
    const step = solve(h, g);
    let biggest = 0;
    for (let j = 0; j < d; j++) {
      w[j]! += step[j]!;
      biggest = Math.max(biggest, Math.abs(step[j]!));
    }
    if (biggest < 1e-8) {
      it++;
      break;
    }
  }
  return { weights: w, iterations: it };
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
