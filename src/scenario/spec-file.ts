/**
 * What the analysis files (sensitivity, search, discover) share besides load.ts's readers: checking
 * the scenario a file names (relative to it): a file that exists, loads without errors and
 * has no sweep, each problem reported at the `scenario` field or in the scenario's own file; and
 * the ensemble file a search or discover file may name (`ensemble`).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type BatchEnsemble, readEnsemble } from '../batch/ensemble.js';
import { displayFile, foundAllowed, type Issue, type ScenarioError } from './errors.js';
import { isMapping } from './extends.js';
import { type LoadResult, loadScenario } from './load.js';
import type { ResolvedScenario } from './resolve.js';

/** How a checker gets the scenario a file names: its absolute path, whether it is a file, and its loading. */
export type LoadBase = (written: string) => { readonly file: string; readonly exists: boolean; readonly result: LoadResult };

/** Scenarios relative to `file`, from the file system. */
export function baseFromDisk(file: string): LoadBase {
  return (written) => {
    const scenarioFile = resolve(dirname(file), written);
    return { file: scenarioFile, exists: existsSync(scenarioFile) && statSync(scenarioFile).isFile(), result: loadScenario(scenarioFile) };
  };
}

export interface BaseScenario {
  /** Absolute path ('' when the field is missing or not a text). */
  readonly file: string;
  readonly scenario: ResolvedScenario | null;
  /** Errors inside the scenario's own files. */
  readonly errors: readonly ScenarioError[];
}

/**
 * Check `data.scenario` (pushing issues at `scenario` into `issues`); `sweepWhy` says why a sweep
 * is not allowed. A missing or malformed field is left to the file's schema.
 */
export function checkBase(data: unknown, loadBase: LoadBase, issues: Issue[], sweepWhy: string): BaseScenario {
  const written = isMapping(data) && typeof data.scenario === 'string' && data.scenario !== '' ? data.scenario : null;
  if (written === null) return { file: '', scenario: null, errors: [] };
  const base = loadBase(written);
  if (!base.exists) {
    issues.push({
      path: ['scenario'],
      message: foundAllowed(written, 'a path to a scenario file, relative to this file', `no file at ${displayFile(base.file)}`),
    });
    return { file: base.file, scenario: null, errors: [] };
  }
  const r = base.result;
  if (!r.ok) return { file: base.file, scenario: null, errors: r.errors };
  if (r.scenario.sweep !== null) {
    issues.push({ path: ['scenario'], message: foundAllowed(written, 'a scenario without a sweep section', sweepWhy) });
    return { file: base.file, scenario: null, errors: [] };
  }
  return { file: base.file, scenario: r.scenario, errors: [] };
}

/** How a checker gets the ensemble file a search or discover file names: read, or why not. */
export type LoadEnsemble = (
  written: string,
) => { readonly ok: true; readonly ensemble: BatchEnsemble } | { readonly ok: false; readonly why: string };

/** Ensemble files relative to `file`, from the file system (read by batch/ensemble.ts, the one reader). */
export function ensembleFromDisk(file: string): LoadEnsemble {
  return (written) => {
    try {
      return { ok: true, ensemble: readEnsemble(resolve(dirname(file), written)) };
    } catch (e) {
      return { ok: false, why: e instanceof Error ? e.message : String(e) };
    }
  };
}

/**
 * Check `data.ensemble`, if set (pushing an issue at `ensemble` into `issues`): the plausible
 * parameter sets of a calibration to evaluate in. A malformed field is left to the file's schema.
 */
export function checkEnsemble(data: unknown, loadEnsemble: LoadEnsemble, issues: Issue[]): BatchEnsemble | null {
  const written = isMapping(data) && typeof data.ensemble === 'string' && data.ensemble !== '' ? data.ensemble : null;
  if (written === null) return null;
  const r = loadEnsemble(written);
  if (r.ok) return r.ensemble;
  issues.push({
    path: ['ensemble'],
    message: foundAllowed(written, 'an ensemble file written by tanker calibrate (its ensemble.json), relative to this file', r.why),
  });
  return null;
}
