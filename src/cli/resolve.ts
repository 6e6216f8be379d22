/** From command-line arguments to a fully resolved run: preset or scenario file, overrides applied. */
import type { SizePreset } from '../model/config.js';
import { presetConfig } from '../model/presets.js';
import type { RunSpec } from './run.js';

export type PresetName = SizePreset;

export function resolveRunSpec(
  scenario: string | undefined,
  opts: { preset: PresetName; seed?: string; replicate: number; ticks?: number; elections: boolean },
): RunSpec {
  if (scenario !== undefined) throw new Error(`scenario files are not supported yet: "${scenario}"`);
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
