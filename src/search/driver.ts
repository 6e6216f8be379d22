/**
 * Running a search: NSGA-II generation by generation, each generation's new packages evaluated on
 * the pool (a package evaluated before is taken from the cache: equal genomes and packages with a
 * lever left out but different unused genes decode alike), and a checkpoint written atomically
 * after every generation: the optimiser's state, the cache and the spec it belongs to. A resumed
 * search continues from the checkpoint without redoing a generation and ends with byte-identical
 * results; it refuses a checkpoint of another spec.
 */

import type { BatchEnsemble } from '../batch/ensemble.js';
import { writeFileAtomic } from '../io/atomic.js';
import { fsio } from '../io/fs.js';
import { evaluatePackages, type PackageEvaluation, scoreOf, searchWorlds, type WorldSet } from './evaluate.js';
import { acceptGeneration, type Evaluation, type Individual, type Nsga2State, nsga2Init, paretoSet, proposeGeneration } from './nsga2.js';
import { decodePackage, type PackageItem, packageKey, searchGenes } from './package.js';
import type { SearchSpec } from './spec.js';

export const CHECKPOINT = 'checkpoint.json';

export interface Checkpoint {
  readonly format: 'tanker-search/1';
  /** Everything that determines the results, as canonical JSON: a resume with anything else is refused. */
  readonly identity: string;
  /** The ensemble it runs over (its file's hash names it), if any: a resume with another is refused by name. */
  readonly ensemble?: CheckpointEnsemble;
  readonly state: Nsga2State;
  readonly cache: Readonly<Record<string, PackageEvaluation>>;
}

interface CheckpointEnsemble {
  readonly hash: string;
  readonly name: string;
  readonly source: string;
  readonly members: number;
}

export function checkpointEnsemble(e: BatchEnsemble): CheckpointEnsemble {
  return { hash: e.hash, name: e.name, source: e.source, members: e.members.length };
}

/** What decides a search's results (not threads, output folder or timing); an ensemble by its file's hash. */
export function searchIdentity(spec: SearchSpec): string {
  const { file: _f, name: _n, scenarioFile: _sf, description: _d, scenario, ensemble, ...rest } = spec;
  return JSON.stringify({ ...rest, scenario: scenario.resolved, costs: scenario.costs, ...(ensemble ? { ensemble: ensemble.hash } : {}) });
}

function ensembleText(e: CheckpointEnsemble | undefined): string {
  return e ? `ensemble ${e.source} (hash ${e.hash})` : 'no ensemble';
}

export interface SearchRunOptions {
  readonly out: string;
  readonly threads: number;
  /** Continue from the checkpoint in `out`. */
  readonly resume: boolean;
  /** Stop (checkpointed) after this many generations in this run, even if the search is not done. */
  readonly stopAfter?: number;
  /** Before each generation's evaluations: its number, how many model runs it needs, and how many generations remain. */
  readonly onGeneration?: (g: { generation: number; runs: number; cached: number }) => void;
  readonly onRun?: (done: number) => void;
  /** After each accepted generation. */
  readonly onAccepted?: (state: Nsga2State) => void;
  /** Who evaluates a generation (default: this process's pool); the Slurm driver passes one that runs shards (search/shards.ts). */
  readonly executor?: GenerationExecutor | undefined;
}

export interface SearchOutcome {
  readonly state: Nsga2State;
  readonly cache: Readonly<Record<string, PackageEvaluation>>;
  readonly worlds: WorldSet;
  /** Generations run in this call. */
  readonly ran: number;
  /** Generations already done before this call (resume). */
  readonly resumedAt: number;
}

function checkpointPath(out: string): string {
  return `${out}/${CHECKPOINT}`;
}

export function readCheckpoint(out: string): Checkpoint | null {
  const path = checkpointPath(out);
  if (!fsio.existsSync(path)) return null;
  const c = JSON.parse(fsio.readFileSync(path).toString('utf8')) as Checkpoint;
  if (c.format !== 'tanker-search/1') throw new Error(`${path} is not a tanker search checkpoint (format ${String(c.format)})`);
  return c;
}

/** The checkpoint a search starts from: the one in `out` (checked to be this search's), or a fresh one. */
function startSearch(spec: SearchSpec, out: string, resume: boolean): Checkpoint {
  const identity = searchIdentity(spec);
  const ensemble = spec.ensemble ? checkpointEnsemble(spec.ensemble) : undefined;
  const existing = readCheckpoint(out);
  if (existing) {
    if (!resume) throw new Error(`${out} already holds a search; pass --resume to continue it, or choose another --out`);
    if (existing.ensemble?.hash !== ensemble?.hash)
      throw new Error(
        `${out} holds a search over ${ensembleText(existing.ensemble)}, but this run has ${ensembleText(ensemble)}; resume with the same ensemble file, or choose another --out`,
      );
    if (existing.identity !== identity)
      throw new Error(`${out} holds a search of another spec (or scenario, or model settings); choose another --out`);
    return existing;
  }
  const genes = searchGenes(spec);
  const state = nsga2Init(
    { genes: genes.length, objectives: spec.objectives.length, populationSize: spec.population, maxGenerations: spec.generations },
    spec.seed,
  );
  return { format: 'tanker-search/1', identity, ...(ensemble ? { ensemble } : {}), state, cache: {} };
}

/** Write the first checkpoint of a search if `out` has none (the shards of its first generation read it). */
export function initSearch(spec: SearchSpec, out: string): void {
  const cp = startSearch(spec, out, true);
  fsio.mkdirSync(out);
  if (!fsio.existsSync(checkpointPath(out))) writeFileAtomic(checkpointPath(out), `${JSON.stringify(cp)}\n`);
}

/** A generation's packages not evaluated before, in proposal order; a pure function of the checkpoint. */
export interface GenerationWork {
  /** Names the generation in shard files. */
  readonly key: string;
  readonly packages: readonly (readonly PackageItem[])[];
}

function proposal(spec: SearchSpec, cp: Checkpoint) {
  const genes = searchGenes(spec);
  const packages = proposeGeneration(cp.state).map((g) => decodePackage(spec, genes, g));
  const keys = packages.map(packageKey);
  const fresh: number[] = [];
  const seen = new Set<string>();
  keys.forEach((k, i) => {
    if (!(k in cp.cache) && !seen.has(k)) {
      fresh.push(i);
      seen.add(k);
    }
  });
  return { packages, keys, fresh };
}

/** What the checkpoint still needs evaluated: the next generation's new packages, or nothing when the search is done. */
export function generationWork(spec: SearchSpec, cp: Checkpoint): GenerationWork | null {
  return cp.state.done ? null : workOf(cp, proposal(spec, cp));
}

function workOf(cp: Checkpoint, { packages, fresh }: ReturnType<typeof proposal>): GenerationWork {
  return { key: `generation-${cp.state.generation}`, packages: fresh.map((i) => packages[i]!) };
}

/** Evaluates a generation's new packages in every world. */
export type GenerationExecutor = (work: GenerationWork, onRun?: (done: number) => void) => Promise<PackageEvaluation[]>;

export async function runSearch(spec: SearchSpec, opts: SearchRunOptions): Promise<SearchOutcome> {
  const worlds = searchWorlds(spec);
  let cp = startSearch(spec, opts.out, opts.resume);
  const cache: Record<string, PackageEvaluation> = { ...cp.cache };
  const execute: GenerationExecutor =
    opts.executor ??
    ((work, onRun) => evaluatePackages(spec, worlds, work.packages, { threads: opts.threads, ...(onRun ? { onRun } : {}) }));
  const resumedAt = cp.state.generation;
  let ran = 0;
  while (!cp.state.done && (opts.stopAfter === undefined || ran < opts.stopAfter)) {
    const proposed = proposal(spec, cp);
    const { keys, fresh } = proposed;
    const work = workOf(cp, proposed);
    opts.onGeneration?.({ generation: cp.state.generation, runs: fresh.length * worlds.worlds.length, cached: keys.length - fresh.length });
    // Through JSON, as a resumed or sharded search reads them, so every path scores the same numbers.
    const evaluated = JSON.parse(JSON.stringify(await execute(work, opts.onRun))) as PackageEvaluation[];
    fresh.forEach((i, j) => {
      cache[keys[i]!] = evaluated[j]!;
    });
    const evaluations: Evaluation[] = keys.map((k) => scoreOf(spec, cache[k]!));
    cp = { ...cp, state: acceptGeneration(cp.state, evaluations), cache };
    writeFileAtomic(checkpointPath(opts.out), `${JSON.stringify(cp)}\n`);
    ran++;
    opts.onAccepted?.(cp.state);
  }
  return { state: cp.state, cache, worlds, ran, resumedAt };
}

/** One Pareto candidate with its evaluation. */
export interface ParetoCandidate {
  readonly individual: Individual;
  readonly evaluation: PackageEvaluation;
}

/** The feasible first front of the final population, one per package, ordered by the first objective (best first), then by package. */
export function paretoCandidates(spec: SearchSpec, outcome: SearchOutcome): ParetoCandidate[] {
  const genes = searchGenes(spec);
  const seen = new Set<string>();
  const out: ParetoCandidate[] = [];
  for (const ind of paretoSet(outcome.state)) {
    const key = packageKey(decodePackage(spec, genes, ind.genome));
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ individual: ind, evaluation: outcome.cache[key]! });
  }
  return out.sort(
    (a, b) =>
      a.individual.objectives[0]! - b.individual.objectives[0]! ||
      packageKey(a.evaluation.package).localeCompare(packageKey(b.evaluation.package)),
  );
}
