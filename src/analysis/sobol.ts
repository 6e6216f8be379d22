/**
 * Variance-based global sensitivity: Sobol' first-order and total indices from a Saltelli design.
 *
 * Design (Saltelli 2002; Saltelli et al. 2010): two independent N × k matrices A and B from a
 * 2k-dimensional base sample in the unit cube (A = its first k columns, B = its last k), and for
 * each factor i the matrix AB_i, which is A with column i taken from B. The model is evaluated on
 * every row of A, B and AB_1 … AB_k: N (k + 2) evaluations in all.
 *
 * Base sample: Sobol' points (Joe and Kuo 2008 direction numbers) with a seeded random digital
 * shift, or plain seeded uniform random numbers. Both come from our seeded Rng, so a design is a
 * pure function of (k, N, base, seed).
 *
 * Estimators, with V the variance of f over the rows of A and B together:
 *   first order S_i = (1/N) Σ_j f(B)_j (f(AB_i)_j − f(A)_j) / V       (Sobol 2007; Saltelli et al. 2010, Table 2 (b))
 *   total       T_i = (1/2N) Σ_j (f(A)_j − f(AB_i)_j)² / V            (Jansen 1999; Saltelli et al. 2010, Table 2 (f))
 * with f(B) centred on the mean of A and B. For a stochastic model evaluated as a mean over R
 * replicates, the replicate outputs can be passed to remove the replicate noise from V, V_i and
 * V_Ti (unbiased corrections from the replicates' own (co)variances), so the indices are those
 * of the mean response E[f(x, ω)].
 * Confidence intervals: percentile bootstrap over rows j (the same resampled rows for A, B and
 * every AB_i), with a seeded Rng.
 *
 * Pure functions (no Node APIs), so they run in tests, workers and browsers alike.
 */
import { deriveSeed, Rng } from '../engine/rng.js';
import { quantileSorted } from '../engine/stats.js';

export type SobolBase = 'sobol' | 'random';

// ---------------------------------------------------------------- Sobol' sequence

/**
 * Joe and Kuo (2008) direction numbers, file new-joe-kuo-6.21201, dimensions 2 to 65:
 * "s a m_1 … m_s" (degree and coefficients of the primitive polynomial, initial direction numbers).
 */
const JOE_KUO = `1 0 1
2 1 1 3
3 1 1 3 1
3 2 1 1 1
4 1 1 1 3 3
4 4 1 3 5 13
5 2 1 1 5 5 17
5 4 1 1 5 5 5
5 7 1 1 7 11 19
5 11 1 1 5 1 1
5 13 1 1 1 3 11
5 14 1 3 5 5 31
6 1 1 3 3 9 7 49
6 13 1 1 1 15 21 21
6 16 1 3 1 13 27 49
6 19 1 1 1 15 7 5
6 22 1 3 1 15 13 25
6 25 1 1 5 5 19 61
7 1 1 3 7 11 23 15 103
7 4 1 3 7 13 13 15 69
7 7 1 1 3 13 7 35 63
7 8 1 3 5 9 1 25 53
7 14 1 3 1 13 9 35 107
7 19 1 3 1 5 27 61 31
7 21 1 1 5 11 19 41 61
7 28 1 3 5 3 3 13 69
7 31 1 1 7 13 1 19 1
7 32 1 3 7 5 13 19 59
7 37 1 1 3 9 25 29 41
7 41 1 3 5 13 23 1 55
7 42 1 3 7 3 13 59 17
7 50 1 3 1 3 5 53 69
7 55 1 1 5 5 23 33 13
7 56 1 1 7 7 1 61 123
7 59 1 1 7 9 13 61 49
7 62 1 3 3 5 3 55 33
8 14 1 3 1 15 31 13 49 245
8 21 1 3 5 15 31 59 63 97
8 22 1 3 1 11 11 11 77 249
8 38 1 3 1 11 27 43 71 9
8 47 1 1 7 15 21 11 81 45
8 49 1 3 7 3 25 31 65 79
8 50 1 3 1 1 19 11 3 205
8 52 1 1 5 9 19 21 29 157
8 56 1 3 7 11 1 33 89 185
8 67 1 3 3 3 15 9 79 71
8 70 1 3 7 11 15 39 119 27
8 84 1 1 3 1 11 31 97 225
8 97 1 1 1 3 23 43 57 177
8 103 1 3 7 7 17 17 37 71
8 115 1 3 1 5 27 63 123 213
8 122 1 1 3 5 11 43 53 133
9 8 1 3 5 5 29 17 47 173 479
9 13 1 3 3 11 3 1 109 9 69
9 16 1 1 1 5 17 39 23 5 343
9 22 1 3 1 5 25 15 31 103 499
9 25 1 1 1 11 11 17 63 105 183
9 44 1 1 5 11 9 29 97 231 363
9 47 1 1 5 15 19 45 41 7 383
9 52 1 3 7 7 31 19 83 137 221
9 55 1 1 1 3 23 15 111 223 83
9 59 1 1 5 13 31 15 55 25 161
9 62 1 1 3 13 25 47 39 87 257
9 67 1 1 1 11 21 53 125 249 293`;

/** Dimensions the built-in Sobol' sequence supports (so at most half as many factors in a Saltelli design). */
export const SOBOL_MAX_DIMENSIONS = JOE_KUO.split('\n').length + 1;

const BITS = 32;
const TWO32 = 2 ** 32;

/** Direction numbers v[1..32] (as 32-bit integers) of each dimension. */
function directions(dim: number): Uint32Array[] {
  const rows = JOE_KUO.split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  const out: Uint32Array[] = [];
  for (let d = 0; d < dim; d++) {
    const v = new Uint32Array(BITS + 1);
    if (d === 0) {
      for (let k = 1; k <= BITS; k++) v[k] = 2 ** (BITS - k);
    } else {
      const [s, a, ...m] = rows[d - 1]!;
      for (let k = 1; k <= Math.min(s!, BITS); k++) v[k] = m[k - 1]! * 2 ** (BITS - k);
      for (let k = s! + 1; k <= BITS; k++) {
        let x = v[k - s!]! ^ (v[k - s!]! >>> s!);
        for (let l = 1; l < s!; l++) if ((a! >>> (s! - 1 - l)) & 1) x ^= v[k - l]!;
        v[k] = x;
      }
    }
    out.push(v);
  }
  return out;
}

/**
 * The first n points of the dim-dimensional Sobol' sequence (Gray-code order, starting at the
 * origin), row-major n × dim in [0, 1). With `shift` (one 32-bit integer per dimension), every
 * coordinate is XOR-ed with it: a random digital shift keeps the net's balance and makes the
 * points a seeded sample rather than a fixed grid.
 */
export function sobolSequence(n: number, dim: number, shift?: Uint32Array): Float64Array {
  if (!Number.isInteger(dim) || dim < 1 || dim > SOBOL_MAX_DIMENSIONS)
    throw new RangeError(`sobolSequence: dimension must be an integer from 1 to ${SOBOL_MAX_DIMENSIONS}, got ${dim}`);
  if (!Number.isInteger(n) || n < 0 || n > TWO32) throw new RangeError(`sobolSequence: n must be an integer from 0 to 2^32, got ${n}`);
  const v = directions(dim);
  const x = new Uint32Array(dim);
  const out = new Float64Array(n * dim);
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      // Index (1-based) of the lowest zero bit of i - 1.
      let c = 1;
      let value = i - 1;
      while (value % 2 === 1) {
        value = Math.floor(value / 2);
        c++;
      }
      for (let d = 0; d < dim; d++) x[d] = x[d]! ^ v[d]![c]!;
    }
    for (let d = 0; d < dim; d++) out[i * dim + d] = ((x[d]! ^ (shift?.[d] ?? 0)) >>> 0) / TWO32;
  }
  return out;
}

// ---------------------------------------------------------------- Saltelli design

export interface SaltelliDesign {
  /** Number of factors. */
  readonly k: number;
  /** Base sample size N (rows of A). */
  readonly n: number;
  readonly base: SobolBase;
  /**
   * Points in the unit cube, row-major, N (k + 2) rows of k: rows [0, N) are A, [N, 2N) are B,
   * and [(2 + i) N, (3 + i) N) are AB_i (A with column i from B).
   */
  readonly points: Float64Array;
}

export interface SaltelliOptions {
  readonly seed: string | number;
  /** Default 'sobol'. */
  readonly base?: SobolBase;
}

/** Model evaluations a Saltelli design of k factors and base size n needs. */
export function saltelliCost(k: number, n: number): number {
  return n * (k + 2);
}

export function saltelliDesign(k: number, n: number, opts: SaltelliOptions): SaltelliDesign {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`saltelliDesign: k must be a positive integer, got ${k}`);
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`saltelliDesign: N must be an integer of at least 2, got ${n}`);
  const base = opts.base ?? 'sobol';
  const dim = 2 * k;
  let ab: Float64Array;
  if (base === 'sobol') {
    if (dim > SOBOL_MAX_DIMENSIONS)
      throw new RangeError(
        `saltelliDesign: Sobol' points support at most ${Math.floor(SOBOL_MAX_DIMENSIONS / 2)} factors (use the random base for more)`,
      );
    const r = new Rng(deriveSeed(opts.seed, 'sobol', 'shift'));
    const shift = new Uint32Array(dim);
    for (let d = 0; d < dim; d++) shift[d] = Math.floor(r.next() * TWO32);
    ab = sobolSequence(n, dim, shift);
  } else {
    const r = new Rng(deriveSeed(opts.seed, 'sobol', 'random'));
    ab = new Float64Array(n * dim);
    for (let i = 0; i < ab.length; i++) ab[i] = r.next();
  }
  const points = new Float64Array(saltelliCost(k, n) * k);
  for (let j = 0; j < n; j++) {
    for (let c = 0; c < k; c++) {
      const a = ab[j * dim + c]!;
      const b = ab[j * dim + k + c]!;
      points[j * k + c] = a;
      points[(n + j) * k + c] = b;
      for (let i = 0; i < k; i++) points[((2 + i) * n + j) * k + c] = c === i ? b : a;
    }
  }
  return { k, n, base, points };
}

// ---------------------------------------------------------------- indices

export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

export interface SobolResult {
  readonly k: number;
  readonly n: number;
  /** Variance of the output over A and B (of the mean response when noise-corrected). */
  readonly variance: number;
  readonly s1: Float64Array;
  readonly st: Float64Array;
  /** Percentile bootstrap intervals at `confidence` (empty when bootstrap is 0). */
  readonly s1Ci: readonly Interval[];
  readonly stCi: readonly Interval[];
  readonly bootstrap: number;
  readonly confidence: number;
  /** Whether the estimators were corrected for replicate noise. */
  readonly noiseCorrected: boolean;
}

/** The output of every replicate of every design row, row-major (row r, replicate j at r R + j). */
export interface ReplicateOutputs {
  readonly raw: Float64Array;
  readonly replicates: number;
}

export interface SobolAnalyzeOptions {
  /** Bootstrap resamples (0: no intervals). Default 500. */
  readonly bootstrap?: number;
  /** Default 0.95. */
  readonly confidence?: number;
  /** Seed of the bootstrap resampling. Default 'sobol'. */
  readonly seed?: string | number;
  /**
   * For a stochastic model whose y are means over R >= 2 replicates: the replicate outputs, to
   * remove the replicate noise from the estimators (see `noiseTerms`).
   */
  readonly replicates?: ReplicateOutputs;
}

/**
 * Noise terms of a replicated design, for estimators of the indices of the mean response
 * g(x) = E[f(x, ω)] rather than of the noisy mean over R replicates. With D_ij the replicate-wise
 * difference f(AB_i)_j − f(A)_j (replicate r of every point shares its seeds, so noise common to
 * all points cancels in it), the sample (co)variances over replicates, divided by R, estimate the
 * noise (co)variances of the row means, and are subtracted:
 *   V    = Var(ȳ over A, B) − σ²/R, with σ² the replicate × row interaction mean square over A and B
 *          (the noise not shared by all points; the shared part does not vary between points)
 *   V_i  = mean_j [ (ȳB_j − m) D̄_ij − cov(yB_j, D_ij) / R ]
 *   V_Ti = mean_j [ D̄_ij² − s²(D_ij) / R ] / 2
 * Each correction is unbiased for the noise term it removes under additive noise.
 */
interface NoiseTerms {
  /** σ²/R: noise variance of a row mean, beyond what all points share. */
  readonly meanVar: number;
  /** cov(y_B, D_i)/R and s²(D_i)/R at i n + j. */
  readonly cov1: Float64Array;
  readonly varT: Float64Array;
}

/**
 * Noise variance of a row mean, σ²/R, from replicate outputs (rows × R, row-major): the
 * interaction mean square of a two-way table (rows × replicates), which leaves out noise that all
 * rows share through common random numbers.
 */
export function replicateNoiseVariance(raw: Float64Array, rows: number, R: number): number {
  if (R < 2 || rows < 2) return Number.NaN;
  const rowMean = new Float64Array(rows);
  const colMean = new Float64Array(R);
  let grand = 0;
  for (let row = 0; row < rows; row++)
    for (let r = 0; r < R; r++) {
      const v = raw[row * R + r]!;
      rowMean[row] = rowMean[row]! + v / R;
      colMean[r] = colMean[r]! + v / rows;
      grand += v / (rows * R);
    }
  let ss = 0;
  for (let row = 0; row < rows; row++) for (let r = 0; r < R; r++) ss += (raw[row * R + r]! - rowMean[row]! - colMean[r]! + grand) ** 2;
  return ss / ((rows - 1) * (R - 1)) / R;
}

function noiseTerms(k: number, n: number, o: ReplicateOutputs): NoiseTerms {
  const R = o.replicates;
  const raw = o.raw;
  if (!Number.isInteger(R) || R < 2) throw new RangeError(`sobolAnalyze: the noise correction needs at least 2 replicates, got ${R}`);
  if (raw.length !== saltelliCost(k, n) * R)
    throw new RangeError(`sobolAnalyze: expected ${saltelliCost(k, n) * R} replicate outputs, got ${raw.length}`);
  const meanVar = replicateNoiseVariance(raw.subarray(0, 2 * n * R), 2 * n, R);
  const cov1 = new Float64Array(k * n);
  const varT = new Float64Array(k * n);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < n; j++) {
      const a = j * R;
      const b = (n + j) * R;
      const ab = ((2 + i) * n + j) * R;
      let mb = 0;
      let md = 0;
      for (let r = 0; r < R; r++) {
        mb += raw[b + r]!;
        md += raw[ab + r]! - raw[a + r]!;
      }
      mb /= R;
      md /= R;
      let c = 0;
      let v = 0;
      for (let r = 0; r < R; r++) {
        const d = raw[ab + r]! - raw[a + r]! - md;
        c += (raw[b + r]! - mb) * d;
        v += d * d;
      }
      cov1[i * n + j] = c / (R - 1) / R;
      varT[i * n + j] = v / (R - 1) / R;
    }
  }
  return { meanVar, cov1, varT };
}

/**
 * S1 and ST from the outputs y (one per design row), using rows `rows` of each block (all when
 * omitted). f(B) is centred on the mean of A and B, which leaves the estimator's expectation
 * unchanged and removes the error that grows with the output's mean (Saltelli et al. 2010, §4).
 */
export function sobolIndices(
  k: number,
  n: number,
  y: Float64Array,
  rows?: Int32Array,
  noise?: NoiseTerms,
): { variance: number; s1: Float64Array; st: Float64Array } {
  const m = rows ? rows.length : n;
  const row = (j: number) => (rows ? rows[j]! : j);
  // Mean and variance over A and B together (two-pass for accuracy).
  let sum = 0;
  for (let j = 0; j < m; j++) sum += y[row(j)]! + y[n + row(j)]!;
  const mean = sum / (2 * m);
  let ss = 0;
  for (let j = 0; j < m; j++) {
    const a = y[row(j)]! - mean;
    const b = y[n + row(j)]! - mean;
    ss += a * a + b * b;
  }
  const raw = ss / (2 * m) - (noise ? noise.meanVar : 0);
  const variance = raw > 0 ? raw : Number.NaN;
  const s1 = new Float64Array(k);
  const st = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const off = (2 + i) * n;
    let v1 = 0;
    let vt = 0;
    for (let j = 0; j < m; j++) {
      const r = row(j);
      const fa = y[r]!;
      const fb = y[n + r]! - mean;
      const fab = y[off + r]!;
      v1 += fb * (fab - fa);
      vt += (fa - fab) * (fa - fab);
      if (noise) {
        v1 -= noise.cov1[i * n + r]!;
        vt -= noise.varT[i * n + r]!;
      }
    }
    s1[i] = v1 / m / variance;
    st[i] = vt / (2 * m) / variance;
  }
  return { variance, s1, st };
}

/** Sobol' indices with bootstrap confidence intervals from the outputs of a Saltelli design. */
export function sobolAnalyze(design: SaltelliDesign, y: Float64Array, opts: SobolAnalyzeOptions = {}): SobolResult {
  const { k, n } = design;
  if (y.length !== saltelliCost(k, n)) throw new RangeError(`sobolAnalyze: expected ${saltelliCost(k, n)} outputs, got ${y.length}`);
  const bootstrap = opts.bootstrap ?? 500;
  const confidence = opts.confidence ?? 0.95;
  const noise = opts.replicates ? noiseTerms(k, n, opts.replicates) : undefined;
  const est = sobolIndices(k, n, y, undefined, noise);
  const s1Ci: Interval[] = [];
  const stCi: Interval[] = [];
  if (bootstrap > 0) {
    const r = new Rng(deriveSeed(opts.seed ?? 'sobol', 'bootstrap'));
    const rows = new Int32Array(n);
    const s1b = Array.from({ length: k }, () => new Float64Array(bootstrap));
    const stb = Array.from({ length: k }, () => new Float64Array(bootstrap));
    for (let b = 0; b < bootstrap; b++) {
      for (let j = 0; j < n; j++) rows[j] = r.int(n);
      const e = sobolIndices(k, n, y, rows, noise);
      for (let i = 0; i < k; i++) {
        s1b[i]![b] = e.s1[i]!;
        stb[i]![b] = e.st[i]!;
      }
    }
    for (let i = 0; i < k; i++) {
      s1Ci.push(percentileInterval(s1b[i]!, confidence));
      stCi.push(percentileInterval(stb[i]!, confidence));
    }
  }
  return { k, n, variance: est.variance, s1: est.s1, st: est.st, s1Ci, stCi, bootstrap, confidence, noiseCorrected: noise !== undefined };
}

/** The design seed also seeds the bootstrap. */
export type SobolOptions = SaltelliOptions &
  Omit<SobolAnalyzeOptions, 'seed'> & {
    /** Base sample size N. */
    readonly n: number;
  };

/** Design, evaluate and analyse in one call, for a model on the unit cube [0, 1)^k. */
export function sobol(model: (x: Float64Array) => number, k: number, opts: SobolOptions): SobolResult {
  const design = saltelliDesign(k, opts.n, opts);
  const y = evaluateRows(model, design.points, k);
  return sobolAnalyze(design, y, opts);
}

// ---------------------------------------------------------------- helpers shared with morris.ts

/** Evaluate a model on every row of a row-major point matrix. */
export function evaluateRows(model: (x: Float64Array) => number, points: Float64Array, k: number): Float64Array {
  const rows = points.length / k;
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) y[r] = model(points.subarray(r * k, (r + 1) * k));
  return y;
}

/** Central percentile interval of bootstrap replicates at the given confidence (NaN replicates propagate). */
export function percentileInterval(values: Float64Array, confidence: number): Interval {
  for (const v of values) if (Number.isNaN(v)) return { lo: Number.NaN, hi: Number.NaN };
  const sorted = Float64Array.from(values).sort();
  const tail = (1 - confidence) / 2;
  return { lo: quantileSorted(sorted, tail), hi: quantileSorted(sorted, 1 - tail) };
}
