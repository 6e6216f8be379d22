/**
 * Deffuant, Neau, Amblard and Weisbuch (2000), bounded confidence.
 *
 * n agents hold opinions uniform on [0,1]. Repeatedly a random pair meets; if their opinions
 * differ by less than the confidence bound d, each moves towards the other by the fraction mu
 * of the difference (x += mu (x' - x), x' += mu (x - x')). A sweep is n meetings. The run stops
 * once no two agents can ever influence each other again: every gap between neighbouring sorted
 * opinions is either below `tol` (same cluster) or above d (different clusters).
 *
 * Published result: the population settles into clusters whose number falls as d rises, about
 * floor(1 / (2d)) major clusters, with consensus for d above roughly 0.3; small marginal clusters
 * (often near the extremes) can appear besides the major ones.
 *
 * Deffuant, G., Neau, D., Amblard, F., & Weisbuch, G. (2000). Mixing beliefs among interacting
 * agents. Advances in Complex Systems, 3(1-4), 87-98. https://doi.org/10.1142/S0219525900000078
 */
import { fmt } from '../engine/format.js';
import { type Phase, RngStreams, runTicks } from '../engine/index.js';
import { avg, checkInt, checkRange, type DockingCheck, type DockOptions, replicateSeed, replicatesOf, withDefaults } from './common.js';

export interface DeffuantParams {
  /** Agents. */
  n: number;
  /** Confidence bound. */
  d: number;
  /** Convergence parameter (0, 0.5]. */
  mu: number;
  /** Safety cap on sweeps. */
  maxSweeps: number;
  /** Opinions closer than this are one cluster; also the convergence tolerance. */
  tol: number;
  /** A cluster is major if it holds at least this share of agents. */
  majorShare: number;
}

export const DEFFUANT_DEFAULTS: Readonly<DeffuantParams> = Object.freeze({
  n: 1000,
  d: 0.2,
  mu: 0.5,
  maxSweeps: 5000,
  tol: 1e-3,
  majorShare: 0.05,
});

export interface DeffuantResult {
  /** All clusters, including marginal ones and lone agents. */
  readonly clusters: number;
  /** Clusters holding at least `majorShare` of the agents. */
  readonly majorClusters: number;
  /** Cluster sizes in opinion order, and their mean opinions. */
  readonly sizes: Int32Array;
  readonly positions: Float64Array;
  readonly sweeps: number;
  readonly converged: boolean;
  readonly opinions: Float64Array;
}

interface DeffuantWorld {
  readonly p: DeffuantParams;
  readonly x: Float64Array;
  readonly rng: ReturnType<RngStreams['stream']>;
}

const PHASES: readonly Phase<DeffuantWorld>[] = [
  {
    name: 'meet',
    run(w) {
      const { n, d, mu } = w.p;
      const x = w.x;
      for (let k = 0; k < n; k++) {
        const a = w.rng.int(n);
        let b = w.rng.int(n - 1);
        if (b >= a) b++;
        const diff = x[b]! - x[a]!;
        if (diff < d && diff > -d) {
          x[a] = x[a]! + mu * diff;
          x[b] = x[b]! - mu * diff;
        }
      }
    },
  },
];

/** Sorted copy-based clustering: splits where neighbouring sorted opinions differ by `tol` or more. */
export function clusterOpinions(opinions: ArrayLike<number>, tol: number): { sizes: Int32Array; positions: Float64Array } {
  const s = Float64Array.from(opinions).sort();
  const sizes: number[] = [];
  const positions: number[] = [];
  let start = 0;
  for (let i = 1; i <= s.length; i++) {
    if (i === s.length || s[i]! - s[i - 1]! >= tol) {
      let sum = 0;
      for (let k = start; k < i; k++) sum += s[k]!;
      sizes.push(i - start);
      positions.push(sum / (i - start));
      start = i;
    }
  }
  return { sizes: Int32Array.from(sizes), positions: Float64Array.from(positions) };
}

function converged(x: Float64Array, sorted: Float64Array, d: number, tol: number): boolean {
  sorted.set(x);
  sorted.sort();
  for (let i = 1; i < sorted.length; i++) {
    const g = sorted[i]! - sorted[i - 1]!;
    if (g >= tol && g < d) return false;
  }
  return true;
}

/** Runs the Deffuant et al. (2000) bounded-confidence model until the clusters are frozen. See the file header. */
export function runDeffuant(params: Partial<DeffuantParams> = {}, seed: string | number = 1): DeffuantResult {
  const p = withDefaults(DEFFUANT_DEFAULTS, params, 'deffuant');
  checkInt('deffuant', 'n', p.n, 2, 10_000_000);
  checkRange('deffuant', 'd', p.d, 0, 1);
  checkRange('deffuant', 'mu', p.mu, 0, 0.5);
  checkInt('deffuant', 'maxSweeps', p.maxSweeps, 1, 10_000_000);
  checkRange('deffuant', 'tol', p.tol, 1e-12, 1);
  checkRange('deffuant', 'majorShare', p.majorShare, 0, 1);
  const streams = new RngStreams(seed, 0);
  const init = streams.stream('init');
  const x = new Float64Array(p.n);
  for (let i = 0; i < p.n; i++) x[i] = init.next();
  const w: DeffuantWorld = { p, x, rng: streams.stream('meetings') };
  const sorted = new Float64Array(p.n);
  let sweeps = 0;
  let done = converged(x, sorted, p.d, p.tol);
  while (!done && sweeps < p.maxSweeps) {
    const step = Math.min(10, p.maxSweeps - sweeps);
    runTicks(w, PHASES, sweeps, sweeps + step);
    sweeps += step;
    done = converged(x, sorted, p.d, p.tol);
  }
  const { sizes, positions } = clusterOpinions(x, p.tol);
  let major = 0;
  for (const s of sizes) if (s >= p.majorShare * p.n) major++;
  return { clusters: sizes.length, majorClusters: major, sizes, positions, sweeps, converged: done, opinions: x };
}

export const DEFFUANT_CITATION =
  'Deffuant, G., Neau, D., Amblard, F., & Weisbuch, G. (2000). Mixing beliefs among interacting agents. Advances in Complex Systems, 3(1-4), 87-98. https://doi.org/10.1142/S0219525900000078';

export const DEFFUANT_BOUNDS = [0.05, 0.1, 0.2, 0.3, 0.5] as const;

/**
 * Docking check over d in {0.05, 0.1, 0.2, 0.3, 0.5} (n = 1000, mu = 0.5). Pass: the mean number
 * of major clusters falls strictly from 0.05 to 0.3 and does not rise from 0.3 to 0.5 (where it is
 * consensus, 1); the mean count of all clusters is non-increasing too; every run converged; and
 * each mean major count lies within max(1.5, 20 %) of floor(1 / (2d)) (at least 1).
 */
export function dockDeffuant(opts: DockOptions = {}): DockingCheck {
  const reps = replicatesOf(opts, 10);
  const major: number[] = [];
  const all: number[] = [];
  let allConverged = true;
  for (const d of DEFFUANT_BOUNDS) {
    const m: number[] = [];
    const a: number[] = [];
    for (let r = 0; r < reps; r++) {
      const x = runDeffuant({ d }, replicateSeed(opts, 'deffuant', r));
      m.push(x.majorClusters);
      a.push(x.clusters);
      allConverged &&= x.converged;
    }
    major.push(avg(m));
    all.push(avg(a));
  }
  const k = DEFFUANT_BOUNDS.length;
  let monotone = true;
  for (let i = 1; i < k; i++) {
    const strict = i < k - 1;
    if (strict ? !(major[i]! < major[i - 1]!) : major[i]! > major[i - 1]!) monotone = false;
    if (all[i]! > all[i - 1]!) monotone = false;
  }
  let nearRule = true;
  DEFFUANT_BOUNDS.forEach((d, i) => {
    const rule = Math.max(1, Math.floor(1 / (2 * d)));
    if (Math.abs(major[i]! - rule) > Math.max(1.5, 0.2 * rule)) nearRule = false;
  });
  const figures: Record<string, number> = {};
  DEFFUANT_BOUNDS.forEach((d, i) => {
    figures[`major@${d}`] = major[i]!;
    figures[`all@${d}`] = all[i]!;
  });
  return {
    id: 'deffuant',
    model: 'Deffuant et al. (2000) bounded confidence',
    citation: DEFFUANT_CITATION,
    published: 'The number of opinion clusters falls as the confidence bound d rises, about floor(1/(2d)).',
    measured: `mean major clusters ${DEFFUANT_BOUNDS.map((d, i) => `${fmt(major[i]!, 1)} (d=${d})`).join(', ')}; all clusters ${all.map((v) => fmt(v, 1)).join(', ')}`,
    criterion:
      'major clusters strictly falling over d = 0.05..0.3, not rising to 0.5, all clusters non-increasing, each within max(1.5, 20%) of floor(1/(2d)), all runs converged',
    pass: monotone && nearRule && allConverged,
    replicates: reps,
    figures,
  };
}
