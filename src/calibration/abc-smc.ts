/**
 * Approximate Bayesian computation by sequential Monte Carlo, as population Monte Carlo ABC
 * (Beaumont, Cornuet, Marin and Robert 2009) with an adaptive tolerance sequence (each tolerance
 * a quantile of the previous generation's distances: Drovandi and Pettitt 2011, Lenormand et al.
 * 2013) and the Gaussian perturbation kernel with twice the weighted covariance (kernel.ts).
 *
 * Generation 0 draws N particles from the box prior and accepts every finite distance. Generation
 * t ≥ 1 draws candidates θ* from q_t(θ) ∝ Σ_j W_j K(θ | θ_j) (restricted to the prior's support by
 * redrawing both j and the step), accepts those whose simulated distance is ≤ ε_t, and gives the
 * first N accepted the importance weights W_i ∝ π(θ_i) / Σ_j W_j K(θ_i | θ_j). The weighted
 * population then approximates the ABC posterior π(θ | d(x, x_obs) ≤ ε_t) whatever the kernel.
 *
 * Why this variant rather than the adaptive SMC-ABC of Del Moral, Doucet and Jasra (2012) or
 * history matching with emulators: its weights make every generation a valid importance sample of
 * a stated target (so a generation can be used on its own, and the test against known posteriors
 * is direct); it needs one simulation per candidate (Del Moral et al. need several per particle
 * to keep their MCMC moves from degenerating); rejected candidates cost a simulation but never
 * a bias; and candidates are independent, so a round is one batch for the worker pool. History
 * matching needs emulators per output, which a stochastic agent-based model with many outputs
 * makes expensive to build and check; it rules out implausible regions but gives no posterior
 * weights to run an ensemble on. docs/calibration.md says more.
 *
 * Step-wise and pure: `abcSmcInit(spec, seed)` gives a JSON-serialisable state;
 * `proposeRound(state)` gives the parameter vectors to simulate (a pure function of the state);
 * the driver simulates them and computes one distance per vector; `acceptRound(state, distances)`
 * gives the next state. A generation takes one or more rounds (until N candidates are accepted).
 * All randomness comes from an Rng whose state is part of the state, so a driver can write the
 * state after each round and resume from the file with byte-identical results.
 */
import { checkNumber } from '../checks/fields.js';
import { deriveSeed, Rng, type RngState } from '../engine/rng.js';
import { fitKernel, kernelSampler, mixtureLogDensities, type PerturbationKernel } from './kernel.js';
import { inPrior, type ParameterSpec, samplePrior, validateParameters } from './prior.js';
import { effectiveSampleSize, normaliseWeights, weightedMean, weightedQuantile, weightedVariance } from './weighted.js';

/** What a calibration run is: parameters with box priors, population size and stopping rules. */
export interface AbcSmcSpec {
  readonly parameters: readonly ParameterSpec[];
  /** Particles per generation (N). */
  readonly populationSize: number;
  /** Next tolerance = this weighted quantile of the last generation's distances (default 0.5). */
  readonly quantile?: number;
  /** Kernel covariance = this × the weighted covariance of the last generation (default 2). */
  readonly kernelScale?: number;
  /** Stop after this many generations, generation 0 included (default 10). */
  readonly maxGenerations?: number;
  /** Stop once a generation's tolerance is at or below this; tolerances never go below it (default 0). */
  readonly minEpsilon?: number;
  /** Stop when a generation accepted fewer than this share of its candidates (default 0: never). */
  readonly minAcceptanceRate?: number;
  /** Stop after the generation in which the total number of simulations reaches this (default: no limit). */
  readonly maxSimulations?: number | null;
  /** Candidates per round; default adaptive: enough for the rest of the generation at the expected acceptance rate. */
  readonly batchSize?: number | null;
  /** Upper limit of an adaptive round (default 10 N). */
  readonly maxBatchSize?: number;
}

/** The spec with every default filled in; stored in the state. */
export interface AbcSmcSettings {
  readonly parameters: readonly ParameterSpec[];
  readonly populationSize: number;
  readonly quantile: number;
  readonly kernelScale: number;
  readonly maxGenerations: number;
  readonly minEpsilon: number;
  readonly minAcceptanceRate: number;
  readonly maxSimulations: number | null;
  readonly batchSize: number | null;
  readonly maxBatchSize: number;
}

/** A finished generation: N particles, their distances and normalised importance weights. */
export interface AbcPopulation {
  readonly generation: number;
  /** Tolerance of this generation; null for generation 0 (every finite distance accepted). */
  readonly epsilon: number | null;
  readonly particles: readonly (readonly number[])[];
  readonly distances: readonly number[];
  readonly weights: readonly number[];
}

/** Diagnostics of a finished generation. */
export interface AbcGenerationSummary {
  readonly generation: number;
  readonly epsilon: number | null;
  readonly rounds: number;
  /** Candidates simulated in this generation (all rounds, including those past the N-th acceptance). */
  readonly simulations: number;
  /** Candidates whose distance was NaN (a failed simulation); they count as rejected. */
  readonly invalid: number;
  /** Accepted / simulated. */
  readonly acceptanceRate: number;
  /** Kish effective sample size of the weights. */
  readonly ess: number;
  /** Weighted posterior mean and sd of each parameter. */
  readonly mean: readonly number[];
  readonly sd: readonly number[];
  /** Diagonal jitter the kernel fitted to this generation needed (0 normally). */
  readonly kernelJitter: number;
}

export type AbcStopReason = 'maxGenerations' | 'minEpsilon' | 'minAcceptanceRate' | 'maxSimulations' | 'toleranceStalled';

/** Everything needed to continue a calibration: plain JSON data. */
export interface AbcSmcState {
  readonly format: 'tanker-abc-smc/1';
  readonly settings: AbcSmcSettings;
  readonly seed: string;
  readonly rng: RngState;
  /** Generation under construction. */
  readonly generation: number;
  /** Rounds accepted so far over all generations. */
  readonly round: number;
  /** Tolerance of the generation under construction (null: generation 0). */
  readonly epsilon: number | null;
  /** Accepted so far in this generation (at most N), in proposal order. */
  readonly accepted: readonly (readonly number[])[];
  readonly acceptedDistances: readonly number[];
  /** Counters of this generation. */
  readonly simulated: number;
  readonly hits: number;
  readonly invalid: number;
  readonly rounds: number;
  readonly totalSimulations: number;
  /** Last finished generation and the kernel fitted to it. */
  readonly population: AbcPopulation | null;
  readonly kernel: PerturbationKernel | null;
  readonly history: readonly AbcGenerationSummary[];
  readonly done: boolean;
  readonly stopReason: AbcStopReason | null;
}

/** Unnormalised importance weights of the accepted candidates of a generation t ≥ 1. */
export type ImportanceWeigher = (
  parameters: readonly ParameterSpec[],
  candidates: readonly (readonly number[])[],
  previous: AbcPopulation,
  kernel: PerturbationKernel,
) => number[];

/** The per-generation fields of a generation that has not started. */
const FRESH_GENERATION = { accepted: [], acceptedDistances: [], simulated: 0, hits: 0, invalid: 0, rounds: 0 } as const;

/** Attempts per candidate before proposing is declared impossible (the kernel almost never lands in the box). */
const MAX_ATTEMPTS_PER_CANDIDATE = 10_000;

/** Validates a spec and fills in defaults; errors name the field, the value and what is allowed. */
export function abcSmcSettings(spec: AbcSmcSpec): AbcSmcSettings {
  validateParameters(spec.parameters);
  const n = spec.populationSize;
  checkNumber('populationSize', n, (x) => Number.isInteger(x) && x >= 2, 'an integer ≥ 2');
  const s: AbcSmcSettings = {
    parameters: spec.parameters.map((p) => ({ name: p.name, min: p.min, max: p.max, ...(p.integer ? { integer: true } : {}) })),
    populationSize: n,
    quantile: spec.quantile ?? 0.5,
    kernelScale: spec.kernelScale ?? 2,
    maxGenerations: spec.maxGenerations ?? 10,
    minEpsilon: spec.minEpsilon ?? 0,
    minAcceptanceRate: spec.minAcceptanceRate ?? 0,
    maxSimulations: spec.maxSimulations ?? null,
    batchSize: spec.batchSize ?? null,
    maxBatchSize: spec.maxBatchSize ?? 10 * n,
  };
  checkNumber('quantile', s.quantile, (x) => x > 0 && x < 1, 'a number in (0, 1)');
  checkNumber('kernelScale', s.kernelScale, (x) => x > 0 && Number.isFinite(x), 'a positive number');
  checkNumber('maxGenerations', s.maxGenerations, (x) => Number.isInteger(x) && x >= 1, 'an integer ≥ 1');
  checkNumber('minEpsilon', s.minEpsilon, (x) => x >= 0 && Number.isFinite(x), 'a finite number ≥ 0');
  checkNumber('minAcceptanceRate', s.minAcceptanceRate, (x) => x >= 0 && x < 1, 'a number in [0, 1)');
  if (s.maxSimulations !== null)
    checkNumber('maxSimulations', s.maxSimulations, (x) => Number.isInteger(x) && x >= n, `an integer ≥ populationSize (${n})`);
  if (s.batchSize !== null) checkNumber('batchSize', s.batchSize, (x) => Number.isInteger(x) && x >= 1, 'an integer ≥ 1');
  checkNumber('maxBatchSize', s.maxBatchSize, (x) => Number.isInteger(x) && x >= n, `an integer ≥ populationSize (${n})`);
  return s;
}

/** The initial state of a calibration. Same spec and seed ⇒ same run. */
export function abcSmcInit(spec: AbcSmcSpec, seed: string | number): AbcSmcState {
  const settings = abcSmcSettings(spec);
  const s = String(seed);
  return {
    format: 'tanker-abc-smc/1',
    settings,
    seed: s,
    rng: new Rng(deriveSeed(s, 'abc-smc')).state(),
    generation: 0,
    round: 0,
    epsilon: null,
    ...FRESH_GENERATION,
    totalSimulations: 0,
    population: null,
    kernel: null,
    history: [],
    done: false,
    stopReason: null,
  };
}

/** Number of candidates the next round proposes. */
function roundSize(state: AbcSmcState): number {
  const s = state.settings;
  if (s.batchSize !== null) return s.batchSize;
  const remaining = s.populationSize - state.accepted.length;
  let rate: number;
  if (state.simulated > 0) rate = (state.hits + 1) / (state.simulated + 1);
  else if (state.population === null)
    return remaining; // from the prior, every finite distance is accepted
  else rate = state.history[state.history.length - 1]!.acceptanceRate * s.quantile;
  const size = Math.ceil((1.1 * remaining) / Math.max(rate, 1e-9));
  return Math.min(Math.max(size, remaining), s.maxBatchSize);
}

function propose(state: AbcSmcState): { candidates: number[][]; rng: Rng } {
  if (state.done) throw new Error(`calibration is finished (${state.stopReason}); nothing to propose`);
  const rng = new Rng('', state.rng);
  const size = roundSize(state);
  const { parameters } = state.settings;
  const candidates: number[][] = [];
  if (state.population === null) {
    for (let i = 0; i < size; i++) candidates.push(samplePrior(parameters, rng));
    return { candidates, rng };
  }
  const pop = state.population;
  const sampler = kernelSampler(parameters, state.kernel!);
  for (let i = 0; i < size; i++) {
    // Redraw the centre and the step together, so the proposal is the kernel mixture restricted
    // to the prior box with one global normalising constant (which cancels in the weights).
    let attempts = 0;
    for (;;) {
      const theta = sampler.perturb(pop.particles[rng.categorical(pop.weights)]!, rng);
      if (inPrior(parameters, theta)) {
        candidates.push(theta);
        break;
      }
      if (++attempts >= MAX_ATTEMPTS_PER_CANDIDATE) {
        throw new Error(
          `generation ${state.generation}: ${attempts} kernel steps in a row left the prior box; the population sits at its edge with a very wide kernel`,
        );
      }
    }
  }
  return { candidates, rng };
}

/**
 * The parameter vectors to simulate in this round (one per row, in the order of the spec's
 * parameters). A pure function of the state: calling it twice gives the same vectors.
 */
export function proposeRound(state: AbcSmcState): number[][] {
  return propose(state).candidates;
}

/**
 * Importance weights of population Monte Carlo ABC for a uniform box prior:
 * W_i ∝ 1 / Σ_j W_j K(θ_i | θ_j) (the prior density is the same at every candidate in the box).
 */
export const importanceWeights: ImportanceWeigher = (parameters, candidates, previous, kernel) => {
  const logW = previous.weights.map((w) => Math.log(w));
  const logQ = mixtureLogDensities(parameters, kernel, candidates, previous.particles, logW);
  let min = Number.POSITIVE_INFINITY;
  for (const l of logQ) if (l < min) min = l;
  return logQ.map((l) => Math.exp(min - l));
};

/**
 * The next state after the driver has simulated this round's vectors: `distances[i]` is the
 * distance between the data and the simulation of `proposeRound(state)[i]` (≥ 0; +Infinity
 * rejects; NaN marks a failed simulation, counted and rejected).
 */
export function acceptRound(state: AbcSmcState, distances: readonly number[]): AbcSmcState {
  return acceptRoundWith(state, distances, importanceWeights);
}

/**
 * {@link acceptRound} with the weighting rule as a parameter, so that ablations (and the tests)
 * can show what the importance weights contribute. Use {@link acceptRound}.
 */
export function acceptRoundWith(state: AbcSmcState, distances: readonly number[], weigh: ImportanceWeigher): AbcSmcState {
  const { candidates, rng } = propose(state);
  if (distances.length !== candidates.length) {
    throw new RangeError(`distances: found ${distances.length} values; allowed: exactly one per proposed vector (${candidates.length})`);
  }
  const n = state.settings.populationSize;
  const accepted = state.accepted.slice();
  const acceptedDistances = state.acceptedDistances.slice();
  let hits = state.hits;
  let invalid = state.invalid;
  distances.forEach((d, i) => {
    if (typeof d !== 'number') throw new RangeError(`distances[${i}]: found ${String(d)}; allowed: a number ≥ 0, Infinity or NaN`);
    if (Number.isNaN(d)) {
      invalid++;
      return;
    }
    if (d < 0) throw new RangeError(`distances[${i}]: found ${d}; allowed: a number ≥ 0, Infinity or NaN`);
    const ok = state.epsilon === null ? Number.isFinite(d) : d <= state.epsilon;
    if (!ok) return;
    hits++;
    if (accepted.length < n) {
      accepted.push(candidates[i]!);
      acceptedDistances.push(d);
    }
  });
  const next: AbcSmcState = {
    ...state,
    rng: rng.state(),
    round: state.round + 1,
    accepted,
    acceptedDistances,
    simulated: state.simulated + candidates.length,
    hits,
    invalid,
    rounds: state.rounds + 1,
    totalSimulations: state.totalSimulations + candidates.length,
  };
  return accepted.length < n ? next : finishGeneration(next, weigh);
}

function finishGeneration(state: AbcSmcState, weigh: ImportanceWeigher): AbcSmcState {
  const s = state.settings;
  const particles = state.accepted;
  const raw = state.population === null ? particles.map(() => 1) : weigh(s.parameters, particles, state.population, state.kernel!);
  const weights = normaliseWeights(raw);
  const population: AbcPopulation = {
    generation: state.generation,
    epsilon: state.epsilon,
    particles,
    distances: state.acceptedDistances,
    weights,
  };
  const kernel = fitKernel(s.parameters, particles, weights, s.kernelScale);
  const columns = s.parameters.map((_, k) => particles.map((p) => p[k]!));
  const summary: AbcGenerationSummary = {
    generation: state.generation,
    epsilon: state.epsilon,
    rounds: state.rounds,
    simulations: state.simulated,
    invalid: state.invalid,
    acceptanceRate: state.hits / state.simulated,
    ess: effectiveSampleSize(weights),
    mean: columns.map((c) => weightedMean(c, weights)),
    sd: columns.map((c) => Math.sqrt(weightedVariance(c, weights))),
    kernelJitter: kernel.jitter,
  };
  const { epsilon, stalled } = nextEpsilon(population, s);
  let stopReason: AbcStopReason | null = null;
  if (state.epsilon !== null && state.epsilon <= s.minEpsilon) stopReason = 'minEpsilon';
  else if (state.generation + 1 >= s.maxGenerations) stopReason = 'maxGenerations';
  else if (summary.acceptanceRate < s.minAcceptanceRate) stopReason = 'minAcceptanceRate';
  else if (s.maxSimulations !== null && state.totalSimulations >= s.maxSimulations) stopReason = 'maxSimulations';
  else if (stalled) stopReason = 'toleranceStalled';
  return {
    ...state,
    generation: state.generation + 1,
    epsilon,
    ...FRESH_GENERATION,
    population,
    kernel,
    history: [...state.history, summary],
    done: stopReason !== null,
    stopReason,
  };
}

/**
 * The weighted quantile of the population's distances, but never below minEpsilon; if that does
 * not lower the tolerance (ties at the top, as with discrete distances), the largest distance
 * below the current tolerance. Stalled when no distance lies below it.
 */
function nextEpsilon(pop: AbcPopulation, s: AbcSmcSettings): { epsilon: number; stalled: boolean } {
  const current = pop.epsilon ?? Number.POSITIVE_INFINITY;
  let eps = Math.max(s.minEpsilon, weightedQuantile(pop.distances, pop.weights, s.quantile));
  if (eps < current) return { epsilon: eps, stalled: false };
  let below = Number.NEGATIVE_INFINITY;
  pop.distances.forEach((d, i) => {
    if (d < current && pop.weights[i]! > 0 && d > below) below = d;
  });
  if (below === Number.NEGATIVE_INFINITY) return { epsilon: current, stalled: true };
  eps = Math.max(s.minEpsilon, below);
  return { epsilon: eps, stalled: false };
}

/** Weighted posterior summaries of the last finished generation, one row per parameter. */
export function posteriorSummary(state: AbcSmcState): { name: string; mean: number; sd: number; q05: number; q50: number; q95: number }[] {
  const pop = state.population;
  if (!pop) throw new Error('no generation has finished yet');
  return state.settings.parameters.map((p, k) => {
    const x = pop.particles.map((t) => t[k]!);
    return {
      name: p.name,
      mean: weightedMean(x, pop.weights),
      sd: Math.sqrt(weightedVariance(x, pop.weights)),
      q05: weightedQuantile(x, pop.weights, 0.05),
      q50: weightedQuantile(x, pop.weights, 0.5),
      q95: weightedQuantile(x, pop.weights, 0.95),
    };
  });
}

/**
 * Runs a calibration to its end with a synchronous batched simulator (tests, small models in one
 * thread). `simulate` gets a round's vectors and returns their distances; `onRound` sees each
 * new state (a driver would checkpoint it there).
 */
export function runAbcSmc(
  state: AbcSmcState,
  simulate: (thetas: number[][], state: AbcSmcState) => readonly number[],
  onRound?: (state: AbcSmcState) => void,
): AbcSmcState {
  while (!state.done) {
    state = acceptRound(state, simulate(proposeRound(state), state));
    onRound?.(state);
  }
  return state;
}
