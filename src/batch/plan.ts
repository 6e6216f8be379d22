/**
 * A batch plan: scenarios x sweep points x replicates, in one canonical order. Task keys and the
 * order never depend on threads or shards, which is what makes every split of the work assemble
 * into the same bytes.
 */
import { createHash } from 'node:crypto';
import { MODEL_VERSION } from '../io/provenance.js';
import type { InterventionItem, ModelConfig } from '../model/index.js';
import { type BatchEnsemble, memberPoint } from './ensemble.js';
import { applyPoint, type SweepPoint } from './sweep.js';

export interface BatchScenario {
  readonly name: string;
  readonly source: string;
  readonly seed: string | number;
  readonly replicates: number;
  readonly elections: boolean;
  readonly config: ModelConfig;
  readonly interventions: readonly InterventionItem[];
  /** Sweep points (index 0.. with parameter values); a scenario without a sweep has one empty point. */
  readonly points: readonly SweepPoint[];
  /** Fully resolved scenario for the manifest (a valid scenario itself, which `tanker rerun` runs again). */
  readonly resolved: unknown;
  /** Where it came from (files of the extends chain, command-line overrides), for the manifest. */
  readonly origin?: unknown;
  /** Plausible parameter sets from a calibration: replicate r runs with member order[r mod N] (batch/ensemble.ts). */
  readonly ensemble?: BatchEnsemble | undefined;
  /** The cumulative effort of its interventions (scenario/effort.ts), for the manifest. */
  readonly effort?: unknown;
}

export interface Task {
  readonly index: number;
  readonly key: string;
  readonly scenario: number;
  readonly point: number;
  readonly replicate: number;
}

export interface Plan {
  readonly scenarios: readonly BatchScenario[];
  readonly tasks: readonly Task[];
  /** Hash of everything that determines the results (not threads, shards or timing). */
  readonly hash: string;
}

export function makePlan(scenarios: readonly BatchScenario[]): Plan {
  const names = new Set<string>();
  for (const s of scenarios) {
    if (names.has(s.name)) throw new Error(`two scenarios are named "${s.name}"; scenario names in one batch must be unique`);
    names.add(s.name);
  }
  const tasks: Task[] = [];
  scenarios.forEach((s, si) => {
    s.points.forEach((_, pi) => {
      for (let r = 0; r < s.replicates; r++) {
        tasks.push({ index: tasks.length, key: `${si}-${pi}-${r}`, scenario: si, point: pi, replicate: r });
      }
    });
  });
  // The model version is part of the plan: --resume after a change of simulated numbers is refused.
  const hashInput = JSON.stringify([
    MODEL_VERSION,
    scenarios.map((s) => ({
      name: s.name,
      seed: s.seed,
      replicates: s.replicates,
      elections: s.elections,
      config: s.config,
      interventions: s.interventions,
      points: s.points,
      ...(s.ensemble ? { ensemble: s.ensemble.hash } : {}),
    })),
  ]);
  return { scenarios, tasks, hash: createHash('sha256').update(hashInput).digest('hex').slice(0, 16) };
}

/**
 * The order a pool hands tasks out: replicate by replicate (then scenario and point as planned), so
 * that a worker thread soon meets the same replicate again and starts it from the spin-up it kept
 * (worker.ts). Only speed depends on it: every task's numbers are the same in any order.
 */
export function dispatchOrder(tasks: readonly Task[]): Task[] {
  return [...tasks].sort((a, b) => a.replicate - b.replicate || a.index - b.index);
}

/** Shard i of n (1-based): every n-th task starting at i-1, so slices are balanced across scenarios. */
export function shardTasks(tasks: readonly Task[], shard: { i: number; n: number } | null): Task[] {
  if (shard === null) return [...tasks];
  return tasks.filter((t) => t.index % shard.n === shard.i - 1);
}

export function parseShard(s: string): { i: number; n: number } {
  const m = /^(\d+)\/(\d+)$/.exec(s.trim());
  const i = m ? Number(m[1]) : Number.NaN;
  const n = m ? Number(m[2]) : Number.NaN;
  if (!m || n < 1 || i < 1 || i > n) throw new Error(`--shard must be "i/n" with 1 <= i <= n, got "${s}"`);
  return { i, n };
}

/** The model inputs of one task. */
export function taskInputs(
  plan: Plan,
  t: Task,
): { config: ModelConfig; interventions: readonly InterventionItem[]; elections: boolean; seed: string | number; replicate: number } {
  const s = plan.scenarios[t.scenario]!;
  // The ensemble member first, so that a sweep over one of its parameters still sets that parameter.
  const base = s.ensemble ? applyPoint(s.config, memberPoint(s.ensemble, t.replicate)) : s.config;
  return {
    config: applyPoint(base, s.points[t.point]!),
    interventions: s.interventions,
    elections: s.elections,
    seed: s.seed,
    replicate: t.replicate,
  };
}
