/** Scenario files to batch inputs: load and validate every file first, so nothing runs if any is wrong. */
import type { BatchScenario } from '../batch/plan.js';
import { batchScenario } from '../scenario/batch-input.js';
import { loadScenario, type ScenarioError } from '../scenario/index.js';
import { ScenarioFileError } from './resolve.js';

export interface BatchOverrides {
  readonly replicates?: number | undefined;
  readonly seed?: string | undefined;
}

export function loadBatchScenarios(files: readonly string[], ov: BatchOverrides): BatchScenario[] {
  const errors: { file: string; errors: readonly ScenarioError[] }[] = [];
  const out: BatchScenario[] = [];
  for (const file of files) {
    const r = loadScenario(file, { overrides: { seed: ov.seed } });
    if (!r.ok) {
      errors.push({ file, errors: r.errors });
      continue;
    }
    out.push(batchScenario(r.scenario, file, ov.replicates));
  }
  if (errors.length > 0) {
    const all = errors.flatMap((e) => e.errors);
    throw new ScenarioFileError(errors.length === 1 ? errors[0]!.file : `${errors.length} scenario files`, all);
  }
  return out;
}
