/**
 * One replicate of the municipal model: the tick loop with its phases in the order of MODEL.md §3,
 * scheduled actions (interventions) applied in the calendar phase, and the result as typed arrays.
 */
import { type Phase, runTicks } from '../engine/loop.js';
import type { ModelConfig } from './config.js';
import { INDICATORS, type IndicatorName, observe } from './indicators.js';
import { createWorld } from './init.js';
import type { InterventionItem } from './levers/catalog.js';
import { InterventionRunner } from './levers/runner.js';
import { culture } from './mechanisms/culture.js';
import { gates } from './mechanisms/gates.js';
import { generation } from './mechanisms/generation.js';
import { institutions } from './mechanisms/institutions.js';
import { operations, yearlyBudget } from './mechanisms/operations.js';
import { outcomes } from './mechanisms/outcomes.js';
import { arenas, election } from './mechanisms/politics.js';
import { progress } from './mechanisms/progress.js';
import { signals } from './mechanisms/signals.js';
import { teams } from './mechanisms/teams.js';
import { tieDynamics } from './mechanisms/ties.js';
import { trust } from './mechanisms/trust.js';
import { partnerStrain, turnover } from './mechanisms/turnover.js';
import type { TickFlows, World } from './state.js';

/** Something that happens to the world at a given tick (interventions compile to these). */
export interface ScheduledAction {
  readonly tick: number;
  readonly label: string;
  run(w: World): void;
}

export interface SimulationOptions {
  /** Scheduled actions; applied at the start of their tick, in the given order for equal ticks. */
  readonly actions?: readonly ScheduledAction[];
  /** Scheduled interventions (levers), resolved from a scenario file. */
  readonly interventions?: readonly InterventionItem[];
  /** Election on (default) or off: "election on/off" for teaching. */
  readonly elections?: boolean;
}

export const PHASES = (
  actions: readonly ScheduledAction[],
  elections: boolean,
  interventions: readonly InterventionItem[] = [],
): Phase<World>[] => {
  const sorted = [...actions].sort((a, b) => a.tick - b.tick);
  let next = 0;
  const levers = new InterventionRunner(interventions);
  return [
    {
      name: 'calendar',
      run(w, t) {
        while (next < sorted.length && sorted[next]!.tick <= t) sorted[next++]!.run(w);
        levers.step(w, t);
        if (w.cal.isYearStart(t)) yearlyBudget(w);
        if (elections && w.cal.isElection(t)) election(w, t);
      },
    },
    { name: 'operations', run: operations },
    { name: 'signals', run: signals },
    { name: 'generation', run: generation },
    { name: 'teams', run: teams },
    { name: 'progress', run: progress },
    { name: 'gates', run: gates },
    { name: 'outcomes', run: outcomes },
    { name: 'institutions', run: institutions },
    {
      name: 'culture',
      run(w) {
        culture(w);
        tieDynamics(w);
        arenas(w);
      },
    },
    { name: 'trust', run: trust },
    {
      name: 'turnover',
      run(w) {
        turnover(w);
        partnerStrain(w);
      },
    },
    {
      name: 'observe',
      run(w, t) {
        observe(w, t);
        addFlows(w.totals, w.flows);
        resetFlows(w.flows);
      },
    },
  ];
};

function addFlows(total: TickFlows, f: TickFlows): void {
  for (const k of Object.keys(f) as (keyof TickFlows)[]) total[k] += f[k];
}
function resetFlows(f: TickFlows): void {
  for (const k of Object.keys(f) as (keyof TickFlows)[]) f[k] = 0;
}

export interface ReplicateResult {
  readonly seed: string;
  readonly replicate: number;
  readonly ticks: number;
  readonly indicators: readonly IndicatorName[];
  /** Row-major ticks x indicators. */
  readonly data: Float64Array;
  /** Week index of the first tick the transformation index passes its threshold, or null. */
  readonly turnTick: number | null;
  readonly totals: Readonly<TickFlows>;
}

export function runReplicate(cfg: ModelConfig, seed: string | number, replicate: number, opts: SimulationOptions = {}): ReplicateResult {
  const w = createWorld(cfg, seed, replicate);
  runTicks(w, PHASES(opts.actions ?? [], opts.elections ?? true, opts.interventions ?? []), 0, cfg.ticks);
  return {
    seed: String(seed),
    replicate,
    ticks: cfg.ticks,
    indicators: INDICATORS,
    data: w.rec.data,
    turnTick: w.turnTick >= 0 ? w.turnTick : null,
    totals: { ...w.totals },
  };
}

/** Build a world and run it, returning the world itself (for tests and the explorer). */
export function simulateWorld(cfg: ModelConfig, seed: string | number, replicate: number, opts: SimulationOptions = {}): World {
  const w = createWorld(cfg, seed, replicate);
  runTicks(w, PHASES(opts.actions ?? [], opts.elections ?? true, opts.interventions ?? []), 0, cfg.ticks);
  return w;
}
