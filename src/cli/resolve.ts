/** From command-line arguments to a fully resolved run: preset or scenario file, overrides applied. */
import { applyPoint } from '../batch/sweep.js';
import type { ModelConfig, SizePreset } from '../model/index.js';
import {
  displayFile,
  formatErrors,
  loadScenario,
  type ResolvedScenario,
  resolveScenarioData,
  type ScenarioError,
} from '../scenario/index.js';
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

export interface RunArgs {
  preset: PresetName;
  seed?: string | undefined;
  replicate: number;
  ticks?: number | undefined;
  point?: number | undefined;
  elections: boolean;
}

export function resolveRunSpec(scenario: string | undefined, opts: RunArgs): RunSpec {
  const overrides = { seed: opts.seed, horizon: opts.ticks };
  let s: ResolvedScenario;
  if (scenario === undefined) {
    // The built-in municipality is the scenario that names only its size.
    const r = resolveScenarioData({ name: `default-${opts.preset}`, size: opts.preset }, { source: 'built-in', overrides });
    if (!r.ok) throw new Error(`the built-in scenario: ${r.issues.map((i) => i.message).join('; ')}`);
    s = r.scenario;
  } else {
    const r = loadScenario(scenario, { overrides });
    if (!r.ok) throw new ScenarioFileError(scenario, r.errors);
    s = r.scenario;
  }
  return runSpecOf(s, scenario ?? 'built-in', opts);
}

/** One replicate of a resolved scenario: `--no-elections` switches its elections off, `--point` picks a sweep point. */
export function runSpecOf(s: ResolvedScenario, label: string, opts: Pick<RunArgs, 'replicate' | 'point' | 'elections'>): RunSpec {
  for (const note of s.notes) console.error(`tanker: note: ${note}`);
  const n = s.points.length;
  if (opts.point !== undefined && opts.point >= n)
    throw new Error(
      n > 1
        ? `--point ${opts.point}: ${displayFile(label)} has sweep points 0 to ${n - 1}`
        : `--point ${opts.point}: ${displayFile(label)} has no sweep (only point 0)`,
    );
  if (opts.point === undefined && n > 1)
    console.error(
      `tanker: note: ${displayFile(label)} sweeps ${n} points; this runs the scenario without the sweep's values (--point K runs point K; tanker batch runs them all)`,
    );
  const point = opts.point === undefined ? null : s.points[opts.point]!;
  const elections = opts.elections && s.elections;
  return {
    name: s.name,
    source: s.source,
    config: point ? applyPoint(s.config, point) : s.config,
    seed: s.seed,
    replicate: opts.replicate,
    point: point ? point.index : null,
    interventions: s.interventions,
    elections,
    resolved: elections === s.elections ? s.resolved : { ...s.resolved, elections },
    origin: s.origin,
  };
}

/**
 * A scenario file as the starting point of checks that set their own levers (the stylised facts,
 * the lever table): its organisation and parameters. Its interventions are left out, with a note.
 * A file with errors throws before anything runs.
 */
export function checkBase(file: string, preset: PresetName, checks: string): { readonly name: string; readonly config: ModelConfig } {
  const spec = resolveRunSpec(file, { preset, replicate: 0, elections: true });
  const n = spec.interventions.length;
  if (n > 0)
    console.error(
      `tanker: note: ${file}: its ${n} intervention(s) are not used; ${checks} start from its organisation and parameters and set their own levers`,
    );
  return { name: spec.name, config: spec.config };
}
