/**
 * A search's generations split into shards, for a cluster (the machinery: batch/round-shards.ts).
 * The driver (`tanker search FILE --out DIR --shards n`, a Slurm job) keeps the NSGA-II state and
 * the evaluation cache in DIR/checkpoint.json as a local search does; for each generation it starts
 * n shards (`tanker search FILE --out DIR --shard K/n`, a Slurm job array). Each shard works out the
 * same generation's new packages from the checkpoint (`generationWork` is pure), evaluates its
 * contiguous slice in every world and writes the evaluations. The driver then accepts the
 * generation as a local search would: the results are byte-identical whatever the shards.
 */

import { NOTHING_LEFT, runShard, runShardedRound, type Shard, type ShardOutcome, type SubmitShards } from '../batch/round-shards.js';
import { textHash } from '../io/hash.js';
import { CHECKPOINT, type GenerationExecutor, generationWork, readCheckpoint, searchIdentity } from './driver.js';
import { evaluatePackages, type PackageEvaluation, searchWorlds } from './evaluate.js';
import type { SearchSpec } from './spec.js';

export const SEARCH_SHARD_FORMAT = 'tanker-search-shard/1';

/** A short name of what decides a search's results, to mark its shard files. */
export function searchOwner(spec: SearchSpec): string {
  return textHash(searchIdentity(spec));
}

/** Evaluate shard i of n of the generation the checkpoint in `out` is at, and write its part. */
export async function runSearchShard(spec: SearchSpec, out: string, shard: Shard, threads: number): Promise<ShardOutcome> {
  const cp = readCheckpoint(out);
  if (cp === null)
    throw new Error(`${out} holds no ${CHECKPOINT}: start the search's driver first (tanker cluster search writes and submits it)`);
  if (cp.identity !== searchIdentity(spec)) throw new Error(`${out} holds a search of another spec (or scenario, or ensemble)`);
  const work = generationWork(spec, cp);
  if (work === null) return NOTHING_LEFT;
  return runShard(out, work.key, work.packages.length, shard, SEARCH_SHARD_FORMAT, searchOwner(spec), (lo, hi) =>
    evaluatePackages(spec, searchWorlds(spec), work.packages.slice(lo, hi), { threads }),
  );
}

/** The driver's executor: a generation's missing shards are submitted (sbatch --wait on a cluster), then collected. */
export function searchShardedExecutor(spec: SearchSpec, out: string, n: number, submit: SubmitShards): GenerationExecutor {
  const owner = searchOwner(spec);
  return (work) => runShardedRound<PackageEvaluation>(out, work.key, n, work.packages.length, SEARCH_SHARD_FORMAT, owner, submit);
}
