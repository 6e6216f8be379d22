// Allocation-free summary statistics for the per-tick observer.

/** Arithmetic mean of the first n entries (default all); NaN when n is 0. */
export function mean(a: ArrayLike<number>, n: number = a.length): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i]!;
  return s / n;
}

/**
 * Gini coefficient of the first n values of `a`, already in ascending order (not changed), and
 * `zeros` values of 0: G = Σ (2i − N − 1) x_(i) / (N Σ x) over all N = n + zeros ascending values;
 * 0 when empty or all zero.
 */
export function giniSorted(a: ArrayLike<number>, n: number, zeros = 0): number {
  if (n === 0) return 0;
  // `zeros` more values of 0 sit below the sorted ones (cheaper than sorting them too).
  const total = n + zeros;
  let num = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    num += (2 * (zeros + i + 1) - total - 1) * a[i]!;
    sum += a[i]!;
  }
  return sum > 0 ? num / (total * sum) : 0;
}

/**
 * The q-quantile of ascending values, interpolating linearly between order statistics at (n − 1) q
 * (Hyndman and Fan's type 7, the default of R and NumPy); NaN when empty. Reads the first n values.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number, n: number = sorted.length): number {
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Clamps to [0,1]; NaN passes through so bad inputs stay visible. */
export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/**
 * Weighted Gini coefficient of the first n values (non-negative) with non-negative weights:
 *
 *   G = Σ_i Σ_j w_i w_j |x_i − x_j| / (2 W² μ),   W = Σ w_i,  μ = Σ w_i x_i / W.
 *
 * This is the population (uncorrected) Gini, so an integer weight is exactly equivalent to
 * duplicating the value; e.g. [0,0,0,1] with equal weights gives 0.75. Computed in O(n log n) by
 * sorting (x, w) pairs by x and using Σ_{i<j} w_i w_j (x_j − x_i) = Σ_j w_j (x_j·W_<j − S_<j),
 * where W_<j and S_<j are the running sums of w and w·x, so G = Σ_j w_j (x_j W_<j − S_<j) / (W·S).
 * `scratch` (length >= 2n) holds the pairs; returns 0 when empty, all equal, or the total is 0.
 */
export function weightedGini(values: ArrayLike<number>, weights: ArrayLike<number>, n: number, scratch: Float64Array): number {
  if (scratch.length < 2 * n) throw new RangeError(`weightedGini: scratch needs ${2 * n} entries`);
  for (let i = 0; i < n; i++) {
    scratch[i] = values[i]!;
    scratch[n + i] = weights[i]!;
  }
  heapSortPairs(scratch, n);
  let wBefore = 0;
  let sBefore = 0;
  let acc = 0;
  for (let j = 0; j < n; j++) {
    const x = scratch[j]!;
    const w = scratch[n + j]!;
    acc += w * (x * wBefore - sBefore);
    wBefore += w;
    sBefore += w * x;
  }
  const denom = wBefore * sBefore;
  return denom > 0 ? acc / denom : 0;
}

// In-place heapsort of keys a[0..n) ascending, carrying a[n..2n) along. Heapsort because it
// needs no extra memory or recursion (typed-array sort cannot carry a second array).
function heapSortPairs(a: Float64Array, n: number): void {
  for (let i = (n >> 1) - 1; i >= 0; i--) siftDown(a, n, i, n);
  for (let end = n - 1; end > 0; end--) {
    swap(a, n, 0, end);
    siftDown(a, n, 0, end);
  }
}

function siftDown(a: Float64Array, n: number, i: number, size: number): void {
  for (;;) {
    const l = 2 * i + 1;
    if (l >= size) return;
    const r = l + 1;
    const c = r < size && a[r]! > a[l]! ? r : l;
    if (!(a[c]! > a[i]!)) return;
    swap(a, n, i, c);
    i = c;
  }
}

function swap(a: Float64Array, n: number, i: number, j: number): void {
  const k = a[i]!;
  a[i] = a[j]!;
  a[j] = k;
  const w = a[n + i]!;
  a[n + i] = a[n + j]!;
  a[n + j] = w;
}

/**
 * Gini coefficient of non-negative integer counts (equal weights) in O(n + max) with a histogram,
 * so it can run every tick: G = sum_i (2i - m - 1) x_(i) / (m sum x) over the m values >= `min`
 * in ascending order, the same uncorrected formula as weightedGini. `min = 1` gives the
 * inequality among those with a positive count. `hist` is scratch and must exceed the maximum.
 */
export function countGini(values: Int32Array, n: number, hist: Int32Array, min = 0): number {
  let max = 0;
  let total = 0;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < min) continue;
    if (v > max) max = v;
    total += v;
    m++;
  }
  if (m === 0 || total === 0) return 0;
  if (max >= hist.length) throw new RangeError(`countGini: value ${max} exceeds histogram size ${hist.length}`);
  hist.fill(0, 0, max + 1);
  for (let i = 0; i < n; i++) if (values[i]! >= min) hist[values[i]!]!++;
  let num = 0;
  let k = 0;
  for (let v = min; v <= max; v++) {
    const c = hist[v]!;
    if (c === 0) continue;
    num += v * (2 * c * k + c * (c + 1) - c * (m + 1));
    k += c;
  }
  return num / (m * total);
}
