/**
 * A calibration's rounds split into shards, for a cluster (the machinery: batch/round-shards.ts).
 * The driver (`tanker calibrate FILE --out DIR --shards n`, itself a Slurm job) keeps the ABC-SMC
 * state in DIR/checkpoint.json as a local calibration does; for each round it starts n shards
 * (`tanker calibrate FILE --out DIR --shard K/n`, a Slurm job array) and waits. Every shard reads
 * the checkpoint, works out the same round (`roundWork` is a pure function of it), simulates its
 * contiguous slice of the candidates and writes their statistics. The driver then accepts the
 * round exactly as a local run would, so the ensemble is byte-identical whatever the number of
 * shards.
 */
import { join } from 'node:path';
import { openReplicatePool } from '../batch/replicates.js';
import { NOTHING_LEFT, runShard, runShardedRound, type Shard, type ShardOutcome, type SubmitShards } from '../batch/round-shards.js';
import { writeFileAtomic } from '../io/atomic.js';
import { fsio } from '../io/fs.js';
import {
  CHECKPOINT,
  type Checkpoint,
  particleRuns,
  type RoundExecutor,
  readCheckpoint,
  roundWork,
  simulate,
  startState,
} from './calibration-run.js';
import type { CalibrationSpec } from './calibration-spec.js';

export const SHARD_FORMAT = 'tanker-calibration-shard/1';

/**
 * Create DIR/checkpoint.json for this calibration if it is not there (the shards of the first
 * round read it), or check that the one there is this calibration's. Returns the checkpoint.
 */
export function initCalibration(spec: CalibrationSpec, out: string): Checkpoint {
  const cp = startState(spec, out, true);
  fsio.mkdirSync(out);
  if (!fsio.existsSync(join(out, CHECKPOINT))) writeFileAtomic(join(out, CHECKPOINT), `${JSON.stringify(cp)}\n`);
  return cp;
}

/** Simulate shard i of n of the round the checkpoint in `out` is at, and write its part. */
export async function runCalibrationShard(spec: CalibrationSpec, out: string, shard: Shard, threads: number): Promise<ShardOutcome> {
  const cp = readCheckpoint(out);
  if (cp === null)
    throw new Error(`${out} holds no ${CHECKPOINT}: start the calibration's driver first (tanker cluster calibrate writes and submits it)`);
  if (cp.spec !== spec.hash) throw new Error(`${out} holds another calibration (spec ${cp.spec}; this file makes spec ${spec.hash})`);
  const work = roundWork(cp, spec.method.replicates);
  if (work === null) return NOTHING_LEFT;
  return runShard(out, work.key, work.thetas.length, shard, SHARD_FORMAT, spec.hash, async (lo, hi) => {
    const pool = openReplicatePool(threads);
    try {
      const stats = await simulate(spec, work.thetas.slice(lo, hi), work.first + lo * spec.method.replicates, pool);
      // A statistic that is not a finite number is written as null and read back as NaN (rejected, as in a local run).
      return stats.map((row) => row.map((v) => (Number.isFinite(v) ? v : null)));
    } finally {
      await pool.close();
    }
  });
}

/**
 * The driver's executor: each round's shards not yet written are submitted (`sbatch --wait` on a
 * cluster; `submit` is replaceable for tests that run the shards without Slurm), then collected.
 */
export function shardedExecutor(spec: CalibrationSpec, out: string, n: number, submit: SubmitShards): RoundExecutor {
  return async (work, onDone) => {
    const rows = await runShardedRound<(number | null)[]>(out, work.key, n, work.thetas.length, SHARD_FORMAT, spec.hash, submit);
    onDone?.(work.thetas.length * particleRuns(spec));
    return rows.map((row) => row.map((v) => (v === null ? Number.NaN : v)));
  };
}
