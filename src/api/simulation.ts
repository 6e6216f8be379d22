/**
 * A step-level simulation for researchers: build one replicate, advance it week by week, read the
 * indicators and the agents' attributes in between. A thin layer over the model's `Simulation`
 * that accepts a loaded scenario as well as a bare configuration, so stepping in any chunks gives
 * the numbers of one whole run, byte for byte.
 */
import {
  agentColumns,
  type IndicatorName,
  type ModelConfig,
  Simulation as ModelSimulation,
  POPULATION_NAMES,
  type Population,
  type ReplicateResult,
  type Reporter,
  type World,
} from '../model/index.js';
import type { ResolvedScenario } from '../scenario/resolve.js';

export type AgentPopulation = Population;
export const AGENT_POPULATIONS: readonly Population[] = POPULATION_NAMES;

/** One column per attribute, one entry per agent (index = agent id). */
export type AgentTable = Readonly<Record<string, Int32Array | Float64Array>>;

export interface SimulationOptions {
  /** Master seed; default: the scenario's, or "tanker" for a bare configuration. */
  readonly seed?: string | number;
  /** Replicate index (default 0): replicate r draws from the same random streams as replicate r of a batch. */
  readonly replicate?: number;
  /** The municipal election on or off (default: the scenario's setting, or on). */
  readonly elections?: boolean;
  /** Keep the initiative event log (`world.log`). */
  readonly events?: boolean;
  /** Your own model-level reporters, recorded every week next to the indicators (`run().reporters`). */
  readonly reporters?: Readonly<Record<string, Reporter>>;
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
  const sim = new ModelSimulation(config, opts.seed ?? scenario?.seed ?? 'tanker', opts.replicate ?? 0, {
    interventions: scenario?.interventions ?? [],
    elections: opts.elections ?? scenario?.elections ?? true,
    ...(opts.events ? { events: true } : {}),
    ...(opts.reporters ? { reporters: opts.reporters } : {}),
  });
  return {
    get tick() {
      return sim.tick;
    },
    ticks: config.ticks,
    world: sim.world,
    step(weeks = 1) {
      if (!Number.isInteger(weeks) || weeks < 0) throw new RangeError(`step(weeks): weeks must be a non-negative integer, got ${weeks}`);
      return sim.step(weeks).tick;
    },
    run: () => sim.run().result(),
    observe: () => sim.observe(),
    agents: (kind) => agentColumns(sim.world, kind),
  };
}
