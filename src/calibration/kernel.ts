/**
 * The perturbation kernel of population Monte Carlo ABC (Beaumont et al. 2009): a particle drawn
 * from the previous population is moved by
 *   - continuous parameters: a multivariate normal step with covariance twice the weighted
 *     covariance of the previous population, in coordinates scaled by each parameter's range
 *     (so parameters of very different magnitude are handled alike);
 *   - integer parameters: an independent discrete Gaussian step on the integers,
 *     P(k | k_j) ∝ exp(−(k − k_j)² / 2σ²) for |k − k_j| ≤ reach, with σ² twice the weighted
 *     variance but σ ≥ 0.5 so that a parameter whose particles agree can still move.
 * Normalising constants are the same for every centre, so densities are returned up to one
 * constant, which cancels when importance weights are normalised.
 * The kernel is plain data (JSON-serialisable) so it can be stored in a checkpoint.
 */
import type { Rng } from '../engine/rng.js';
import { cholesky, multiplyLower, solveLower } from './cholesky.js';
import type { ParameterSpec } from './prior.js';
import { weightedCovariance, weightedVariance } from './weighted.js';

/** Smallest step sd of an integer parameter, in integer units. */
export const MIN_INTEGER_SD = 0.5;

export interface PerturbationKernel {
  /** Indices of the continuous parameters. */
  readonly continuous: readonly number[];
  /** Lower Cholesky factor of the continuous step covariance, in range-scaled coordinates. */
  readonly chol: readonly (readonly number[])[];
  /** Diagonal jitter added to make that covariance positive definite (0 when it already was). */
  readonly jitter: number;
  /** Indices of the integer parameters. */
  readonly integer: readonly number[];
  /** Step sd of each integer parameter (same order as `integer`). */
  readonly sd: readonly number[];
  /** Largest step of each integer parameter. */
  readonly reach: readonly number[];
}

/**
 * Fits the kernel to a weighted population: covariance `scale` × the weighted covariance
 * (Beaumont et al. 2009 use scale = 2, which minimises the Kullback–Leibler divergence between
 * the proposal and the target under a Gaussian approximation; Filippi et al. 2013).
 */
export function fitKernel(
  parameters: readonly ParameterSpec[],
  particles: readonly (readonly number[])[],
  weights: readonly number[],
  scale = 2,
): PerturbationKernel {
  const continuous: number[] = [];
  const integer: number[] = [];
  parameters.forEach((p, i) => {
    (p.integer ? integer : continuous).push(i);
  });
  const scaled = particles.map((theta) => continuous.map((i) => toUnit(parameters[i]!, theta[i]!)));
  const { cov } = weightedCovariance(scaled, weights);
  const { l, jitter } = cholesky(cov.map((row) => row.map((v) => scale * v)));
  const sd: number[] = [];
  const reach: number[] = [];
  for (const i of integer) {
    const p = parameters[i]!;
    const s = Math.max(
      MIN_INTEGER_SD,
      Math.sqrt(
        scale *
          weightedVariance(
            particles.map((t) => t[i]!),
            weights,
          ),
      ),
    );
    sd.push(s);
    reach.push(Math.max(1, Math.min(p.max - p.min, Math.ceil(10 * s))));
  }
  return { continuous, chol: l, jitter, integer, sd, reach };
}

function toUnit(p: ParameterSpec, v: number): number {
  return (v - p.min) / (p.max - p.min);
}

/** A sampler of kernel steps; it precomputes the integer step tables once. */
export interface KernelSampler {
  /** A perturbed copy of `centre` (which is not changed). */
  perturb(centre: readonly number[], rng: Rng): number[];
}

export function kernelSampler(parameters: readonly ParameterSpec[], kernel: PerturbationKernel): KernelSampler {
  const tables = kernel.integer.map((_, k) => {
    const s = kernel.sd[k]!;
    const r = kernel.reach[k]!;
    return Array.from({ length: 2 * r + 1 }, (_, o) => Math.exp(-((o - r) ** 2) / (2 * s * s)));
  });
  const m = kernel.continuous.length;
  return {
    perturb(centre, rng) {
      const theta = centre.slice();
      if (m > 0) {
        const z = Array.from({ length: m }, () => rng.normal());
        const step = multiplyLower(kernel.chol, z);
        kernel.continuous.forEach((i, a) => {
          const p = parameters[i]!;
          theta[i] = centre[i]! + step[a]! * (p.max - p.min);
        });
      }
      kernel.integer.forEach((i, k) => {
        theta[i] = centre[i]! + rng.categorical(tables[k]!) - kernel.reach[k]!;
      });
      return theta;
    },
  };
}

/**
 * log Σ_j exp(logWeights_j) K(x_i | c_j) for every point x_i, up to one additive constant
 * (the kernel's normalisation). −Infinity when no centre can reach x_i.
 */
export function mixtureLogDensities(
  parameters: readonly ParameterSpec[],
  kernel: PerturbationKernel,
  points: readonly (readonly number[])[],
  centres: readonly (readonly number[])[],
  logWeights: readonly number[],
): number[] {
  const whiten = (theta: readonly number[]) =>
    solveLower(
      kernel.chol,
      kernel.continuous.map((i) => toUnit(parameters[i]!, theta[i]!)),
    );
  const a = points.map(whiten);
  const c = centres.map(whiten);
  const m = kernel.continuous.length;
  const terms = new Array<number>(centres.length);
  return points.map((x, i) => {
    const ai = a[i]!;
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < centres.length; j++) {
      const cj = c[j]!;
      let q = 0;
      for (let k = 0; k < m; k++) q += (ai[k]! - cj[k]!) ** 2;
      let lk = -0.5 * q;
      for (let k = 0; k < kernel.integer.length; k++) {
        const idx = kernel.integer[k]!;
        const diff = x[idx]! - centres[j]![idx]!;
        if (Math.abs(diff) > kernel.reach[k]!) {
          lk = Number.NEGATIVE_INFINITY;
          break;
        }
        lk -= (diff * diff) / (2 * kernel.sd[k]! ** 2);
      }
      const t = logWeights[j]! + lk;
      terms[j] = t;
      if (t > max) max = t;
    }
    if (max === Number.NEGATIVE_INFINITY) return max;
    let s = 0;
    for (let j = 0; j < centres.length; j++) s += Math.exp(terms[j]! - max);
    return max + Math.log(s);
  });
}
