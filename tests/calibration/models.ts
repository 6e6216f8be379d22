// Toy models with known posteriors for the ABC-SMC tests, and a synchronous driver that gives
// every round its own seeded stream (so a run is a pure function of the calibration seed).
import { type AbcSmcState, acceptRoundWith, type ImportanceWeigher, importanceWeights, proposeRound } from '../../src/calibration/index.js';
import { deriveSeed, Rng } from '../../src/engine/rng.js';

export type Simulator = (theta: readonly number[], rng: Rng) => number;

/** One round; its simulations draw from a stream seeded by (seed, round). */
export function step(state: AbcSmcState, simulate: Simulator, weigh: ImportanceWeigher = importanceWeights): AbcSmcState {
  const rng = new Rng(deriveSeed('sim', state.seed, state.round));
  return acceptRoundWith(
    state,
    proposeRound(state).map((theta) => simulate(theta, rng)),
    weigh,
  );
}

/** Runs to the end, one {@link step} per round. */
export function drive(state: AbcSmcState, simulate: Simulator, weigh: ImportanceWeigher = importanceWeights): AbcSmcState {
  while (!state.done) state = step(state, simulate, weigh);
  return state;
}

export function binomial(n: number, p: number, rng: Rng): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.bernoulli(p)) k++;
  return k;
}

/** log n! by summation (small n). */
export function logFactorial(n: number): number {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
}
