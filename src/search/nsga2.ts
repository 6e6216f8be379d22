/**
 * NSGA-II (Deb, Pratap, Agarwal and Meyarivan 2002) on a real-coded genome in [0, 1]^d, with
 * constrained domination, binary crowded tournaments, simulated binary crossover, polynomial
 * mutation and, optionally, an ε-dominance archive beside the population.
 *
 * Step-wise and pure, like the calibration: `nsga2Init(spec, seed)` gives a JSON-serialisable
 * state; `proposeGeneration(state)` gives the genomes to evaluate (the initial population, then N
 * offspring per generation; a pure function of the state); the driver evaluates them (objectives
 * to minimise, and a total constraint violation, 0 when feasible) and
 * `acceptGeneration(state, evaluations)` gives the next state: parents and offspring merged,
 * sorted into fronts, and the best N kept, the last front cut by crowding distance. Ranks and
 * crowding distances are recomputed from the stored population rather than stored, which keeps
 * the state free of Infinity (not JSON). A driver can checkpoint after every generation and
 * resume with byte-identical results.
 */
import { checkNumber } from '../checks/fields.js';
import { deriveSeed, Rng, type RngState } from '../engine/rng.js';
import { constrainedDominates, crowdingDistance, type Dominance, nonDominatedSort, rankAndCrowding, type Scored } from './dominance.js';
import { updateEpsilonArchive } from './epsilon-archive.js';
import { polynomialMutation, sbx } from './operators.js';

export interface Nsga2Spec {
  /** Genes per genome (d); each in [0, 1]: decode them with genes.ts. */
  readonly genes: number;
  /** Objectives per evaluation (m), all minimised. */
  readonly objectives: number;
  /** Population size N (even, ≥ 4). */
  readonly populationSize: number;
  /** Stop after this many accepted generations, the initial one included (default 100). */
  readonly maxGenerations?: number;
  /** Probability that a pair of parents is crossed (default 0.9). */
  readonly crossoverProbability?: number;
  /** SBX distribution index η_c (default 15). */
  readonly crossoverEta?: number;
  /** Per-gene mutation probability (default 1/d). */
  readonly mutationRate?: number;
  /** Polynomial mutation distribution index η_m (default 20). */
  readonly mutationEta?: number;
  /** Box sizes of an ε-dominance archive, one per objective; null or absent for none. */
  readonly epsilons?: readonly number[] | null;
  /** Genomes to start from (e.g. known packages); the rest of the initial population is uniform random. */
  readonly initial?: readonly (readonly number[])[];
}

export interface Nsga2Settings {
  readonly genes: number;
  readonly objectives: number;
  readonly populationSize: number;
  readonly maxGenerations: number;
  readonly crossoverProbability: number;
  readonly crossoverEta: number;
  readonly mutationRate: number;
  readonly mutationEta: number;
  readonly epsilons: readonly number[] | null;
  readonly initial: readonly (readonly number[])[];
}

/** What the driver returns for one genome. */
export interface Evaluation {
  /** Objective values to minimise (negate one to maximise it). */
  readonly objectives: readonly number[];
  /** Total constraint violation (≥ 0; 0 or absent when feasible). */
  readonly violation?: number;
}

/** An evaluated genome. */
export interface Individual extends Scored {
  readonly genome: readonly number[];
  readonly objectives: readonly number[];
  readonly violation: number;
}

export interface Nsga2GenerationSummary {
  readonly generation: number;
  readonly evaluations: number;
  /** Feasible members of the population. */
  readonly feasible: number;
  /** Size of the population's first front. */
  readonly firstFront: number;
  readonly archive: number | null;
}

export interface Nsga2State {
  readonly format: 'tanker-nsga2/1';
  readonly settings: Nsga2Settings;
  readonly seed: string;
  readonly rng: RngState;
  /** Generations accepted so far (0: the initial population is still to be evaluated). */
  readonly generation: number;
  readonly evaluations: number;
  readonly population: readonly Individual[];
  /** ε-dominance archive, when epsilons were given. */
  readonly archive: readonly Individual[] | null;
  readonly history: readonly Nsga2GenerationSummary[];
  readonly done: boolean;
}

/** The replaceable parts of the algorithm, for ablations (and the tests that show each part matters). */
export interface Nsga2Operators {
  readonly dominates: Dominance;
  readonly crowding: (points: readonly Scored[], front: readonly number[]) => number[];
}

export const NSGA2_OPERATORS: Nsga2Operators = { dominates: constrainedDominates, crowding: crowdingDistance };

/** Validates a spec and fills in defaults; errors name the field, the value and what is allowed. */
export function nsga2Settings(spec: Nsga2Spec): Nsga2Settings {
  checkNumber('genes', spec.genes, (x) => Number.isInteger(x) && x >= 1, 'an integer ≥ 1');
  checkNumber('objectives', spec.objectives, (x) => Number.isInteger(x) && x >= 1, 'an integer ≥ 1');
  checkNumber('populationSize', spec.populationSize, (x) => Number.isInteger(x) && x >= 4 && x % 2 === 0, 'an even integer ≥ 4');
  const s: Nsga2Settings = {
    genes: spec.genes,
    objectives: spec.objectives,
    populationSize: spec.populationSize,
    maxGenerations: spec.maxGenerations ?? 100,
    crossoverProbability: spec.crossoverProbability ?? 0.9,
    crossoverEta: spec.crossoverEta ?? 15,
    mutationRate: spec.mutationRate ?? 1 / spec.genes,
    mutationEta: spec.mutationEta ?? 20,
    epsilons: spec.epsilons ? spec.epsilons.slice() : null,
    initial: (spec.initial ?? []).map((g) => g.slice()),
  };
  checkNumber('maxGenerations', s.maxGenerations, (x) => Number.isInteger(x) && x >= 1, 'an integer ≥ 1');
  checkNumber('crossoverProbability', s.crossoverProbability, (x) => x >= 0 && x <= 1, 'a number in [0, 1]');
  checkNumber('crossoverEta', s.crossoverEta, (x) => x >= 0 && Number.isFinite(x), 'a finite number ≥ 0');
  checkNumber('mutationRate', s.mutationRate, (x) => x >= 0 && x <= 1, 'a number in [0, 1]');
  checkNumber('mutationEta', s.mutationEta, (x) => x >= 0 && Number.isFinite(x), 'a finite number ≥ 0');
  if (s.epsilons) {
    if (s.epsilons.length !== s.objectives)
      throw new RangeError(`epsilons: found ${s.epsilons.length} values; allowed: one per objective (${s.objectives})`);
    s.epsilons.forEach((e, k) => {
      checkNumber(`epsilons[${k}]`, e, (x) => x > 0 && Number.isFinite(x), 'a positive number');
    });
  }
  if (s.initial.length > s.populationSize)
    throw new RangeError(`initial: found ${s.initial.length} genomes; allowed: at most populationSize (${s.populationSize})`);
  s.initial.forEach((g, i) => {
    if (g.length !== s.genes) throw new RangeError(`initial[${i}]: found ${g.length} genes; allowed: exactly ${s.genes}`);
    g.forEach((x, j) => {
      checkNumber(`initial[${i}][${j}]`, x, (v) => v >= 0 && v <= 1, 'a number in [0, 1]');
    });
  });
  return s;
}

/** The initial state of a search. Same spec and seed ⇒ same search. */
export function nsga2Init(spec: Nsga2Spec, seed: string | number): Nsga2State {
  const settings = nsga2Settings(spec);
  const s = String(seed);
  return {
    format: 'tanker-nsga2/1',
    settings,
    seed: s,
    rng: new Rng(deriveSeed(s, 'nsga2')).state(),
    generation: 0,
    evaluations: 0,
    population: [],
    archive: settings.epsilons ? [] : null,
    history: [],
    done: false,
  };
}

function propose(state: Nsga2State, ops: Nsga2Operators): { genomes: number[][]; rng: Rng } {
  if (state.done) throw new Error(`search is finished after ${state.generation} generations; nothing to propose`);
  const s = state.settings;
  const rng = new Rng('', state.rng);
  const n = s.populationSize;
  if (state.generation === 0) {
    const genomes = s.initial.map((g) => g.slice());
    while (genomes.length < n) genomes.push(Array.from({ length: s.genes }, () => rng.next()));
    return { genomes, rng };
  }
  const pop = state.population;
  const { rank, crowding } = rankAndCrowding(pop, ops.dominates, ops.crowding);
  // Binary crowded tournament: lower rank wins, then larger crowding distance, then a coin.
  const tournament = (): Individual => {
    const a = rng.int(pop.length);
    let b = rng.int(pop.length - 1);
    if (b >= a) b++;
    const coin = rng.next();
    if (rank[a]! !== rank[b]!) return pop[rank[a]! < rank[b]! ? a : b]!;
    if (crowding[a]! !== crowding[b]!) return pop[crowding[a]! > crowding[b]! ? a : b]!;
    return pop[coin < 0.5 ? a : b]!;
  };
  const genomes: number[][] = [];
  while (genomes.length < n) {
    const p1 = tournament();
    const p2 = tournament();
    const [c1, c2] = sbx(p1.genome, p2.genome, s.crossoverEta, s.crossoverProbability, rng);
    polynomialMutation(c1, s.mutationEta, s.mutationRate, rng);
    polynomialMutation(c2, s.mutationEta, s.mutationRate, rng);
    genomes.push(c1, c2);
  }
  return { genomes, rng };
}

/** The genomes to evaluate in this generation (N of them). A pure function of the state. */
export function proposeGeneration(state: Nsga2State): number[][] {
  return propose(state, NSGA2_OPERATORS).genomes;
}

/** {@link proposeGeneration} with replaceable operators (ablations). */
export function proposeGenerationWith(state: Nsga2State, ops: Nsga2Operators): number[][] {
  return propose(state, ops).genomes;
}

/**
 * Environmental selection: the best n of `pool` by front, the last front that fits only partly
 * cut by descending crowding distance (ties by position in the pool). Returns pool indices.
 */
export function selectSurvivors(pool: readonly Scored[], n: number, ops: Nsga2Operators = NSGA2_OPERATORS): number[] {
  return survivors(pool, n, ops).chosen;
}

// The survivors and the size of the population's first front, which is the pool's first front
// (cut to n if it does not fit): every other survivor is dominated by a member of it.
function survivors(pool: readonly Scored[], n: number, ops: Nsga2Operators): { chosen: number[]; firstFront: number } {
  const chosen: number[] = [];
  const fronts = nonDominatedSort(pool, ops.dominates);
  const firstFront = Math.min(n, fronts[0]?.length ?? 0);
  for (const front of fronts) {
    if (chosen.length + front.length <= n) {
      chosen.push(...front);
      if (chosen.length === n) break;
      continue;
    }
    const d = ops.crowding(pool, front);
    const order = front.map((_, k) => k).sort((a, b) => d[b]! - d[a]! || front[a]! - front[b]!);
    for (const k of order.slice(0, n - chosen.length)) chosen.push(front[k]!);
    break;
  }
  return { chosen, firstFront };
}

/** The next state, given one evaluation per genome of `proposeGeneration(state)`, in order. */
export function acceptGeneration(state: Nsga2State, evaluations: readonly Evaluation[]): Nsga2State {
  return acceptGenerationWith(state, evaluations, NSGA2_OPERATORS);
}

/** {@link acceptGeneration} with replaceable operators (ablations). */
export function acceptGenerationWith(state: Nsga2State, evaluations: readonly Evaluation[], ops: Nsga2Operators): Nsga2State {
  const s = state.settings;
  const { genomes, rng } = propose(state, ops);
  if (evaluations.length !== genomes.length) {
    throw new RangeError(`evaluations: found ${evaluations.length}; allowed: exactly one per proposed genome (${genomes.length})`);
  }
  const offspring: Individual[] = evaluations.map((e, i) => {
    if (!Array.isArray(e.objectives) || e.objectives.length !== s.objectives) {
      throw new RangeError(`evaluations[${i}].objectives: found ${JSON.stringify(e.objectives)}; allowed: ${s.objectives} finite numbers`);
    }
    e.objectives.forEach((v, k) => {
      checkNumber(`evaluations[${i}].objectives[${k}]`, v, Number.isFinite, 'a finite number');
    });
    const violation = e.violation ?? 0;
    checkNumber(`evaluations[${i}].violation`, violation, (x) => x >= 0 && Number.isFinite(x), 'a finite number ≥ 0');
    return { genome: genomes[i]!, objectives: e.objectives.slice(), violation };
  });
  const pool = [...state.population, ...offspring];
  const { chosen, firstFront } = survivors(pool, s.populationSize, ops);
  const population = chosen.map((i) => pool[i]!);
  const archive = state.archive && s.epsilons ? updateEpsilonArchive(state.archive, offspring, s.epsilons) : null;
  const generation = state.generation + 1;
  const summary: Nsga2GenerationSummary = {
    generation,
    evaluations: state.evaluations + offspring.length,
    feasible: population.filter((p) => p.violation <= 0).length,
    firstFront,
    archive: archive ? archive.length : null,
  };
  return {
    ...state,
    rng: rng.state(),
    generation,
    evaluations: summary.evaluations,
    population,
    archive,
    history: [...state.history, summary],
    done: generation >= s.maxGenerations,
  };
}

/** The population's feasible non-dominated members (the current Pareto set approximation). */
export function paretoSet(state: Nsga2State): Individual[] {
  const feasible = state.population.filter((p) => p.violation <= 0);
  const [first] = nonDominatedSort(feasible, constrainedDominates);
  return (first ?? []).map((i) => feasible[i]!);
}

/**
 * Runs a search to its end with a synchronous batched evaluator (tests, cheap objectives);
 * `onGeneration` sees each new state (a driver would checkpoint it there).
 */
export function runNsga2(
  state: Nsga2State,
  evaluate: (genomes: number[][], state: Nsga2State) => readonly Evaluation[],
  onGeneration?: (state: Nsga2State) => void,
): Nsga2State {
  while (!state.done) {
    state = acceptGeneration(state, evaluate(proposeGeneration(state), state));
    onGeneration?.(state);
  }
  return state;
}
