/**
 * March (1991), mutual learning between an organisational code and its members.
 *
 * Reality is a vector of m dimensions, each +1 or -1 with equal probability. The code starts with
 * no beliefs (0 on every dimension); each of n individuals starts with beliefs -1, 0 or +1, each
 * with probability 1/3. Every period:
 *  - socialisation: on each dimension where the code holds a belief (non-zero) that differs from an
 *    individual's, the individual adopts the code's belief with probability p1;
 *  - codification: the superior group are the individuals whose beliefs match reality on more
 *    dimensions than the code does. On each dimension, the superior group votes (+1 and -1 count,
 *    0 abstains); if the winning belief differs from the code, the code adopts it with probability
 *    1 - (1 - p2)^k, k being the winning margin.
 * Both updates use the state at the start of the period. The run stops in the absorbing state
 * (no one superior to the code, and every individual agrees with the code wherever it holds a
 * belief), which March calls equilibrium. Knowledge is the share of dimensions on which a belief
 * equals reality.
 *
 * Published result (March 1991, Figure 1): the equilibrium knowledge of the code is higher when
 * individuals are socialised slowly (low p1), because the slower learners keep the diversity from
 * which the code learns.
 *
 * March, J. G. (1991). Exploration and exploitation in organizational learning. Organization
 * Science, 2(1), 71-87. https://doi.org/10.1287/orsc.2.1.71
 */
import { pairedTest } from '../analysis/ttest.js';
import { fmt, pText } from '../engine/format.js';
import { type Phase, Recorder, type Rng, RngStreams, runTicks } from '../engine/index.js';
import { avg, checkInt, checkRange, type DockOptions, dockingCheck, replicateSeed, replicatesOf, withDefaults } from './common.js';

export interface MarchParams {
  /** Dimensions of reality. */
  m: number;
  /** Individuals. */
  n: number;
  /** Socialisation rate: probability an individual adopts the code's differing belief on a dimension. */
  p1: number;
  /** Code learning rate from the superior group. */
  p2: number;
  /** Safety cap on periods; runs normally reach equilibrium long before. */
  maxPeriods: number;
}

export const MARCH_DEFAULTS: Readonly<MarchParams> = Object.freeze({ m: 30, n: 50, p1: 0.1, p2: 0.5, maxPeriods: 5000 });

export interface MarchResult {
  /** Share of dimensions on which the code equals reality, at the end. */
  readonly knowledge: number;
  /** Mean share of dimensions on which individuals' beliefs equal reality, at the end. */
  readonly individualKnowledge: number;
  /** Periods run. */
  readonly periods: number;
  /** True if the absorbing state was reached within maxPeriods. */
  readonly equilibrium: boolean;
  /** Code knowledge after each period, index 0 = initial state (length periods + 1). */
  readonly trajectory: Float64Array;
}

interface MarchWorld {
  readonly p: MarchParams;
  readonly reality: Int8Array;
  readonly code: Int8Array;
  /** beliefs[i * m + j]. */
  readonly beliefs: Int8Array;
  /** Snapshot of the code at the start of the period. */
  readonly codeBefore: Int8Array;
  /** Vote sums of the superior group per dimension. */
  readonly votes: Int32Array;
  readonly rng: Rng;
}

function score(beliefs: Int8Array, offset: number, reality: Int8Array): number {
  let s = 0;
  for (let j = 0; j < reality.length; j++) if (beliefs[offset + j] === reality[j]) s++;
  return s;
}

// Codification votes are taken first (start-of-period beliefs); socialisation then uses the
// start-of-period code and the vote is applied to the code.
const PHASES: readonly Phase<MarchWorld>[] = [
  {
    name: 'vote',
    run(w) {
      const { m, n } = w.p;
      w.codeBefore.set(w.code);
      w.votes.fill(0);
      const codeScore = score(w.code, 0, w.reality);
      for (let i = 0; i < n; i++) {
        const off = i * m;
        if (score(w.beliefs, off, w.reality) <= codeScore) continue;
        for (let j = 0; j < m; j++) w.votes[j]! += w.beliefs[off + j]!;
      }
    },
  },
  {
    name: 'socialise',
    run(w) {
      const { m, n, p1 } = w.p;
      for (let i = 0; i < n; i++) {
        const off = i * m;
        for (let j = 0; j < m; j++) {
          const c = w.codeBefore[j]!;
          if (c !== 0 && w.beliefs[off + j] !== c && w.rng.bernoulli(p1)) w.beliefs[off + j] = c;
        }
      }
    },
  },
  {
    name: 'codify',
    run(w) {
      const { m, p2 } = w.p;
      for (let j = 0; j < m; j++) {
        const v = w.votes[j]!;
        if (v === 0) continue;
        const dominant = v > 0 ? 1 : -1;
        if (w.code[j] !== dominant && w.rng.bernoulli(1 - (1 - p2) ** Math.abs(v))) w.code[j] = dominant;
      }
    },
  },
];

/** Absorbing: nobody beats the code, and everyone agrees with it wherever it holds a belief. */
function atEquilibrium(w: MarchWorld): boolean {
  const { m, n } = w.p;
  const codeScore = score(w.code, 0, w.reality);
  for (let i = 0; i < n; i++) {
    const off = i * m;
    for (let j = 0; j < m; j++) {
      const c = w.code[j]!;
      if (c !== 0 && w.beliefs[off + j] !== c) return false;
    }
    if (score(w.beliefs, off, w.reality) > codeScore) return false;
  }
  return true;
}

/** Runs March's (1991) mutual-learning model to equilibrium. See the file header. */
export function runMarch(params: Partial<MarchParams> = {}, seed: string | number = 1): MarchResult {
  const p = withDefaults(MARCH_DEFAULTS, params, 'march');
  checkInt('march', 'm', p.m, 1, 10_000);
  checkInt('march', 'n', p.n, 1, 100_000);
  checkRange('march', 'p1', p.p1, 0, 1);
  checkRange('march', 'p2', p.p2, 0, 1);
  checkInt('march', 'maxPeriods', p.maxPeriods, 1, 1_000_000);

  const streams = new RngStreams(seed, 0);
  const init = streams.stream('init');
  const reality = new Int8Array(p.m);
  for (let j = 0; j < p.m; j++) reality[j] = init.bernoulli(0.5) ? 1 : -1;
  const beliefs = new Int8Array(p.n * p.m);
  for (let k = 0; k < beliefs.length; k++) beliefs[k] = init.int(3) - 1;
  const w: MarchWorld = {
    p,
    reality,
    code: new Int8Array(p.m),
    beliefs,
    codeBefore: new Int8Array(p.m),
    votes: new Int32Array(p.m),
    rng: streams.stream('learning'),
  };

  const rec = new Recorder(['code'] as const, p.maxPeriods + 1);
  const col = rec.index('code');
  rec.set(0, col, score(w.code, 0, reality) / p.m);
  let t = 0;
  let equilibrium = atEquilibrium(w);
  while (!equilibrium && t < p.maxPeriods) {
    runTicks(w, PHASES, t, t + 1);
    t++;
    rec.set(t, col, score(w.code, 0, reality) / p.m);
    equilibrium = atEquilibrium(w);
  }
  let ind = 0;
  for (let i = 0; i < p.n; i++) ind += score(beliefs, i * p.m, reality);
  return {
    knowledge: score(w.code, 0, reality) / p.m,
    individualKnowledge: ind / (p.n * p.m),
    periods: t,
    equilibrium,
    trajectory: rec.column('code').slice(0, t + 1),
  };
}

export const MARCH_CITATION =
  'March, J. G. (1991). Exploration and exploitation in organizational learning. Organization Science, 2(1), 71-87. https://doi.org/10.1287/orsc.2.1.71';

/**
 * Docking check: equilibrium code knowledge at p1 = 0.1 versus p1 = 0.9 (p2 = 0.5, m = 30,
 * n = 50). Both conditions of a replicate share reality and initial beliefs, so the test is paired.
 * Pass: slow socialisation wins by at least 0.05 on average with p < 0.001, and every run reached
 * equilibrium.
 */
export function dockMarch(opts: DockOptions = {}) {
  const reps = replicatesOf(opts, 60);
  const slow: number[] = [];
  const fast: number[] = [];
  let allEq = true;
  for (let r = 0; r < reps; r++) {
    const seed = replicateSeed(opts, 'march', r);
    const a = runMarch({ p1: 0.1, p2: 0.5 }, seed);
    const b = runMarch({ p1: 0.9, p2: 0.5 }, seed);
    slow.push(a.knowledge);
    fast.push(b.knowledge);
    allEq &&= a.equilibrium && b.equilibrium;
  }
  const t = pairedTest(fast, slow); // diff = slow - fast
  const pass = allEq && t.diff >= 0.05 && t.p < 0.001;
  return dockingCheck({
    id: 'march',
    model: 'March (1991) exploration/exploitation',
    citation: MARCH_CITATION,
    published: 'Slower socialisation (low p1) gives higher equilibrium knowledge of the code.',
    measured: `equilibrium code knowledge ${fmt(avg(slow), 3)} at p1=0.1 vs ${fmt(avg(fast), 3)} at p1=0.9 (p2=0.5, m=30, n=50); diff ${fmt(t.diff, 3)}, paired t ${pText(t.p)}`,
    criterion: 'mean(p1=0.1) - mean(p1=0.9) >= 0.05, paired t-test p < 0.001, all runs at equilibrium',
    pass,
    replicates: reps,
    figures: { slow: avg(slow), fast: avg(fast), diff: t.diff, ciLow: t.ciLow, ciHigh: t.ciHigh, t: t.t, p: t.p },
  });
}
