/**
 * A calibration's rounds split into shards, for a cluster. The driver (`tanker calibrate FILE
 * --out DIR --shards n`, itself a Slurm job) keeps the ABC-SMC state in DIR/checkpoint.json as a
 * local calibration does; for each round it starts n shards (`tanker calibrate FILE --out DIR
 * --shard K/n`, a Slurm job array) and waits. Every shard reads the checkpoint, works out the same
 * round (`roundWork` is a pure function of it), simulates its contiguous slice of the candidates
 * and writes their statistics to DIR/shards/<round>/part-K-of-n.json (write then rename). The
 * driver then reads the parts in order and accepts the round exactly as a local run would, so the
 * ensemble is byte-identical whatever the number of shards. A shard whose part exists does nothing
 * (a re-run array task or a resubmitted driver redoes no finished slice).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openReplicatePool } from '../batch/replicates.js';
import { writeFileAtomic } from '../io/atomic.js';
import { fsio } from '../io/fs.js';
import {
  CHECKPOINT,
  type Checkpoint,
  type RoundExecutor,
  type RoundWork,
  readCheckpoint,
  roundWork,
  simulate,
  startState,
} from './calibration-run.js';
import type { CalibrationSpec } from './calibration-spec.js';

export const SHARD_FORMAT = 'tanker-calibration-shard/1';

export interface Shard {
  /** 1-based, as in batches' `--shard i/n`. */
  readonly i: number;
  readonly n: number;
}

interface ShardPart {
  readonly format: typeof SHARD_FORMAT;
  readonly spec: string;
  readonly round: string;
  readonly shard: Shard;
  /** Candidates lo … hi − 1 of the round. */
  readonly lo: number;
  readonly hi: number;
  /** Per candidate, per target; a statistic that is not a finite number is written as null. */
  readonly stats: readonly (readonly (number | null)[])[];
}

/** Candidates of shard i of n among c: a contiguous slice, sizes differing by at most one. */
export function shardSlice(c: number, { i, n }: Shard): { lo: number; hi: number } {
  return { lo: Math.floor(((i - 1) * c) / n), hi: Math.floor((i * c) / n) };
}

export function shardPartPath(out: string, round: string, { i, n }: Shard): string {
  return join(out, 'shards', round, `part-${i}-of-${n}.json`);
}

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

function readPart(path: string): ShardPart {
  const p = JSON.parse(fsio.readFileSync(path).toString('utf8')) as ShardPart;
  if (p.format !== SHARD_FORMAT) throw new Error(`${path}: format: found ${JSON.stringify(p.format)}; allowed: "${SHARD_FORMAT}"`);
  return p;
}

export interface ShardOutcome {
  readonly round: string;
  readonly lo: number;
  readonly hi: number;
  /** True when the part was already there (nothing simulated). */
  readonly kept: boolean;
  /** Null when the calibration is finished and there is nothing left to simulate. */
  readonly path: string | null;
}

/** Simulate shard i of n of the round the checkpoint in `out` is at, and write its part. */
export async function runCalibrationShard(spec: CalibrationSpec, out: string, shard: Shard, threads: number): Promise<ShardOutcome> {
  const cp = readCheckpoint(out);
  if (cp === null)
    throw new Error(`${out} holds no ${CHECKPOINT}: start the calibration's driver first (tanker cluster calibrate writes and submits it)`);
  if (cp.spec !== spec.hash) throw new Error(`${out} holds another calibration (spec ${cp.spec}; this file makes spec ${spec.hash})`);
  const work = roundWork(cp, spec.method.replicates);
  if (work === null) return { round: 'none', lo: 0, hi: 0, kept: true, path: null };
  const { lo, hi } = shardSlice(work.thetas.length, shard);
  const path = shardPartPath(out, work.key, shard);
  if (fsio.existsSync(path) && readPart(path).spec === spec.hash) return { round: work.key, lo, hi, kept: true, path };
  let stats: number[][] = [];
  if (hi > lo) {
    const pool = openReplicatePool(threads);
    try {
      stats = await simulate(spec, work.thetas.slice(lo, hi), work.first + lo * spec.method.replicates, pool);
    } finally {
      await pool.close();
    }
  }
  const part: ShardPart = {
    format: SHARD_FORMAT,
    spec: spec.hash,
    round: work.key,
    shard,
    lo,
    hi,
    stats: stats.map((row) => row.map((v) => (Number.isFinite(v) ? v : null))),
  };
  fsio.mkdirSync(join(out, 'shards', work.key));
  writeFileAtomic(path, `${JSON.stringify(part)}\n`);
  return { round: work.key, lo, hi, kept: false, path };
}

/** The shards (1-based) of a round whose part is not written yet. */
export function missingShards(out: string, round: string, n: number): number[] {
  const missing: number[] = [];
  for (let i = 1; i <= n; i++) if (!fsio.existsSync(shardPartPath(out, round, { i, n }))) missing.push(i);
  return missing;
}

/** The round's statistics from its n parts, in candidate order; throws naming what is missing or wrong. */
export function collectShards(spec: CalibrationSpec, out: string, work: RoundWork, n: number): number[][] {
  const missing = missingShards(out, work.key, n);
  if (missing.length > 0)
    throw new Error(
      `round ${work.key}: shard${missing.length === 1 ? '' : 's'} ${missing.join(', ')} of ${n} wrote no result (see the logs in ${join(out, 'slurm', 'logs')}); resubmit the driver to continue: finished rounds and shards are kept`,
    );
  const stats: number[][] = [];
  for (let i = 1; i <= n; i++) {
    const path = shardPartPath(out, work.key, { i, n });
    const p = readPart(path);
    const want = shardSlice(work.thetas.length, { i, n });
    if (p.spec !== spec.hash || p.round !== work.key || p.lo !== want.lo || p.hi !== want.hi || p.stats.length !== want.hi - want.lo)
      throw new Error(
        `${path} is not shard ${i}/${n} of round ${work.key} of this calibration (spec ${spec.hash}); remove it and resubmit`,
      );
    for (const row of p.stats) stats.push(row.map((v) => (v === null ? Number.NaN : v)));
  }
  return stats;
}

/** Parts of rounds before `round`: their results are in the checkpoint, so they are no longer needed. */
function removeOtherRounds(out: string, round: string): void {
  const dir = join(out, 'shards');
  if (!fsio.existsSync(dir)) return;
  for (const r of fsio.readdirSync(dir)) if (r !== round) rmSync(join(dir, r), { recursive: true, force: true });
}

/**
 * The driver's executor: each round is a Slurm job array of the shards not yet written
 * (`sbatch --wait`, so the driver job sleeps while the array runs), then the parts are collected.
 * `submit` is replaceable for tests that run the shards without Slurm.
 */
export function shardedExecutor(
  spec: CalibrationSpec,
  out: string,
  n: number,
  submit: (round: string, shards: readonly number[]) => Promise<void>,
): RoundExecutor {
  return async (work, onDone) => {
    removeOtherRounds(out, work.key);
    const missing = missingShards(out, work.key, n);
    if (missing.length > 0) await submit(work.key, missing);
    const stats = collectShards(spec, out, work, n);
    onDone?.(work.thetas.length * spec.method.replicates);
    return stats;
  };
}

/** Submit shards of the round as one job array of `script` and wait for it (sbatch --wait). */
export function sbatchWait(script: string): (round: string, shards: readonly number[]) => Promise<void> {
  return async (_round, shards) => {
    try {
      execFileSync('sbatch', ['--wait', '--parsable', `--array=${shards.join(',')}`, script], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      const err = e as NodeJS.ErrnoException & { stderr?: string };
      if (err.code === 'ENOENT') throw new Error('sbatch was not found on PATH: the sharded driver runs on a Slurm cluster');
      // A failed task leaves its part missing; collectShards then names it.
    }
  };
}
