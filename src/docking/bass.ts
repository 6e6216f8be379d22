/**
 * Bass (1969), diffusion of a new product, as an agent-based model.
 *
 * n potential adopters, fully mixed. In each time step of length dt every non-adopter adopts with
 * probability 1 - exp(-(p + q F) dt), where F is the share that had adopted at the start of the
 * step: p is the coefficient of innovation (external influence), q that of imitation (internal
 * influence). As dt -> 0 and n -> infinity the adoption share follows Bass's equation
 * dF/dt = (p + q F)(1 - F), whose solution from F(0) = 0 is
 *
 *   F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t}).
 *
 * Published result: the S-shaped cumulative adoption curve F(t) above, with sales peaking at
 * t* = ln(q/p) / (p + q) when q > p.
 *
 * Bass, F. M. (1969). A new product growth for model consumer durables. Management Science,
 * 15(5), 215-227. https://doi.org/10.1287/mnsc.15.5.215
 */
import { fmt } from '../engine/format.js';
import { type Phase, Recorder, type Rng, RngStreams, runTicks } from '../engine/index.js';
import { checkInt, checkRange, type DockOptions, dockingCheck, replicateSeed, replicatesOf, withDefaults } from './common.js';

export interface BassParams {
  /** Potential adopters. */
  n: number;
  /** Coefficient of innovation. */
  p: number;
  /** Coefficient of imitation. */
  q: number;
  /** Time step. */
  dt: number;
  /** Time horizon (same unit as 1/p). */
  horizon: number;
}

export const BASS_DEFAULTS: Readonly<BassParams> = Object.freeze({ n: 10_000, p: 0.03, q: 0.38, dt: 0.05, horizon: 20 });

export interface BassResult {
  /** Times 0, dt, 2 dt, ..., horizon. */
  readonly t: Float64Array;
  /** Simulated adoption share at each time. */
  readonly adopted: Float64Array;
  /** Bass's analytic F(t) at each time. */
  readonly analytic: Float64Array;
  /** max |adopted - analytic| over the run. */
  readonly maxAbsDiff: number;
}

/** Bass's closed-form cumulative adoption share F(t) (F(0) = 0). */
export function bassF(t: number, p: number, q: number): number {
  const e = Math.exp(-(p + q) * t);
  return (1 - e) / (1 + (q / p) * e);
}

interface BassWorld {
  readonly p: BassParams;
  readonly adopted: Uint8Array;
  count: number;
  readonly rng: Rng;
  readonly rec: Recorder<'adopted'>;
  readonly col: number;
}

const PHASES: readonly Phase<BassWorld>[] = [
  {
    name: 'adopt',
    run(w) {
      const { n, p, q, dt } = w.p;
      const prob = 1 - Math.exp(-(p + (q * w.count) / n) * dt);
      let added = 0;
      for (let i = 0; i < n; i++) {
        if (w.adopted[i] === 0 && w.rng.bernoulli(prob)) {
          w.adopted[i] = 1;
          added++;
        }
      }
      w.count += added;
    },
  },
  {
    name: 'observe',
    run(w, t) {
      w.rec.set(t + 1, w.col, w.count / w.p.n);
    },
  },
];

/** Runs the agent-based Bass (1969) diffusion model. See the file header. */
export function runBass(params: Partial<BassParams> = {}, seed: string | number = 1): BassResult {
  const p = withDefaults(BASS_DEFAULTS, params, 'bass');
  checkInt('bass', 'n', p.n, 1, 100_000_000);
  checkRange('bass', 'p', p.p, 1e-9, 1e3);
  checkRange('bass', 'q', p.q, 0, 1e3);
  checkRange('bass', 'dt', p.dt, 1e-6, 1e3);
  checkRange('bass', 'horizon', p.horizon, 0, 1e6);
  const steps = Math.round(p.horizon / p.dt);
  const rec = new Recorder(['adopted'] as const, steps + 1);
  const w: BassWorld = {
    p,
    adopted: new Uint8Array(p.n),
    count: 0,
    rng: new RngStreams(seed, 0).stream('adoption'),
    rec,
    col: rec.index('adopted'),
  };
  rec.set(0, w.col, 0);
  runTicks(w, PHASES, 0, steps);
  const adopted = rec.column('adopted');
  const t = new Float64Array(steps + 1);
  const analytic = new Float64Array(steps + 1);
  let maxAbsDiff = 0;
  for (let k = 0; k <= steps; k++) {
    t[k] = k * p.dt;
    analytic[k] = bassF(t[k]!, p.p, p.q);
    maxAbsDiff = Math.max(maxAbsDiff, Math.abs(adopted[k]! - analytic[k]!));
  }
  return { t, adopted, analytic, maxAbsDiff };
}

/** Averages the adoption curves of several replicates and compares the mean with F(t). */
export function bassMeanCurve(params: Partial<BassParams>, seeds: readonly (string | number)[]): BassResult {
  if (seeds.length === 0) throw new RangeError('bass: need at least one seed');
  const runs = seeds.map((s) => runBass(params, s));
  const first = runs[0]!;
  const adopted = new Float64Array(first.adopted.length);
  for (const r of runs) for (let k = 0; k < adopted.length; k++) adopted[k] = adopted[k]! + r.adopted[k]! / runs.length;
  let maxAbsDiff = 0;
  for (let k = 0; k < adopted.length; k++) maxAbsDiff = Math.max(maxAbsDiff, Math.abs(adopted[k]! - first.analytic[k]!));
  return { t: first.t, adopted, analytic: first.analytic, maxAbsDiff };
}

export const BASS_CITATION =
  'Bass, F. M. (1969). A new product growth for model consumer durables. Management Science, 15(5), 215-227. https://doi.org/10.1287/mnsc.15.5.215';

/** Tolerance of the docking check on max |mean simulated F - analytic F|. */
export const BASS_TOLERANCE = 0.03;

/**
 * Docking check: p = 0.03, q = 0.38, n = 10,000, dt = 0.05, horizon 20, mean of the replicates'
 * curves. Pass: max |mean - F(t)| < 0.03, and the same curve misses a wrong model (q halved) by
 * more than 0.1, so the tolerance discriminates.
 */
export function dockBass(opts: DockOptions = {}) {
  const reps = replicatesOf(opts, 5, 1);
  const seeds = Array.from({ length: reps }, (_, r) => replicateSeed(opts, 'bass', r));
  const mean = bassMeanCurve({}, seeds);
  const { p, q } = BASS_DEFAULTS;
  let wrong = 0;
  for (let k = 0; k < mean.t.length; k++) wrong = Math.max(wrong, Math.abs(mean.adopted[k]! - bassF(mean.t[k]!, p, q / 2)));
  const peak = Math.log(q / p) / (p + q);
  const pass = mean.maxAbsDiff < BASS_TOLERANCE && wrong > 0.1;
  return dockingCheck({
    id: 'bass',
    model: 'Bass (1969) diffusion',
    citation: BASS_CITATION,
    published: 'Cumulative adoption follows F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t}).',
    measured: `max |simulated - F(t)| = ${fmt(mean.maxAbsDiff, 4)} (p=${p}, q=${q}, N=10,000, dt=${BASS_DEFAULTS.dt}, mean of ${reps}); against q/2 instead: ${fmt(wrong, 3)}; sales peak at t*=${fmt(peak, 2)}`,
    criterion: `max abs difference < ${BASS_TOLERANCE}, and > 0.1 against the wrong curve (q halved)`,
    pass,
    replicates: reps,
    figures: { maxAbsDiff: mean.maxAbsDiff, wrongModelDiff: wrong, peakTime: peak },
  });
}
