/**
 * Rounds of an iterative method (a calibration's ABC-SMC rounds, a search's generations) split
 * into shards for a cluster. The driver keeps the method's state in a checkpoint; for each round
 * it starts n shards (a Slurm job array) and waits. Each shard works out the same round from the
 * checkpoint alone, evaluates its contiguous slice of the round's items and writes the results to
 * OUT/shards/<round>/part-K-of-n.json (write then rename). The driver reads the parts in order and
 * goes on exactly as a local run would, so results do not depend on the number of shards. A shard
 * whose part exists does nothing (a re-run array task or a resubmitted driver redoes no slice).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic.js';
import { fsio } from '../io/fs.js';

export interface Shard {
  /** 1-based, as in batches' `--shard i/n`. */
  readonly i: number;
  readonly n: number;
}

/** One shard's results: `items` are the results of items lo … hi − 1 of the round. */
export interface ShardPart<T> {
  readonly format: string;
  /** What the results belong to (a spec hash or identity): parts of anything else are refused. */
  readonly owner: string;
  readonly round: string;
  readonly shard: Shard;
  readonly lo: number;
  readonly hi: number;
  readonly items: readonly T[];
}

/** A round's items in shard i of n among c: a contiguous slice, sizes differing by at most one. */
export function shardSlice(c: number, { i, n }: Shard): { lo: number; hi: number } {
  return { lo: Math.floor(((i - 1) * c) / n), hi: Math.floor((i * c) / n) };
}

export function shardPartPath(out: string, round: string, { i, n }: Shard): string {
  return join(out, 'shards', round, `part-${i}-of-${n}.json`);
}

export function readShardPart<T>(path: string, format: string): ShardPart<T> {
  const p = JSON.parse(fsio.readFileSync(path).toString('utf8')) as ShardPart<T>;
  if (p.format !== format) throw new Error(`${path}: format: found ${JSON.stringify(p.format)}; allowed: "${format}"`);
  return p;
}

/** Is the part of this shard of this round already written for this owner? */
export function hasShardPart(out: string, round: string, shard: Shard, format: string, owner: string): boolean {
  const path = shardPartPath(out, round, shard);
  return fsio.existsSync(path) && readShardPart(path, format).owner === owner;
}

export function writeShardPart<T>(out: string, part: ShardPart<T>): string {
  const path = shardPartPath(out, part.round, part.shard);
  fsio.mkdirSync(join(out, 'shards', part.round));
  writeFileAtomic(path, `${JSON.stringify(part)}\n`);
  return path;
}

/** What a shard did: its slice of the round, and whether its part was already there. */
export interface ShardOutcome {
  readonly round: string;
  readonly lo: number;
  readonly hi: number;
  /** True when the part was already there (nothing evaluated). */
  readonly kept: boolean;
  /** False when the run is finished and there is nothing left to evaluate. */
  readonly worked: boolean;
}

/** A shard's outcome when the run is finished. */
export const NOTHING_LEFT: ShardOutcome = { round: 'none', lo: 0, hi: 0, kept: true, worked: false };

/**
 * The shard's side of a round of `count` items: unless its part is written, evaluate its slice
 * (`evaluate(lo, hi)` gives the results of items lo … hi − 1) and write the part.
 */
export async function runShard<T>(
  out: string,
  round: string,
  count: number,
  shard: Shard,
  format: string,
  owner: string,
  evaluate: (lo: number, hi: number) => Promise<T[]>,
): Promise<ShardOutcome> {
  const { lo, hi } = shardSlice(count, shard);
  if (hasShardPart(out, round, shard, format, owner)) return { round, lo, hi, kept: true, worked: true };
  const items = hi > lo ? await evaluate(lo, hi) : [];
  writeShardPart(out, { format, owner, round, shard, lo, hi, items });
  return { round, lo, hi, kept: false, worked: true };
}

/** The shards (1-based) of a round whose part is not written yet. */
export function missingShards(out: string, round: string, n: number): number[] {
  const missing: number[] = [];
  for (let i = 1; i <= n; i++) if (!fsio.existsSync(shardPartPath(out, round, { i, n }))) missing.push(i);
  return missing;
}

/** The round's results from its n parts, in item order; throws naming what is missing or wrong. */
export function collectShards<T>(out: string, round: string, n: number, count: number, format: string, owner: string): T[] {
  const missing = missingShards(out, round, n);
  if (missing.length > 0)
    throw new Error(
      `round ${round}: shard${missing.length === 1 ? '' : 's'} ${missing.join(', ')} of ${n} wrote no result (see the logs in ${join(out, 'slurm', 'logs')}); resubmit the driver to continue: finished rounds and shards are kept`,
    );
  const items: T[] = [];
  for (let i = 1; i <= n; i++) {
    const path = shardPartPath(out, round, { i, n });
    const p = readShardPart<T>(path, format);
    const want = shardSlice(count, { i, n });
    if (p.owner !== owner || p.round !== round || p.lo !== want.lo || p.hi !== want.hi || p.items.length !== want.hi - want.lo)
      throw new Error(`${path} is not shard ${i}/${n} of round ${round} of this run (${owner}); remove it and resubmit`);
    items.push(...p.items);
  }
  return items;
}

/** Parts of rounds other than `round`: their results are in the checkpoint, so they are no longer needed. */
function removeOtherRounds(out: string, round: string): void {
  const dir = join(out, 'shards');
  if (!fsio.existsSync(dir)) return;
  for (const r of fsio.readdirSync(dir)) if (r !== round) rmSync(join(dir, r), { recursive: true, force: true });
}

/** Remove every shard part once the run is finished and its checkpoint holds all results. */
export function removeShardParts(out: string): void {
  rmSync(join(out, 'shards'), { recursive: true, force: true });
}

/** Starts the given shards (1-based) of a round and returns when they have ended, finished or not. */
export type SubmitShards = (round: string, shards: readonly number[]) => Promise<void>;

/** The driver's side of a round: start the shards not yet written, then read every part in order. */
export async function runShardedRound<T>(
  out: string,
  round: string,
  n: number,
  count: number,
  format: string,
  owner: string,
  submit: SubmitShards,
): Promise<T[]> {
  removeOtherRounds(out, round);
  const missing = missingShards(out, round, n);
  if (missing.length > 0) await submit(round, missing);
  return collectShards<T>(out, round, n, count, format, owner);
}

/** Submit shards of a round as one job array of `script` and wait for it (sbatch --wait). */
export function sbatchWait(script: string): SubmitShards {
  return async (_round, shards) => {
    try {
      execFileSync('sbatch', ['--wait', '--parsable', `--array=${shards.join(',')}`, script], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      const err = e as NodeJS.ErrnoException & { stderr?: string };
      if (err.code === 'ENOENT') throw new Error('sbatch was not found on PATH: the sharded driver runs on a Slurm cluster');
      // A failed task leaves its part missing and collectShards then names it; say here why sbatch
      // itself failed (it could not submit, or a task ended badly), for the driver's log.
      process.stderr.write(`sbatch --wait --array=${shards.join(',')} ${script} ended badly: ${(err.stderr ?? err.message).trim()}\n`);
    }
  };
}
