/**
 * A batch from plan to results: run the (shard's) tasks that have no checkpoint yet on the worker
 * pool, then assemble the result tables and a manifest. A shard only runs; `merge` assembles.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic.js';
import { fileHashes } from '../io/hash.js';
import { provenance } from '../io/provenance.js';
import { assemble } from './assemble.js';
import { ensurePartsDir, existingParts } from './parts.js';
import { type BatchScenario, type Plan, shardTasks } from './plan.js';
import { ensurePlanFile, planFilePath } from './plan-file.js';
import { type Failure, runOnPool } from './pool.js';

export interface BatchOptions {
  readonly out: string;
  readonly threads: number;
  readonly shard: { i: number; n: number } | null;
  readonly resume: boolean;
  readonly onStart?: (total: number, skipped: number) => void;
  readonly onDone?: (done: number, failed: number) => void;
  readonly stopped?: () => boolean;
}

export interface BatchOutcome {
  readonly plan: Plan;
  readonly ran: number;
  readonly skipped: number;
  readonly failures: readonly Failure[];
  readonly interrupted: boolean;
  readonly files: readonly string[];
  readonly missing: readonly string[];
}

export async function runBatch(scenarios: readonly BatchScenario[], opts: BatchOptions): Promise<BatchOutcome> {
  const startedAt = new Date().toISOString(); // clock-ok: manifest metadata
  const path = planFilePath(opts.out);
  if (existsSync(path)) {
    if (!opts.resume) throw new Error(`${opts.out} already holds a batch; pass --resume to continue it, or choose another --out`);
  } else if (existsSync(opts.out) && readdirSync(opts.out).length > 0) {
    // A folder without a plan must be empty: old parts from another batch would mix into this one.
    throw new Error(`${opts.out} is not empty and holds no batch (no plan.json); choose an empty or new --out folder`);
  }
  // Created exactly once even when shards start together; a different batch is refused.
  const { plan } = ensurePlanFile(opts.out, scenarios);
  ensurePartsDir(opts.out);
  const have = existingParts(opts.out);
  const mine = shardTasks(plan.tasks, opts.shard);
  const todo = mine.filter((t) => !have.has(t.key));
  opts.onStart?.(mine.length, mine.length - todo.length);
  const poolOpts = {
    out: opts.out,
    threads: opts.threads,
    ...(opts.onDone ? { onDone: opts.onDone } : {}),
    ...(opts.stopped ? { stopped: opts.stopped } : {}),
  };
  const failures = await runOnPool(plan, todo, poolOpts);
  const interrupted = opts.stopped?.() ?? false;
  const failPath = join(opts.out, opts.shard ? `failures-${opts.shard.i}-of-${opts.shard.n}.json` : 'failures.json');
  if (failures.length > 0) writeFileAtomic(failPath, `${JSON.stringify(failures, null, 2)}\n`);
  else rmSync(failPath, { force: true });
  const base = { plan, ran: todo.length - failures.length, skipped: mine.length - todo.length, failures, interrupted };
  if (interrupted || opts.shard) {
    if (opts.shard && !interrupted) {
      writeFileAtomic(
        join(opts.out, `shard-${opts.shard.i}-of-${opts.shard.n}.json`),
        `${JSON.stringify({ ...provenance(), kind: 'shard', plan: plan.hash, shard: opts.shard, tasks: mine.length, failed: failures.length, startedAt, endedAt: new Date().toISOString() }, null, 2)}\n`, // clock-ok
      );
    }
    return { ...base, files: [], missing: [] };
  }
  const result = assemble(plan, opts.out, `tanker ${provenance().version}`);
  writeManifest(plan, opts.out, result.files, {
    kind: 'batch',
    threads: opts.threads,
    startedAt,
    failed: failures.length,
    missing: result.missing,
  });
  return { ...base, files: result.files, missing: result.missing };
}

export function writeManifest(plan: Plan, out: string, files: readonly string[], extra: Record<string, unknown>): void {
  const hashes = fileHashes(out, files);
  const manifest = {
    ...provenance(),
    ...extra,
    endedAt: new Date().toISOString(), // clock-ok
    plan: plan.hash,
    tasks: plan.tasks.length,
    scenarios: plan.scenarios.map((s) => ({
      name: s.name,
      source: s.source,
      seed: s.seed,
      replicates: s.replicates,
      points: s.points,
      replicateSeeds: `RngStreams("${s.seed}", r) for r = 0..${s.replicates - 1}; identical across scenarios with the same seed (common random numbers)`,
      resolved: s.resolved,
    })),
    files: hashes,
  };
  writeFileAtomic(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
