/** Scenario files to batch inputs: load and validate every file first, so nothing runs if any is wrong. */
import type { BatchEnsemble } from '../batch/ensemble.js';
import type { BatchScenario } from '../batch/plan.js';
import { batchScenario } from '../scenario/batch-input.js';
import { displayFile, LIMITS, loadScenario, type ScenarioError } from '../scenario/index.js';
import { thousands } from '../scenario/limits.js';
import { ScenarioFileError } from './resolve.js';

export interface BatchOverrides {
  readonly replicates?: number | undefined;
  readonly seed?: string | undefined;
  readonly ensemble?: BatchEnsemble | undefined;
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
    for (const note of r.scenario.notes) console.error(`tanker: note: ${displayFile(file)}: ${note}`);
    out.push(batchScenario(r.scenario, file, ov.replicates, ov.ensemble));
  }
  if (errors.length > 0) {
    const all = errors.flatMap((e) => e.errors);
    throw new ScenarioFileError(errors.length === 1 ? errors[0]!.file : `${errors.length} scenario files`, all);
  }
  checkBatchSize(out);
  return out;
}

/** The whole batch (every file's sweep points × replicates) within LIMITS.batchReplicates, before the plan is built. */
export function checkBatchSize(scenarios: readonly BatchScenario[]): void {
  const total = scenarios.reduce((n, s) => n + s.points.length * s.replicates, 0);
  if (total <= LIMITS.batchReplicates) return;
  const parts = scenarios.map((s) => `${s.name}: ${thousands(s.points.length)} point(s) × ${thousands(s.replicates)} replicates`);
  throw new Error(
    `this batch has ${thousands(total)} replicates (${parts.join('; ')}); allowed: at most ${thousands(LIMITS.batchReplicates)} in one batch. Use fewer replicates or sweep points, or split the files over several batches.`,
  );
}
