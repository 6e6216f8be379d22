/**
 * Morris elementary-effects screening (Morris 1991), with the μ* measure of Campolongo, Cariboni
 * and Saltelli (2007).
 *
 * Design: r trajectories ("one factor at a time" paths) on a p-level grid of the unit cube
 * {0, 1/(p−1), …, 1}^k, with step Δ = p / (2(p−1)) (p even). A trajectory starts at a random grid
 * point from which every factor can move by Δ (the start is uniform over the p levels of each
 * factor) and then moves the k factors once each, by +Δ or −Δ, in a random order: k + 1 points, so
 * r (k + 1) evaluations in all. The randomness comes from our seeded Rng.
 *
 * Measures per factor i, over its r elementary effects EE_i = (f(x + Δ e_i) − f(x)) / Δ, with Δ in
 * units of the factor's range (so effects are comparable across factors):
 *   μ  = mean EE (signed: effects of opposite sign cancel),
 *   μ* = mean |EE| (overall importance; Campolongo et al. 2007),
 *   σ  = standard deviation of EE (n − 1): non-linearity or interactions with other factors.
 * A percentile bootstrap over trajectories (seeded) gives a confidence interval for μ*.
 *
 * Pure functions (no Node APIs).
 */
import { deriveSeed, Rng } from '../engine/rng.js';
import { evaluateRows, type Interval, percentileInterval, type ReplicateOutputs } from './sobol.js';

export interface MorrisDesign {
  readonly k: number;
  /** Number of trajectories r. */
  readonly trajectories: number;
  /** Grid levels p. */
  readonly levels: number;
  /** Step Δ = p / (2(p − 1)), in units of each factor's range. */
  readonly delta: number;
  /** Points in the unit cube, row-major: trajectory t, step s (0..k) is row t (k + 1) + s. */
  readonly points: Float64Array;
  /** The factor that changes between step s and s + 1 of trajectory t: index t k + s. */
  readonly changed: Int32Array;
}

export interface MorrisDesignOptions {
  readonly trajectories: number;
  /** Even, at least 2. Default 4. */
  readonly levels?: number;
  readonly seed: string | number;
}

/** Model evaluations of a Morris design. */
export function morrisCost(k: number, trajectories: number): number {
  return trajectories * (k + 1);
}

export function morrisDesign(k: number, opts: MorrisDesignOptions): MorrisDesign {
  const r = opts.trajectories;
  const p = opts.levels ?? 4;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`morrisDesign: k must be a positive integer, got ${k}`);
  if (!Number.isInteger(r) || r < 2) throw new RangeError(`morrisDesign: trajectories must be an integer of at least 2, got ${r}`);
  if (!Number.isInteger(p) || p < 2 || p % 2 !== 0)
    throw new RangeError(`morrisDesign: levels must be an even integer of at least 2, got ${p}`);
  const rng = new Rng(deriveSeed(opts.seed, 'morris', 'design'));
  const delta = p / (2 * (p - 1));
  const half = p / 2;
  const points = new Float64Array(morrisCost(k, r) * k);
  const changed = new Int32Array(r * k);
  const x = new Float64Array(k);
  const dir = new Int8Array(k);
  const order = new Int32Array(k);
  for (let t = 0; t < r; t++) {
    for (let i = 0; i < k; i++) {
      // Lower end of the factor's move: one of the first p/2 levels, so lower + Δ is still on the grid.
      const lower = rng.int(half) / (p - 1);
      dir[i] = rng.next() < 0.5 ? 1 : -1;
      x[i] = dir[i] === 1 ? lower : lower + delta;
      order[i] = i;
    }
    rng.shuffle(order);
    const row0 = t * (k + 1);
    points.set(x, row0 * k);
    for (let s = 0; s < k; s++) {
      const i = order[s]!;
      x[i] = x[i]! + dir[i]! * delta;
      changed[t * k + s] = i;
      points.set(x, (row0 + s + 1) * k);
    }
  }
  return { k, trajectories: r, levels: p, delta, points, changed };
}

export interface MorrisResult {
  readonly k: number;
  readonly trajectories: number;
  /** Elementary effects, row-major r × k (trajectory t, factor i at t k + i). */
  readonly effects: Float64Array;
  readonly mu: Float64Array;
  readonly muStar: Float64Array;
  readonly sigma: Float64Array;
  /** Percentile bootstrap interval of μ* over trajectories (empty when bootstrap is 0). */
  readonly muStarCi: readonly Interval[];
  readonly bootstrap: number;
  readonly confidence: number;
  /**
   * With replicate outputs: per factor, the standard deviation of an elementary effect that comes
   * from replicate noise alone, sqrt(mean over trajectories of s²(EE over replicates) / R).
   * Effects and σ of this size cannot be told from noise. Null without replicates.
   */
  readonly effectNoise: Float64Array | null;
}

export interface MorrisAnalyzeOptions {
  /** Bootstrap resamples of the trajectories for the μ* interval (0: none). Default 1000. */
  readonly bootstrap?: number;
  /** Default 0.95. */
  readonly confidence?: number;
  /** Seed of the bootstrap resampling. Default 'morris'. */
  readonly seed?: string | number;
  /** For a stochastic model whose y are means over R >= 2 replicates: the replicate outputs. */
  readonly replicates?: ReplicateOutputs;
}

/** Elementary effects and μ, μ*, σ from the outputs y (one per design row). */
export function morrisAnalyze(design: MorrisDesign, y: Float64Array, opts: MorrisAnalyzeOptions = {}): MorrisResult {
  const { k, trajectories: r, points, changed } = design;
  if (y.length !== morrisCost(k, r)) throw new RangeError(`morrisAnalyze: expected ${morrisCost(k, r)} outputs, got ${y.length}`);
  const effects = new Float64Array(r * k);
  for (let t = 0; t < r; t++) {
    const row0 = t * (k + 1);
    for (let s = 0; s < k; s++) {
      const i = changed[t * k + s]!;
      const step = points[(row0 + s + 1) * k + i]! - points[(row0 + s) * k + i]!;
      effects[t * k + i] = (y[row0 + s + 1]! - y[row0 + s]!) / step;
    }
  }
  const mu = new Float64Array(k);
  const muStar = new Float64Array(k);
  const sigma = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let sum = 0;
    let abs = 0;
    for (let t = 0; t < r; t++) {
      sum += effects[t * k + i]!;
      abs += Math.abs(effects[t * k + i]!);
    }
    mu[i] = sum / r;
    muStar[i] = abs / r;
    let ss = 0;
    for (let t = 0; t < r; t++) ss += (effects[t * k + i]! - mu[i]!) ** 2;
    sigma[i] = Math.sqrt(ss / (r - 1));
  }
  const bootstrap = opts.bootstrap ?? 1000;
  const confidence = opts.confidence ?? 0.95;
  const muStarCi: Interval[] = [];
  if (bootstrap > 0) {
    const rng = new Rng(deriveSeed(opts.seed ?? 'morris', 'bootstrap'));
    const reps = Array.from({ length: k }, () => new Float64Array(bootstrap));
    const pick = new Int32Array(r);
    for (let b = 0; b < bootstrap; b++) {
      for (let t = 0; t < r; t++) pick[t] = rng.int(r);
      for (let i = 0; i < k; i++) {
        let abs = 0;
        for (let t = 0; t < r; t++) abs += Math.abs(effects[pick[t]! * k + i]!);
        reps[i]![b] = abs / r;
      }
    }
    for (let i = 0; i < k; i++) muStarCi.push(percentileInterval(reps[i]!, confidence));
  }
  const effectNoise = opts.replicates ? morrisEffectNoise(design, opts.replicates) : null;
  return { k, trajectories: r, effects, mu, muStar, sigma, muStarCi, bootstrap, confidence, effectNoise };
}

function morrisEffectNoise(design: MorrisDesign, o: ReplicateOutputs): Float64Array {
  const { k, trajectories: r, points, changed } = design;
  const R = o.replicates;
  if (!Number.isInteger(R) || R < 2) throw new RangeError(`morrisAnalyze: replicate noise needs at least 2 replicates, got ${R}`);
  if (o.raw.length !== morrisCost(k, r) * R)
    throw new RangeError(`morrisAnalyze: expected ${morrisCost(k, r) * R} replicate outputs, got ${o.raw.length}`);
  const out = new Float64Array(k);
  const ee = new Float64Array(R);
  for (let t = 0; t < r; t++) {
    const row0 = t * (k + 1);
    for (let s = 0; s < k; s++) {
      const i = changed[t * k + s]!;
      const step = points[(row0 + s + 1) * k + i]! - points[(row0 + s) * k + i]!;
      let m = 0;
      for (let j = 0; j < R; j++) {
        ee[j] = (o.raw[(row0 + s + 1) * R + j]! - o.raw[(row0 + s) * R + j]!) / step;
        m += ee[j]! / R;
      }
      let ss = 0;
      for (let j = 0; j < R; j++) ss += (ee[j]! - m) ** 2;
      out[i] = out[i]! + ss / (R - 1) / R / r;
    }
  }
  for (let i = 0; i < k; i++) out[i] = Math.sqrt(out[i]!);
  return out;
}

/** The design seed also seeds the bootstrap. */
export type MorrisOptions = MorrisDesignOptions & Omit<MorrisAnalyzeOptions, 'seed'>;

/** Design, evaluate and analyse in one call, for a model on the unit cube [0, 1]^k. */
export function morris(model: (x: Float64Array) => number, k: number, opts: MorrisOptions): MorrisResult {
  const design = morrisDesign(k, opts);
  return morrisAnalyze(design, evaluateRows(model, design.points, k), opts);
}
