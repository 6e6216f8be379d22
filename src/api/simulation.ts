/**
 * A step-level simulation for researchers: build one replicate, advance it week by week, read the
 * indicators and the agents' attributes in between. The same world and phases as `runReplicate`,
 * so stepping in any chunks gives the numbers of one whole run, byte for byte.
 *
 * Relies on the model's current exports: `createWorld` (model/init.ts), `PHASES`
 * (model/simulate.ts), the population fields of `World` (model/state.ts: structure-of-arrays
 * objects with `n`), the recorder's row layout (engine/recorder.ts) and `runTicks`
 * (engine/loop.ts). The mechanism registry will change these; this file follows.
 */
import { runTicks } from '../engine/loop.js';
import type { ModelConfig } from '../model/config.js';
import { INDICATORS, type IndicatorName } from '../model/indicators.js';
import { createWorld } from '../model/init.js';
import type { InterventionItem } from '../model/levers/catalog.js';
import { PHASES, type ReplicateResult } from '../model/simulate.js';
import type { World } from '../model/state.js';
import type { ResolvedScenario } from '../scenario/resolve.js';

/** The populations `agents(kind)` reads, and the world field each lives in. */
const POPULATIONS = {
  staff: 'staff',
  managers: 'managers',
  politicians: 'pols',
  citizens: 'citizens',
  partners: 'partners',
  units: 'units',
} as const satisfies Record<string, keyof World>;
export type AgentPopulation = keyof typeof POPULATIONS;
export const AGENT_POPULATIONS = Object.keys(POPULATIONS) as AgentPopulation[];

/** One column per attribute, one entry per agent (index = agent id). */
export type AgentTable = Readonly<Record<string, ArrayLike<number> | readonly string[]>>;

export interface SimulationOptions {
  /** Master seed; default: the scenario's, or "tanker" for a bare configuration. */
  readonly seed?: string | number;
  /** Replicate index (default 0): replicate r draws from the same random streams as replicate r of a batch. */
  readonly replicate?: number;
  /** The municipal election on or off (default: the scenario's setting, or on). */
  readonly elections?: boolean;
}

export interface Simulation {
  /** Weeks simulated so far (0 before the first step). */
  readonly tick: number;
  /** Weeks in the run (the horizon). */
  readonly ticks: number;
  /** Advance `weeks` weeks (default 1), at most to the horizon; returns the new tick. */
  step(weeks?: number): number;
  /** Advance to the horizon and return the whole run, exactly as `runReplicate` would. */
  run(): ReplicateResult;
  /** Every indicator of the last simulated week (week tick − 1); all NaN before the first step. */
  observe(): Record<IndicatorName, number>;
  /** A copy of the current attributes of one population, as columns (`id` first). */
  agents(kind: AgentPopulation): AgentTable;
  /** The world itself (typed arrays, read them; changing them changes the run). */
  readonly world: World;
}

function isScenario(x: ResolvedScenario | ModelConfig): x is ResolvedScenario {
  return 'config' in x && 'interventions' in x;
}

/** A simulation of a loaded scenario (its interventions and elections) or of a bare model configuration (e.g. `presetConfig('small')`). */
export function createSimulation(source: ResolvedScenario | ModelConfig, opts: SimulationOptions = {}): Simulation {
  const scenario = isScenario(source) ? source : null;
  const config = scenario ? scenario.config : (source as ModelConfig);
  const seed = opts.seed ?? scenario?.seed ?? 'tanker';
  const replicate = opts.replicate ?? 0;
  const interventions: readonly InterventionItem[] = scenario?.interventions ?? [];
  const world = createWorld(config, seed, replicate);
  const phases = PHASES([], opts.elections ?? scenario?.elections ?? true, interventions);
  let tick = 0;

  const step = (weeks = 1): number => {
    if (!Number.isInteger(weeks) || weeks < 0) throw new RangeError(`step(weeks): weeks must be a non-negative integer, got ${weeks}`);
    const to = Math.min(config.ticks, tick + weeks);
    runTicks(world, phases, tick, to);
    tick = to;
    return tick;
  };

  return {
    get tick() {
      return tick;
    },
    ticks: config.ticks,
    world,
    step,
    run() {
      step(config.ticks - tick);
      // The result runReplicate builds (model/simulate.ts exports no builder for it yet; the registry refactor can add one).
      return {
        seed: String(seed),
        replicate,
        ticks: config.ticks,
        indicators: INDICATORS,
        data: world.rec.data,
        turnTick: world.turnTick >= 0 ? world.turnTick : null,
        totals: { ...world.totals },
      };
    },
    observe() {
      const out = {} as Record<IndicatorName, number>;
      const row = (tick - 1) * INDICATORS.length;
      INDICATORS.forEach((name, c) => {
        out[name] = tick > 0 ? world.rec.data[row + c]! : Number.NaN;
      });
      return out;
    },
    agents(kind) {
      return agentTable(world, kind);
    },
  };
}

const LOGIC = ['OA', 'NPM', 'NPG'] as const;

/** Every typed array (or list) of a population with one entry per agent becomes a column; n × 3 arrays are logic mixes (OA, NPM, NPG). */
export function agentTable(world: World, kind: AgentPopulation): AgentTable {
  const field = POPULATIONS[kind];
  if (field === undefined) throw new Error(`agents(kind): unknown kind "${kind}"; allowed: ${AGENT_POPULATIONS.join(', ')}`);
  const pop = world[field] as unknown as Readonly<Record<string, unknown>> & { readonly n: number };
  const n = pop.n;
  const table: Record<string, ArrayLike<number> | readonly string[]> = { id: Int32Array.from({ length: n }, (_, i) => i) };
  for (const [name, v] of Object.entries(pop)) {
    if (Array.isArray(v) && v.length === n) table[name] = [...(v as string[])];
    if (!ArrayBuffer.isView(v) || v instanceof DataView) continue;
    const a = v as unknown as { readonly length: number; readonly [i: number]: number; slice(): ArrayLike<number> };
    if (a.length === n) table[name] = a.slice();
    else if (a.length === 3 * n) {
      for (let k = 0; k < LOGIC.length; k++) table[`${name}${LOGIC[k]}`] = Float64Array.from({ length: n }, (_, i) => a[3 * i + k]!);
    }
  }
  return table;
}
