/**
 * What the analysis files (sensitivity, search, discover) share besides load.ts's readers: checking
 * the scenario a file names (relative to it): a file that exists, loads without errors and
 * has no sweep, each problem reported at the `scenario` field or in the scenario's own file.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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
