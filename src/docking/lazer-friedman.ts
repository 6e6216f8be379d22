/**
 * Lazer and Friedman (2007), parallel problem solving on a network.
 *
 * The problem is a Kauffman NK landscape (N = 20 bits, each bit's contribution depends on itself
 * and K = 5 other randomly chosen bits; contributions uniform on [0,1); the score of a solution
 * is the mean contribution). Scores are normalised by the landscape's global maximum, found by
 * enumerating all 2^N solutions. Each of 100 agents starts with a random solution. Every round,
 * synchronously, each agent looks at its network neighbours: if the best of them has a higher
 * score, the agent copies that solution (exploitation); otherwise it tries a random one-bit
 * change of its own and keeps it only if it scores higher (exploration). Reported performance is
 * the population mean of (score / max)^8, the monotone spreading of the scores we understand
 * Lazer and Friedman to use; agents compare raw scores, so the transform changes no dynamics.
 *
 * Published result: the more efficient the network at spreading information, the better the
 * short run and the worse the long run. A fully connected network converges fast on one
 * solution; a sparse (linear) network keeps diversity longer and ends higher.
 *
 * Lazer, D., & Friedman, A. (2007). The network structure of exploration and exploitation.
 * Administrative Science Quarterly, 52(4), 667-694. https://doi.org/10.2189/asqu.52.4.667
 */
import { pairedTest } from '../analysis/ttest.js';
import { fmt, pText } from '../engine/format.js';
import { type Phase, Recorder, type Rng, RngStreams, runTicks, SlottedGraph } from '../engine/index.js';
import { avg, checkInt, checkRange, type DockOptions, dockingCheck, replicateSeed, replicatesOf, withDefaults } from './common.js';

/** A fully enumerated NK landscape: `score[s]` for every solution s (an N-bit integer), max = 1. */
export interface NKLandscape {
  readonly n: number;
  readonly k: number;
  /** Normalised scores (raw score / global maximum), indexed by the solution's bits. */
  readonly score: Float32Array;
  /** The raw global maximum before normalisation. */
  readonly rawMax: number;
  /** Contribution tables: locus i's value for local pattern x is `table[i * 2^(K+1) + x]`. */
  readonly table: Float64Array;
  /** Interaction partners: bit b of locus i's local pattern is solution bit `loci[i * (K+1) + b]` (b = 0 is i itself). */
  readonly loci: Int32Array;
}

/**
 * Builds a random NK landscape (random interaction partners, uniform contributions) and
 * enumerates it in Gray-code order, so each step flips one bit and updates only the K+1-ish
 * contributions that depend on it. N up to 24 (2^24 floats = 64 MB); 20 takes about 20 ms.
 */
export function makeNKLandscape(n: number, k: number, rng: Rng): NKLandscape {
  checkInt('nk', 'N', n, 1, 24);
  checkInt('nk', 'K', k, 0, n - 1);
  const width = 1 << (k + 1);
  const table = new Float64Array(n * width);
  for (let x = 0; x < table.length; x++) table[x] = rng.next();
  // deps of bit j: pairs (locus i, position of j in i's neighbourhood).
  const depLocus: number[][] = Array.from({ length: n }, () => []);
  const depPos: number[][] = Array.from({ length: n }, () => []);
  const others = new Int32Array(n - 1);
  const loci = new Int32Array(n * (k + 1));
  for (let i = 0; i < n; i++) {
    depLocus[i]!.push(i);
    depPos[i]!.push(0);
    loci[i * (k + 1)] = i;
    let c = 0;
    for (let j = 0; j < n; j++) if (j !== i) others[c++] = j;
    rng.shuffle(others, n - 1);
    for (let b = 0; b < k; b++) {
      depLocus[others[b]!]!.push(i);
      depPos[others[b]!]!.push(b + 1);
      loci[i * (k + 1) + b + 1] = others[b]!;
    }
  }
  const idx = new Int32Array(n); // all bits 0: every local index is 0
  let sum = 0;
  for (let i = 0; i < n; i++) sum += table[i * width]!;
  const size = 2 ** n;
  const score = new Float32Array(size);
  let state = 0;
  score[0] = sum / n;
  let max = score[0]!;
  for (let step = 1; step < size; step++) {
    const bit = 31 - Math.clz32(step & -step); // Gray code: step flips its lowest set bit
    state ^= 1 << bit;
    const loci = depLocus[bit]!;
    const pos = depPos[bit]!;
    for (let q = 0; q < loci.length; q++) {
      const i = loci[q]!;
      const base = i * width;
      sum -= table[base + idx[i]!]!;
      idx[i] = idx[i]! ^ (1 << pos[q]!);
      sum += table[base + idx[i]!]!;
    }
    const s = sum / n;
    score[state] = s;
    if (s > max) max = s;
  }
  for (let s = 0; s < size; s++) score[s] = score[s]! / max;
  return { n, k, score, rawMax: max, table, loci };
}

/** Raw score of one solution computed directly from the tables (no enumeration), for checks. */
export function nkRawScore(land: NKLandscape, solution: number): number {
  const { n, k, table, loci } = land;
  const width = 1 << (k + 1);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let local = 0;
    for (let b = 0; b <= k; b++) if ((solution >>> loci[i * (k + 1) + b]!) & 1) local |= 1 << b;
    sum += table[i * width + local]!;
  }
  return sum / n;
}

export type LFNetwork = 'full' | 'ring' | 'random';

export interface LazerFriedmanParams {
  /** Agents. */
  agents: number;
  /** NK landscape size N. */
  N: number;
  /** NK interdependence K. */
  K: number;
  /** `full`: everyone sees everyone; `ring`: each sees `degree` nearest on a circle; `random`: random graph of mean `degree`. */
  network: LFNetwork;
  /** Neighbours per agent for `ring` (even) and mean degree for `random`. */
  degree: number;
  /** Rounds to run. */
  rounds: number;
  /** Reported performance is mean (score/max)^scorePower. */
  scorePower: number;
  /** A prebuilt landscape to share across runs (N and K are then taken from it). */
  landscape: NKLandscape | null;
}

export const LAZER_FRIEDMAN_DEFAULTS: Readonly<LazerFriedmanParams> = Object.freeze({
  agents: 100,
  N: 20,
  K: 5,
  network: 'full' as LFNetwork,
  degree: 2,
  rounds: 200,
  scorePower: 8,
  landscape: null,
});

export interface LazerFriedmanResult {
  /** Mean performance after each round, index 0 = initial (length rounds + 1). */
  readonly performance: Float64Array;
  /** Distinct solutions held after each round (diversity). */
  readonly distinct: Float64Array;
  /** Mean performance at the end. */
  readonly final: number;
  readonly landscape: NKLandscape;
}

interface LFWorld {
  readonly p: LazerFriedmanParams;
  readonly g: SlottedGraph;
  readonly score: Float32Array;
  readonly sol: Int32Array;
  readonly next: Int32Array;
  readonly sorted: Int32Array;
  readonly rng: Rng;
  readonly rec: Recorder<'performance' | 'distinct'>;
  readonly cols: { readonly performance: number; readonly distinct: number };
}

function buildNetwork(p: LazerFriedmanParams, rng: Rng): SlottedGraph {
  const n = p.agents;
  if (p.network === 'full') {
    const g = SlottedGraph.uniform(n, n - 1);
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) g.addEdge(a, b);
    return g;
  }
  if (p.network === 'ring') {
    if (p.degree % 2 !== 0 || p.degree < 2 || p.degree >= n)
      throw new RangeError('lazer-friedman: ring degree must be even, >= 2 and < agents');
    const g = SlottedGraph.uniform(n, p.degree);
    for (let a = 0; a < n; a++) for (let h = 1; h <= p.degree / 2; h++) g.addEdge(a, (a + h) % n);
    return g;
  }
  // Random graph with n * degree / 2 distinct edges.
  const g = SlottedGraph.uniform(n, n - 1);
  const target = Math.round((n * p.degree) / 2);
  if (target > (n * (n - 1)) / 2) throw new RangeError('lazer-friedman: random degree too high');
  while (g.edgeCount() < target) g.addEdge(rng.int(n), rng.int(n));
  return g;
}

function perf(w: LFWorld): number {
  let s = 0;
  for (let i = 0; i < w.sol.length; i++) s += w.score[w.sol[i]!]! ** w.p.scorePower;
  return s / w.sol.length;
}

function distinct(w: LFWorld): number {
  w.sorted.set(w.sol);
  w.sorted.sort();
  let d = w.sorted.length > 0 ? 1 : 0;
  for (let i = 1; i < w.sorted.length; i++) if (w.sorted[i] !== w.sorted[i - 1]) d++;
  return d;
}

const PHASES: readonly Phase<LFWorld>[] = [
  {
    name: 'search',
    run(w) {
      const { g, score, sol, next, rng } = w;
      const n = w.p.agents;
      const N = w.p.N;
      for (let i = 0; i < n; i++) {
        const own = score[sol[i]!]!;
        let best = -1;
        let bestScore = own;
        for (let s = g.offsets[i]!, e = s + g.degree[i]!; s < e; s++) {
          const j = g.neighbors[s]!;
          const v = score[sol[j]!]!;
          if (v > bestScore) {
            bestScore = v;
            best = j;
          }
        }
        if (best >= 0) {
          next[i] = sol[best]!;
        } else {
          const cand = sol[i]! ^ (1 << rng.int(N));
          next[i] = score[cand]! > own ? cand : sol[i]!;
        }
      }
      sol.set(next);
    },
  },
  {
    name: 'observe',
    run(w, t) {
      w.rec.set(t + 1, w.cols.performance, perf(w));
      w.rec.set(t + 1, w.cols.distinct, distinct(w));
    },
  },
];

/** Runs Lazer and Friedman's (2007) networked NK search. See the file header. */
export function runLazerFriedman(params: Partial<LazerFriedmanParams> = {}, seed: string | number = 1): LazerFriedmanResult {
  const p = withDefaults(LAZER_FRIEDMAN_DEFAULTS, params, 'lazer-friedman');
  checkInt('lazer-friedman', 'agents', p.agents, 2, 100_000);
  checkInt('lazer-friedman', 'rounds', p.rounds, 0, 1_000_000);
  checkRange('lazer-friedman', 'scorePower', p.scorePower, 0, 1000);
  checkInt('lazer-friedman', 'degree', p.degree, 1, p.agents - 1);
  const streams = new RngStreams(seed, 0);
  const land = p.landscape ?? makeNKLandscape(p.N, p.K, streams.stream('landscape'));
  if (p.landscape) {
    p.N = land.n;
    p.K = land.k;
  }
  const init = streams.stream('init');
  const sol = new Int32Array(p.agents);
  for (let i = 0; i < p.agents; i++) sol[i] = init.int(land.score.length);
  const rec = new Recorder(['performance', 'distinct'] as const, p.rounds + 1);
  const w: LFWorld = {
    p,
    g: buildNetwork(p, streams.stream('network')),
    score: land.score,
    sol,
    next: new Int32Array(p.agents),
    sorted: new Int32Array(p.agents),
    rng: streams.stream('search'),
    rec,
    cols: { performance: rec.index('performance'), distinct: rec.index('distinct') },
  };
  rec.set(0, w.cols.performance, perf(w));
  rec.set(0, w.cols.distinct, distinct(w));
  runTicks(w, PHASES, 0, p.rounds);
  const performance = rec.column('performance');
  return { performance, distinct: rec.column('distinct'), final: performance[p.rounds]!, landscape: land };
}

export const LAZER_FRIEDMAN_CITATION =
  'Lazer, D., & Friedman, A. (2007). The network structure of exploration and exploitation. Administrative Science Quarterly, 52(4), 667-694. https://doi.org/10.2189/asqu.52.4.667';

/** Round at which the short run is compared. */
export const LF_EARLY_ROUND = 10;

/**
 * Docking check: fully connected versus ring (each agent sees its 2 nearest) on the same
 * landscapes and starting solutions (paired). Pass: full ahead at round 10 and ring ahead at the
 * end (round 200), each by at least 0.05 with paired p < 0.001.
 */
export function dockLazerFriedman(opts: DockOptions = {}) {
  const reps = replicatesOf(opts, 30);
  const rounds = LAZER_FRIEDMAN_DEFAULTS.rounds;
  const earlyFull: number[] = [];
  const earlyRing: number[] = [];
  const lateFull: number[] = [];
  const lateRing: number[] = [];
  for (let r = 0; r < reps; r++) {
    const seed = replicateSeed(opts, 'lazer-friedman', r);
    const full = runLazerFriedman({ network: 'full' }, seed);
    const ring = runLazerFriedman({ network: 'ring', degree: 2, landscape: full.landscape }, seed);
    earlyFull.push(full.performance[LF_EARLY_ROUND]!);
    earlyRing.push(ring.performance[LF_EARLY_ROUND]!);
    lateFull.push(full.final);
    lateRing.push(ring.final);
  }
  const early = pairedTest(earlyRing, earlyFull); // full - ring
  const late = pairedTest(lateFull, lateRing); // ring - full
  const pass = early.diff >= 0.05 && early.p < 0.001 && late.diff >= 0.05 && late.p < 0.001;
  return dockingCheck({
    id: 'lazer-friedman',
    model: 'Lazer & Friedman (2007) network search',
    citation: LAZER_FRIEDMAN_CITATION,
    published: 'Efficient (fully connected) networks do better in the short run, sparse (linear) networks in the long run.',
    measured: `round ${LF_EARLY_ROUND}: full ${fmt(avg(earlyFull), 3)} vs ring ${fmt(avg(earlyRing), 3)} (${pText(early.p)}); round ${rounds}: full ${fmt(avg(lateFull), 3)} vs ring ${fmt(avg(lateRing), 3)} (${pText(late.p)})`,
    criterion: `full - ring >= 0.05 at round ${LF_EARLY_ROUND} and ring - full >= 0.05 at round ${rounds}, paired t-tests p < 0.001`,
    pass,
    replicates: reps,
    figures: {
      earlyFull: avg(earlyFull),
      earlyRing: avg(earlyRing),
      earlyDiff: early.diff,
      earlyP: early.p,
      lateFull: avg(lateFull),
      lateRing: avg(lateRing),
      lateDiff: late.diff,
      lateP: late.p,
    },
  });
}
