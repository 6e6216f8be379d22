/** From command-line arguments to a fully resolved run: preset or scenario file, overrides applied. */
import { presetConfig, type SizePreset } from '../model/index.js';
import { displayFile, formatErrors, loadScenario, type ScenarioError } from '../scenario/index.js';
import type { RunSpec } from './run.js';

export type PresetName = SizePreset;

/** A scenario file with errors: the message lists every error, one per line. */
export class ScenarioFileError extends Error {
  readonly errors: readonly ScenarioError[];
  constructor(file: string, errors: readonly ScenarioError[]) {
    const n = errors.length;
    super(`${displayFile(file)} has ${n} error${n === 1 ? '' : 's'}; nothing was run.\n${formatErrors(errors)}`);
    this.name = 'ScenarioFileError';
    this.errors = errors;
  }
}

export function resolveRunSpec(
  scenario: string | undefined,
  opts: { preset: PresetName; seed?: string; replicate: number; ticks?: number; elections: boolean },
): RunSpec {
  if (scenario !== undefined) return scenarioRunSpec(scenario, opts);
  const base = presetConfig(opts.preset);
  const config = opts.ticks === undefined ? base : { ...base, ticks: opts.ticks };
  const seed = opts.seed ?? 'tanker';
  return {
    name: `default-${opts.preset}`,
    source: 'built-in',
    config,
    seed,
    replicate: opts.replicate,
    interventions: [],
    elections: opts.elections,
    resolved: { preset: opts.preset, config },
  };
}

/** A run from a scenario file: `--seed` and `--ticks` override the file; `--no-elections` switches its elections off. */
function scenarioRunSpec(file: string, opts: { seed?: string; replicate: number; ticks?: number; elections: boolean }): RunSpec {
  const r = loadScenario(file, { overrides: { seed: opts.seed, horizon: opts.ticks } });
  if (!r.ok) throw new ScenarioFileError(file, r.errors);
  const s = r.scenario;
  for (const note of s.notes) console.error(`tanker: note: ${note}`);
  return {
    name: s.name,
    source: file,
    config: s.config,
    seed: s.seed,
    replicate: opts.replicate,
    interventions: s.interventions,
    elections: opts.elections && s.elections,
    resolved: s.resolved,
  };
}
