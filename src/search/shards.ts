/**
 * A search's generations split into shards, for a cluster (the machinery: batch/round-shards.ts).
 * The driver (`tanker search FILE --out DIR --shards n`, a Slurm job) keeps the NSGA-II state and
 * the evaluation cache in DIR/checkpoint.json as a local search does; for each generation it starts
 * n shards (`tanker search FILE --out DIR --shard K/n`, a Slurm job array). Each shard works out the
 * same generation's new packages from the checkpoint (`generationWork` is pure), evaluates its
 * contiguous slice in every world and writes the evaluations. The driver then accepts the
 * generation as a local search would: the results are byte-identical whatever the shards.
 */

import { hasShardPart, runShardedRound, type Shard, type SubmitShards, shardSlice, writeShardPart } from '../batch/round-shards.js';
import { textHash } from '../io/hash.js';
import { CHECKPOINT, type GenerationExecutor, generationWork, readCheckpoint, searchIdentity } from './driver.js';
import { evaluatePackages, type PackageEvaluation, searchWorlds } from './evaluate.js';
import type { SearchSpec } from './spec.js';

export const SEARCH_SHARD_FORMAT = 'tanker-search-shard/1';

/** A short name of what decides a search's results, to mark its shard files. */
export function searchOwner(spec: SearchSpec): string {
  return textHash(searchIdentity(spec));
}

export interface SearchShardOutcome {
  readonly round: string;
  readonly lo: number;
  readonly hi: number;
  readonly kept: boolean;
  /** False when the search is done and there is nothing left to evaluate. */
  readonly worked: boolean;
}

/** Evaluate shard i of n of the generation the checkpoint in `out` is at, and write its part. */
export async function runSearchShard(spec: SearchSpec, out: string, shard: Shard, threads: number): Promise<SearchShardOutcome> {
  const cp = readCheckpoint(out);
  if (cp === null)
    throw new Error(`${out} holds no ${CHECKPOINT}: start the search's driver first (tanker cluster search writes and submits it)`);
  if (cp.identity !== searchIdentity(spec)) throw new Error(`${out} holds a search of another spec (or scenario, or ensemble)`);
  const work = generationWork(spec, cp);
  if (work === null) return { round: 'none', lo: 0, hi: 0, kept: true, worked: false };
  const owner = searchOwner(spec);
  const { lo, hi } = shardSlice(work.packages.length, shard);
  if (hasShardPart(out, work.key, shard, SEARCH_SHARD_FORMAT, owner)) return { round: work.key, lo, hi, kept: true, worked: true };
  const items = hi > lo ? await evaluatePackages(spec, searchWorlds(spec), work.packages.slice(lo, hi), { threads }) : [];
  writeShardPart(out, { format: SEARCH_SHARD_FORMAT, owner, round: work.key, shard, lo, hi, items });
  return { round: work.key, lo, hi, kept: false, worked: true };
}

/** The driver's executor: a generation's missing shards are submitted (sbatch --wait on a cluster), then collected. */
export function searchShardedExecutor(spec: SearchSpec, out: string, n: number, submit: SubmitShards): GenerationExecutor {
  const owner = searchOwner(spec);
  return (work) => runShardedRound<PackageEvaluation>(out, work.key, n, work.packages.length, SEARCH_SHARD_FORMAT, owner, submit);
}
