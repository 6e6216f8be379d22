/**
 * Variation operators on real-coded genomes in [0, 1]^d: simulated binary crossover (Deb and
 * Agrawal 1995, with the bounded spread of Deb's NSGA-II reference code) and polynomial mutation
 * (Deb and Goyal 1996, the bounded form). Both keep every gene in [0, 1].
 */
import type { Rng } from '../engine/rng.js';

const EPS = 1e-14;

/** Spread factor β_q of bounded SBX for a uniform u, given α = 2 − β^−(η+1). */
function betaQ(u: number, alpha: number, eta: number): number {
  return u <= 1 / alpha ? (u * alpha) ** (1 / (eta + 1)) : (1 / (2 - u * alpha)) ** (1 / (eta + 1));
}

/**
 * Simulated binary crossover of two parents with distribution index η: each gene crosses with
 * probability 1/2 (if the parents differ there), children are placed symmetrically about the
 * parents' mean with a spread whose density decays as β^−(η+2), truncated to [0, 1]. With
 * probability 1 − `probability` the parents are copied unchanged.
 */
export function sbx(p1: readonly number[], p2: readonly number[], eta: number, probability: number, rng: Rng): [number[], number[]] {
  const c1 = p1.slice();
  const c2 = p2.slice();
  if (!(rng.next() < probability)) return [c1, c2];
  for (let i = 0; i < p1.length; i++) {
    const a = p1[i]!;
    const b = p2[i]!;
    // Three draws per gene whatever happens, so one gene's branch never shifts the others' draws.
    const cross = rng.next();
    const u = rng.next();
    const swap = rng.next();
    if (cross > 0.5 || Math.abs(a - b) <= EPS) continue;
    const y1 = Math.min(a, b);
    const y2 = Math.max(a, b);
    const span = y2 - y1;
    const beta1 = 1 + (2 * y1) / span;
    const beta2 = 1 + (2 * (1 - y2)) / span;
    const lo = 0.5 * (y1 + y2 - betaQ(u, 2 - beta1 ** -(eta + 1), eta) * span);
    const hi = 0.5 * (y1 + y2 + betaQ(u, 2 - beta2 ** -(eta + 1), eta) * span);
    const x = Math.min(1, Math.max(0, lo));
    const y = Math.min(1, Math.max(0, hi));
    if (swap < 0.5) {
      c1[i] = y;
      c2[i] = x;
    } else {
      c1[i] = x;
      c2[i] = y;
    }
  }
  return [c1, c2];
}

/**
 * Polynomial mutation with distribution index η: each gene mutates with probability `rate`; the
 * step's density decays as (1 − |δ|)^η and is bounded so the gene stays in [0, 1]. In place.
 */
export function polynomialMutation(genome: number[], eta: number, rate: number, rng: Rng): void {
  const pow = 1 / (eta + 1);
  for (let i = 0; i < genome.length; i++) {
    const hit = rng.next();
    const u = rng.next();
    if (!(hit < rate)) continue;
    const y = genome[i]!;
    let dq: number;
    if (u < 0.5) {
      const xy = 1 - y;
      dq = (2 * u + (1 - 2 * u) * xy ** (eta + 1)) ** pow - 1;
    } else {
      const xy = y;
      dq = 1 - (2 * (1 - u) + 2 * (u - 0.5) * xy ** (eta + 1)) ** pow;
    }
    genome[i] = Math.min(1, Math.max(0, y + dq));
  }
}
