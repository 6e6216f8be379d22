/**
 * Batches and comparisons for the public API: loaded scenarios in, a batch folder out (Parquet,
 * CSV, manifest; the same as `tanker batch`), and every scenario of a batch folder compared with a
 * baseline (the same as `tanker compare`, without drawing).
 */
import { resolve } from 'node:path';
import type { ComparisonRow } from '../analysis/compare.js';
import { type BatchOutcome, runBatch as runBatchOnPool } from '../batch/batch.js';
import { readEnsemble } from '../batch/ensemble.js';
import { defaultThreads } from '../batch/pool.js';
import { chooseBaseline, comparisonFor, loadBatch } from '../report/batch-data.js';
import { batchScenario } from '../scenario/batch-input.js';
import type { ResolvedScenario } from '../scenario/resolve.js';

export interface RunBatchOptions {
  /** Output folder: new or empty, or holding this batch when `resume` is set. */
  readonly out: string;
  /** Worker threads (default: the number of cores); results do not depend on it. */
  readonly threads?: number;
  /** Replicates per scenario and sweep point (default: each scenario's own). */
  readonly replicates?: number;
  /** An ensemble file from `tanker calibrate` (its ensemble.json): replicate r of every scenario runs with member order[r mod N]. */
  readonly ensemble?: string;
  /** Continue an interrupted batch in `out`: finished replicates are kept. */
  readonly resume?: boolean;
  /** Called as replicates finish. */
  readonly onProgress?: (done: number, total: number, failed: number) => void;
}

/** Runs every replicate (and sweep point) of the scenarios on worker threads and writes the batch folder. */
export async function runBatch(scenarios: readonly ResolvedScenario[], opts: RunBatchOptions): Promise<BatchOutcome> {
  let total = 0;
  const progress = opts.onProgress;
  const ensemble = opts.ensemble === undefined ? undefined : readEnsemble(opts.ensemble);
  return runBatchOnPool(
    scenarios.map((s) => batchScenario(s, s.source, opts.replicates, ensemble)),
    {
      out: resolve(opts.out),
      threads: opts.threads ?? defaultThreads(),
      shard: null,
      resume: opts.resume ?? false,
      ...(progress
        ? {
            onStart: (n: number, skipped: number) => {
              total = n - skipped;
            },
            onDone: (done: number, failed: number) => progress(done, total, failed),
          }
        : {}),
    },
  );
}

/** Every scenario (or sweep point) of a finished batch folder against the baseline (default: "baseline" if present, else the first). */
export function compareBatch(dir: string, baseline?: string): ComparisonRow[] {
  const batch = loadBatch(resolve(dir));
  return comparisonFor(batch, chooseBaseline(batch.arms, baseline).name);
}
